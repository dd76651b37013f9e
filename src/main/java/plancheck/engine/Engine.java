package plancheck.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import plancheck.domain.Commitment;
import plancheck.domain.Evaluation;
import plancheck.domain.Kind;
import plancheck.domain.Policy;
import plancheck.domain.Result;
import plancheck.domain.Standing;
import plancheck.domain.Status;

/**
 * The rule engine: long-lived Drools sessions, partitioned by district, fed incrementally, with a Java-side
 * index of the latest evaluation of every commitment.
 *
 * <p>Writes go to the partition that owns the commitment's district and run holding its turn: on that partition's
 * own thread, or (one commitment's update, when nothing is queued) on the caller's. The returned future completes
 * once the affected evaluations are fresh in the index; do not block in a callback attached to it (use the async
 * variants to leave the thread). Reads never touch a session.
 *
 * <p>Invalid input fails the returned future and changes nothing: {@link IllegalArgumentException} ("field:
 * reason") for a malformed commitment or result, {@link UnknownCommitmentException} for a result whose commitment
 * is not held.
 *
 * <p>"Today" follows the clock: once a minute the engine looks at the clock's date and, when it has moved on since
 * the last look (midnight), re-evaluates everything at the new date. {@link #setToday} moves the date at once; it
 * stays until the clock's date next changes. Moving the date re-evaluates every commitment of a partition in one
 * batch (about as long as loading them); writes queue behind it and reads see the previous date until it is done.
 *
 * <p>Changes to one commitment are applied in the order they are submitted, except across a change of its district
 * (the commitment moves to another partition): wait for that upsert before reporting on it.
 */
public final class Engine implements AutoCloseable {

    /**
     * Results of one date by id, as they are read back from the store: the same series whether the results came in
     * one by one or a large batch committed after a result that was given a later id.
     */
    private static final Comparator<Result> BY_DATE = Comparator.comparing(Result::asOf)
            .thenComparing(Result::id, Comparator.nullsLast(Comparator.naturalOrder()));

    private volatile RuleBase rules;
    private volatile Decisions.Listener listener = Decisions.Listener.NONE;
    private volatile Tally tally = Tally.NONE;
    private final Partition[] partitions;
    private final Clock clock;
    private final Names names = new Names();
    private final ConcurrentHashMap<String, Track> index = new ConcurrentHashMap<>();
    private final ExecutorService travel;
    private final ScheduledExecutorService midnight;
    private volatile LocalDate today;
    private volatile LocalDate clockDate;
    /** the district tree the policy rows are resolved in */
    private volatile PolicyTable.Lineage lineage = PolicyTable.Lineage.NONE;

    private Engine(RuleBase rules, int partitions, Clock clock) {
        this.rules = rules;
        this.clock = clock;
        this.today = LocalDate.now(clock);
        this.clockDate = today;
        this.partitions = new Partition[partitions];
        for (int i = 0; i < partitions; i++) {
            this.partitions[i] = new Partition(i, rules, names, this::liveTrack, changes -> listener.changed(changes),
                    (from, fromSlot, to, toSlot) -> tally.moved(from, fromSlot, to, toSlot));
        }
        this.travel = Executors.newFixedThreadPool(Math.max(1, partitions), daemon("plancheck-as-of"));
        this.midnight = Executors.newSingleThreadScheduledExecutor(daemon("plancheck-midnight"));
        midnight.scheduleWithFixedDelay(this::followClock, 1, 1, TimeUnit.MINUTES);
    }

    /**
     * Builds the rule base from every .drl file under {@code rulesDir} and starts {@code partitions} sessions.
     *
     * @param clock gives "today", the live evaluation date
     * @throws RuleBuildException naming file, line and message when a rule does not compile
     */
    public static Engine start(Path rulesDir, int partitions, Clock clock) throws RuleBuildException {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions: must be at least 1");
        }
        if (!java.nio.file.Files.isDirectory(rulesDir)) {
            // started from another folder, ./rules is not there: say which folder was looked for
            throw new RuleBuildException(List.of(new RuleBuildException.Problem(rulesDir.toAbsolutePath().toString(),
                    0, "no such folder; give the rules folder with --rules or PLANCHECK_RULES")));
        }
        return start(RuleBase.compile(RuleSources.read(rulesDir)).orThrow(), partitions, clock);
    }

    /** Starts {@code partitions} sessions on a compiled rule base. */
    public static Engine start(RuleBase rules, int partitions, Clock clock) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions: must be at least 1");
        }
        return new Engine(Objects.requireNonNull(rules, "rules"), partitions, Objects.requireNonNull(clock, "clock"));
    }

    /** Where the status changes go from now on (the decision log); by default nowhere. */
    public void onDecisions(Decisions.Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Where the changes of what each live commitment counts as go from now on (the maintained scorecards); by default
     * nowhere. Set it before loading: commitments held already were reported to the one before.
     */
    public void onTally(Tally tally) {
        this.tally = Objects.requireNonNull(tally, "tally");
    }

    /**
     * The district tree in which a policy row for a district applies to the districts under it; each evaluation
     * from now on resolves its policy in it.
     */
    public void useDistricts(PolicyTable.Lineage districts) {
        this.lineage = Objects.requireNonNull(districts, "districts");
    }

    /** The policy row of the rules in use that applies to {@code c}. */
    public Policy policy(Commitment c) {
        return rules.policies.resolve(c.district(), c.category(), lineage);
    }

    /** The rule base in use (for every evaluation begun from now on). */
    public RuleBase ruleBase() {
        return rules;
    }

    /** The live track whose current fact is {@code s}; null for any other fact. */
    private Track liveTrack(Standing s) {
        Track t = index.get(s.getId());
        return t != null && t.standing == s ? t : null;
    }

    /** One partition per available processor. */
    public static int defaultPartitions() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Revision (content hash), files and rule names of the rule base in use. */
    public Ruleset ruleset() {
        return rules.ruleset;
    }

    /**
     * Loads many commitments and their results at once (start-up from storage). A commitment already held is
     * replaced; results are added to their series. Results may name commitments of this batch or ones held.
     */
    public CompletableFuture<Void> load(Collection<Commitment> commitments, Collection<Result> results) {
        // one map from id to what goes on its track; validated in full before anything changes
        Map<String, Placement> byId = new HashMap<>((commitments.size() + 1) * 4 / 3);
        try {
            for (Commitment c : commitments) {
                Inputs.check(c);
                Placement held = byId.putIfAbsent(c.id(), new Placement(c.id(), c));
                if (held != null) {
                    held.commitment = c;
                }
            }
            for (Result r : results) {
                Objects.requireNonNull(r, "result");
                Placement pl = byId.get(r.commitmentId());
                if (pl == null) {
                    Track held = index.get(r.commitmentId());
                    if (held == null || held.owner == null) {
                        throw new UnknownCommitmentException(r.commitmentId());
                    }
                    pl = new Placement(r.commitmentId(), null);
                    pl.kind = held.commitment.kind();
                    byId.put(pl.id, pl);
                }
                Inputs.check(r, pl.commitment != null ? pl.commitment.kind() : pl.kind);
                pl.results = pl.results == null ? new Result[] {r} : withResult(pl.results, r);
            }
        } catch (RuntimeException invalid) {
            return CompletableFuture.failedFuture(invalid);
        }
        // grouped by partition here; the partitions create and index their tracks in parallel
        List<List<Placement>> work = new ArrayList<>(partitions.length);
        for (int i = 0; i < partitions.length; i++) {
            work.add(new ArrayList<>(byId.size() / partitions.length + 16));
        }
        boolean empty = index.isEmpty();
        List<CompletableFuture<?>> moves = new ArrayList<>();
        for (Placement pl : byId.values()) {
            Track held = empty ? null : index.get(pl.id);
            Partition to;
            if (pl.commitment == null) {
                to = held == null ? null : held.owner;
                if (to == null) {
                    return CompletableFuture.failedFuture(new UnknownCommitmentException(pl.id));
                }
            } else {
                to = partitionOf(pl.commitment.district());
                if (held != null) {
                    moves.add(leave(held, to));
                }
            }
            work.get(to.index).add(pl);
        }
        return CompletableFuture.allOf(moves.toArray(CompletableFuture[]::new)).thenCompose(x -> {
            CompletableFuture<?>[] done = new CompletableFuture<?>[partitions.length];
            for (Partition p : partitions) {
                List<Placement> mine = work.get(p.index);
                done[p.index] = p.run(() -> {
                    List<Track> tracks = new ArrayList<>(mine.size());
                    LocalDate day = today;
                    for (Placement pl : mine) {
                        Track t = index.computeIfAbsent(pl.id, k -> new Track(null));
                        pl.apply(t, p);
                        t.prepare(day, p.rules(), lineage);
                        tracks.add(t);
                    }
                    p.evaluate(tracks, Decisions.Cause.LOAD);
                    return null;
                });
            }
            return CompletableFuture.allOf(done);
        });
    }

    /** A commitment (when given) and results (sorted) to put on a track on its partition's thread. */
    private static final class Placement {
        final String id;
        Commitment commitment;
        /** the kind of the held commitment, when only results are loaded for it */
        Kind kind;
        Result[] results;

        Placement(String id, Commitment commitment) {
            this.id = id;
            this.commitment = commitment;
        }

        void apply(Track track, Partition p) {
            if (commitment != null) {
                track.commitment = commitment;
            }
            if (results != null) {
                Result[] merged = track.results;
                if (merged.length == 0) {
                    merged = results;
                } else {
                    for (Result r : results) {
                        merged = withResult(merged, r);
                    }
                }
                track.results = merged;
            }
            track.owner = p;
        }
    }

    /** Inserts a new commitment or replaces the revision held for its id; completes with its fresh evaluation. */
    public CompletableFuture<Evaluation> upsert(Commitment commitment) {
        try {
            Inputs.check(commitment);
        } catch (RuntimeException invalid) {
            return CompletableFuture.failedFuture(invalid);
        }
        Track t = index.computeIfAbsent(commitment.id(), k -> new Track(null));
        Partition to = partitionOf(commitment.district());
        return leave(t, to).thenCompose(x -> to.runNow(() -> {
            new Placement(commitment.id(), commitment).apply(t, to);
            return evaluate(to, t, Decisions.Cause.commitment(commitment.revision()));
        }));
    }

    /** Takes a track out of a partition other than {@code to} (its district changed). */
    private CompletableFuture<Void> leave(Track t, Partition to) {
        Partition from = t.owner;
        if (from == null || from == to) {
            return CompletableFuture.completedFuture(null);
        }
        return from.run(() -> {
            from.remove(t);
            t.owner = null;
            return null;
        });
    }

    /** Removes a commitment and its results from the live sessions and the index. Unknown ids are ignored. */
    public CompletableFuture<Void> retire(String commitmentId) {
        Track t = commitmentId == null ? null : index.get(commitmentId);
        if (t == null) {
            return CompletableFuture.completedFuture(null);
        }
        Partition owner = t.owner;
        if (owner == null) {
            index.remove(commitmentId, t);
            return CompletableFuture.completedFuture(null);
        }
        return owner.runNow(() -> {
            owner.remove(t);
            t.owner = null;
            index.remove(commitmentId, t);
            return null;
        });
    }

    /**
     * Adds a result to its commitment's series (a result with the id of one held replaces it); completes with the
     * commitment's fresh evaluation.
     */
    public CompletableFuture<Evaluation> report(Result result) {
        if (result == null || result.commitmentId() == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("commitmentId: is missing"));
        }
        Track t = index.get(result.commitmentId());
        Partition owner = t == null ? null : t.owner;
        if (owner == null) {
            return CompletableFuture.failedFuture(new UnknownCommitmentException(result.commitmentId()));
        }
        return owner.runNow(() -> {
            if (t.owner != owner || t.handle == null) {
                throw new UnknownCommitmentException(result.commitmentId());
            }
            Inputs.check(result, t.commitment.kind());
            t.results = withResult(t.results, result);
            return evaluate(owner, t, Decisions.Cause.result(result.id()));
        });
    }

    /** The series with {@code r} in date order, by id within a date (see {@link #BY_DATE}); replacing one with its id. */
    private static Result[] withResult(Result[] series, Result r) {
        if (r.id() != null) {
            for (int i = 0; i < series.length; i++) {
                if (r.id().equals(series[i].id())) {
                    Result[] copy = series.clone();
                    copy[i] = r;
                    Arrays.sort(copy, BY_DATE);
                    return copy;
                }
            }
        }
        int at = series.length;
        while (at > 0 && BY_DATE.compare(series[at - 1], r) > 0) {
            at--;
        }
        Result[] copy = new Result[series.length + 1];
        System.arraycopy(series, 0, copy, 0, at);
        copy[at] = r;
        System.arraycopy(series, at, copy, at + 1, series.length - at);
        return copy;
    }

    /** Holding the partition's turn: re-decides one track at the live date. */
    private Evaluation evaluate(Partition p, Track t, Decisions.Cause cause) {
        t.prepare(today, p.rules(), lineage);
        p.evaluate(List.of(t), cause);
        return Explanations.render(t.verdict);
    }

    /** Holding {@code p}'s turn: the tracks its session holds. */
    private List<Track> tracksOf(Partition p) {
        List<Track> mine = new ArrayList<>(index.size() / partitions.length + 16);
        for (Track t : index.values()) {
            if (t.owner == p) {
                mine.add(t);
            }
        }
        return mine;
    }

    /** Moves the live evaluation date (normally driven by the clock at midnight). */
    public CompletableFuture<Void> setToday(LocalDate date) {
        Objects.requireNonNull(date, "date");
        today = date;
        CompletableFuture<?>[] done = new CompletableFuture<?>[partitions.length];
        for (Partition p : partitions) {
            done[p.index] = p.run(() -> {
                List<Track> tracks = tracksOf(p);
                for (Track t : tracks) {
                    t.prepare(date, p.rules(), lineage);
                }
                p.evaluate(tracks, Decisions.Cause.date(date));
                return null;
            });
        }
        return CompletableFuture.allOf(done);
    }

    /** Moves today to the clock's date when that date changed since the last look (run once a minute). */
    CompletableFuture<Void> followClock() {
        LocalDate now = LocalDate.now(clock);
        if (now.equals(clockDate)) {
            return CompletableFuture.completedFuture(null);
        }
        clockDate = now;
        return setToday(now);
    }

    /**
     * Completes once every change submitted before this call has been applied and its evaluation published (each
     * partition has worked through what was queued before it).
     */
    public CompletableFuture<Void> settled() {
        CompletableFuture<?>[] done = new CompletableFuture<?>[partitions.length];
        for (Partition p : partitions) {
            done[p.index] = p.run(() -> null);
        }
        return CompletableFuture.allOf(done);
    }

    /** The live evaluation date. */
    public LocalDate today() {
        return today;
    }

    /** The commitment held for an id, if live. */
    public Optional<Commitment> commitment(String commitmentId) {
        Track t = commitmentId == null ? null : index.get(commitmentId);
        return t == null ? Optional.empty() : Optional.ofNullable(t.commitment);
    }

    /** Every live commitment (a snapshot, unordered). */
    public Collection<Commitment> commitments() {
        List<Commitment> all = new ArrayList<>(index.size());
        for (Track t : index.values()) {
            Commitment c = t.commitment;
            if (c != null) {
                all.add(c);
            }
        }
        return all;
    }

    /** The results held for a live commitment, in date order (empty when unknown). */
    public List<Result> results(String commitmentId) {
        Track t = commitmentId == null ? null : index.get(commitmentId);
        return t == null ? List.of() : List.of(t.results);
    }

    /** The latest evaluation of a live commitment at {@link #today()}, from the index. */
    public Optional<Evaluation> evaluation(String commitmentId) {
        Track t = commitmentId == null ? null : index.get(commitmentId);
        Verdict v = t == null ? null : t.verdict;
        return v == null ? Optional.empty() : Optional.of(Explanations.render(v));
    }

    /** A commitment (any revision of it) and its results, to be judged at some date. */
    public record Subject(Commitment commitment, List<Result> results) {
    }

    /**
     * Evaluates the given commitments as of any past or future date in a throw-away session, with the commitment
     * revisions and results they are held with; the live sessions and the index are not touched. Unknown ids are
     * skipped; the answer follows the order of the ids.
     */
    public CompletableFuture<List<Evaluation>> evaluateAsOf(LocalDate date, Collection<String> commitmentIds) {
        List<Subject> subjects = new ArrayList<>();
        for (String id : new LinkedHashSet<>(commitmentIds)) {
            Track t = index.get(id);
            if (t != null && t.commitment != null) {
                subjects.add(new Subject(t.commitment, List.of(t.results)));
            }
        }
        return evaluate(date, subjects);
    }

    /**
     * Evaluates the given subjects as of {@code date} in a throw-away session, aside from the live sessions; the
     * answer follows their order. Their results need not be sorted.
     */
    public CompletableFuture<List<Evaluation>> evaluate(LocalDate date, List<Subject> subjects) {
        return evaluate(rules, date, subjects);
    }

    /** As {@link #evaluate(LocalDate, List)}, with the rule base given rather than the one in use. */
    public CompletableFuture<List<Evaluation>> evaluate(RuleBase with, LocalDate date, List<Subject> subjects) {
        return verdicts(with, date, subjects).thenApply(vs -> {
            List<Evaluation> out = new ArrayList<>(vs.size());
            for (Verdict v : vs) {
                out.add(Explanations.render(v));
            }
            return out;
        });
    }

    /** The subjects decided by {@code with} in a throw-away session, in their order. */
    private CompletableFuture<List<Verdict>> verdicts(RuleBase with, LocalDate date, List<Subject> subjects) {
        Objects.requireNonNull(date, "date");
        List<Subject> given = List.copyOf(subjects);
        return CompletableFuture.supplyAsync(() -> {
            List<Track> copies = new ArrayList<>(given.size());
            java.util.IdentityHashMap<Standing, Track> byFact = new java.util.IdentityHashMap<>(given.size());
            for (Subject s : given) {
                Track copy = new Track(s.commitment());
                Result[] series = s.results().toArray(Result[]::new);
                Arrays.sort(series, BY_DATE);
                copy.results = series;
                copy.prepare(date, with, lineage);
                copies.add(copy);
                byFact.put(copy.standing, copy);
            }
            Partition.Session session = new Partition.Session(with, names, byFact::get);
            try {
                session.decide(copies);
            } finally {
                session.kie.dispose();
            }
            List<Verdict> out = new ArrayList<>(copies.size());
            for (Track c : copies) {
                out.add(c.publish(with.ruleset.revision()));
            }
            return out;
        }, travel);
    }

    /**
     * The status {@code candidate} decides for every live commitment at today (null where no rule decides one),
     * aside from the live sessions, by id; a rule that throws fails the future.
     */
    public CompletableFuture<Map<String, Status>> trial(RuleBase candidate) {
        List<Subject> subjects = new ArrayList<>(index.size());
        for (Track t : index.values()) {
            if (t.commitment != null && t.owner != null) {
                subjects.add(new Subject(t.commitment, List.of(t.results)));
            }
        }
        subjects.sort(Comparator.comparing(s -> s.commitment().id()));
        return verdicts(candidate, today, subjects).thenApply(vs -> {
            Map<String, Status> out = new java.util.LinkedHashMap<>((vs.size() + 1) * 4 / 3);
            for (Verdict v : vs) {
                out.put(v.commitment().id(), v.status());
            }
            return out;
        });
    }

    /**
     * Puts {@code next} in use: each partition in turn, on its thread, decides all it holds with {@code next} in a
     * fresh session and only then publishes; writes queue meanwhile, reads see the previous verdicts. Every verdict
     * comes from one rule base and names its revision; status changes are reported with cause RULES.
     */
    public CompletableFuture<Void> swap(RuleBase next) {
        Objects.requireNonNull(next, "next");
        Decisions.Cause cause = Decisions.Cause.rules(next.ruleset.revision());
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Partition p : partitions) {
            chain = chain.thenCompose(x -> p.run(() -> {
                List<Track> tracks = tracksOf(p);
                LocalDate day = today;
                for (Track t : tracks) {
                    t.prepare(day, next, lineage);
                }
                p.replace(next, tracks, cause);
                return null;
            }));
        }
        RuleBase before = rules;
        return chain.handle((x, failed) -> {
            if (failed == null) {
                rules = next;
                return CompletableFuture.<Void>completedFuture(null);
            }
            // a partition refused the new rules: put back the old ones where they were swapped already
            CompletableFuture<?>[] back = new CompletableFuture<?>[partitions.length];
            for (Partition p : partitions) {
                back[p.index] = p.rules() != next ? CompletableFuture.completedFuture(null) : p.run(() -> {
                    List<Track> tracks = tracksOf(p);
                    for (Track t : tracks) {
                        t.prepare(today, before, lineage);
                    }
                    p.replace(before, tracks, Decisions.Cause.rules(before.ruleset.revision()));
                    return null;
                });
            }
            return CompletableFuture.allOf(back).thenCompose(y -> CompletableFuture.<Void>failedFuture(failed));
        }).thenCompose(f -> f);
    }

    private Partition partitionOf(String district) {
        return partitions[Math.floorMod(district.hashCode(), partitions.length)];
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        midnight.shutdownNow();
        travel.shutdownNow();
        for (Partition p : partitions) {
            p.close();
        }
    }
}
