package plancheck.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import plancheck.domain.Action;
import plancheck.domain.Actor;
import plancheck.domain.Commitment;
import plancheck.domain.District;
import plancheck.domain.Evaluation;
import plancheck.domain.Kind;
import plancheck.domain.Result;
import plancheck.domain.Status;
import plancheck.engine.Engine;
import plancheck.engine.Ruleset;
import plancheck.store.AuditStore;
import plancheck.store.Store;

/**
 * Validates requests, stores them, then feeds the engine. Writes run one at a time on a single writer thread, so
 * the engine receives changes in exactly the order they were committed and validation sees every earlier write.
 * Reads come from memory (commitments) and the engine's index (evaluations) and never wait for a write.
 *
 * <p>Every method returns a future that fails with a {@link Rejected} when the request breaks a rule; then nothing
 * was stored.
 */
public final class Service implements AutoCloseable {

    /** A stored result and the evaluation of its commitment right after it. */
    public record Reported(Result result, Evaluation evaluation) {
    }

    /**
     * Filter of commitments and evaluations; null (or empty) fields match everything.
     *
     * @param districts any of these district ids
     * @param owner     责任单位, exactly as stored
     * @param warning   a warning code the evaluation carries (evaluations and scorecards only)
     */
    public record Filter(Set<String> districts, Integer year, String category, Kind kind, Status status, String owner,
            String warning) {
        public static final Filter ALL = new Filter(null, null, null, null, null, null, null);

        public Filter {
            districts = districts == null || districts.isEmpty() ? null : Set.copyOf(districts);
        }

        /** The commitments of one district (null: all) and year (null: all). */
        public static Filter of(String district, Integer year) {
            return new Filter(district == null ? null : Set.of(district), year, null, null, null, null, null);
        }

        public Filter withDistricts(Set<String> newDistricts) {
            return new Filter(newDistricts, year, category, kind, status, owner, warning);
        }

        boolean matches(Commitment c) {
            return (districts == null || districts.contains(c.district())) && (year == null || year == c.year())
                    && (category == null || category.equals(c.category())) && (kind == null || kind == c.kind())
                    && (owner == null || owner.equals(c.owner()));
        }

        boolean matches(Evaluation e) {
            return (status == null || status == e.status())
                    && (warning == null || e.warnings().stream().anyMatch(w -> w.code().equals(warning)));
        }
    }

    /** One page of a sorted list and the size of the whole list. */
    public record Page<T>(int total, int limit, int offset, List<T> items) {
        static <T> Page<T> of(List<T> all, int limit, int offset) {
            int from = Math.min(offset, all.size());
            int to = Math.min(all.size(), from + limit);
            return new Page<>(all.size(), limit, offset, List.copyOf(all.subList(from, to)));
        }

        public <V> Page<V> map(Function<T, V> f) {
            return new Page<>(total, limit, offset, items.stream().map(f).toList());
        }
    }

    private static final int MAX_GROUP = 512;

    private final Store store;
    private final Engine engine;
    private final Clock clock;
    /** replaced as a whole on the writer thread when the tree changes */
    private volatile Districts districts;
    /** the scorecards of today, kept as the engine's evaluations change */
    private Scorecards scorecards;
    private History history;
    private Access access;
    private AuditTrail audit;
    private Accounts accounts;
    /** stores the status changes of a write in its transaction, once a decision log listens */
    private Foresight foresight;
    /** Committed current revisions of the live commitments; changed only on the writer thread after a commit. */
    private final Map<String, Commitment> live = new ConcurrentHashMap<>();
    /** Ids of the commitments with stored results; changed only on the writer thread after a commit. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> thread(r, "plancheck-writer"));
    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    /** large batches of results: the first runs, the others wait for it; writer thread only */
    private final java.util.ArrayDeque<LargeBatch> batches = new java.util.ArrayDeque<>();
    private final ExecutorService readers = Executors.newFixedThreadPool(4, r -> thread(r, "plancheck-reader"));

    private Service(Store store, Engine engine, Clock clock) {
        this.store = store;
        this.engine = engine;
        this.clock = clock;
    }

    /** Loads what is stored into the engine and returns a service ready for requests. */
    public static Service start(Store store, Engine engine, Clock clock) {
        return start(store, engine, clock, Accounts.Policy.DEFAULT);
    }

    /** The same with the given login and session policy. */
    public static Service start(Store store, Engine engine, Clock clock, Accounts.Policy policy) {
        Service service = new Service(store, engine, clock);
        service.districts = Districts.load(new plancheck.store.DistrictStore(store));
        engine.useDistricts(service.districts.lineage());
        service.access = new Access(() -> service.districts);
        service.audit = new AuditTrail(new AuditStore(store), clock);
        service.accounts = new Accounts(store, service.audit, service.access, () -> service.districts, clock,
                service.writer, service.readers, policy);
        service.history = History.load(store, clock.getZone());
        service.scorecards = new Scorecards(service.districts);
        engine.onTally(service.scorecards);
        service.foresight = new Foresight(engine, store, clock);
        Store.Live held = store.live();
        held.commitments().forEach(c -> service.live.put(c.id(), c));
        held.results().forEach(r -> service.reported.add(r.commitmentId()));
        engine.load(held.commitments(), held.results()).join();
        return service;
    }

    // ---- writes ----

    /** Stores one new commitment (id generated when absent) as revision 1. */
    public CompletableFuture<Commitment> createCommitment(Commitment c, Actor by) {
        return write(() -> created(create(List.of(c), by, false))).thenApply(list -> list.get(0));
    }

    /** Stores new commitments in one transaction, all or none; field names in errors start with "[index].". */
    public CompletableFuture<List<Commitment>> createCommitments(List<Commitment> cs, Actor by) {
        return write(() -> created(create(cs, by, true)));
    }

    /**
     * Makes {@code c} the next revision of commitment {@code id}; the previous ones stay readable and keep deciding
     * the evaluations at dates before {@code effectiveFrom}.
     *
     * @param effectiveFrom the date from which the revision applies; null: today
     */
    public CompletableFuture<Commitment> reviseCommitment(String id, Commitment c, String reason,
            LocalDate effectiveFrom, Actor by) {
        return write(() -> {
            Commitment current = current(id, by);
            reject(revisionErrors(current, c, reason, effectiveFrom, by, ""));
            Commitment next = c.withId(id).withRevision(current.revision() + 1);
            Foresight.Steps steps = foresight.steps();
            foresight.arm(store.atomically(() -> {
                storeRevision(current, next, reason, effectiveFrom, by);
                return steps.revised(next).store();
            }));
            return revised(next);
        });
    }

    /**
     * Why {@code c} may not become the next revision of {@code current} (field names after {@code prefix}); the
     * actor must be allowed to plan in its district. Writer thread.
     */
    List<FieldError> revisionErrors(Commitment current, Commitment c, String reason, LocalDate effectiveFrom,
            Actor by, String prefix) {
        String id = current.id();
        access.require(by, Action.PLAN, current.district(), prefix + "id");
        if (c.district() != null && !c.district().equals(current.district())) {
            access.require(by, Action.PLAN, c.district(), prefix + "district");
        }
        List<FieldError> errors = new ArrayList<>(Validation.commitment(c, prefix));
        LocalDate today = LocalDate.now(clock);
        if (effectiveFrom != null && effectiveFrom.isAfter(today)) {
            errors.add(new FieldError(prefix + "effectiveFrom", "must not be after today (" + today + "): record a"
                    + " revision when it is decided"));
        }
        if (c.id() != null && !c.id().equals(id)) {
            errors.add(new FieldError(prefix + "id", "must be absent or equal to " + id));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError(prefix + "reason", "required: say why the commitment changes"));
        }
        if (c.kind() != null && c.kind() != current.kind() && reported.contains(id)) {
            errors.add(new FieldError(prefix + "kind", "cannot change from " + current.kind()
                    + " while results are stored; retire it and create a new commitment"));
        }
        return errors;
    }

    /** Stores {@code next} as the next revision with its audit entry; inside the caller's transaction. */
    private void storeRevision(Commitment current, Commitment next, String reason, LocalDate effectiveFrom, Actor by) {
        LocalDate today = LocalDate.now(clock);
        store.revise(next, reason, by.login(), now(), effectiveFrom == null ? today : effectiveFrom);
        audit.append(audit.entry(by, Action.PLAN, "commitment.revise", "commitment", next.id(), next.district(),
                current, next));
    }

    /** After a revision is committed: history, the live map and the engine. */
    private CompletableFuture<Commitment> revised(Commitment next) {
        history.revised(next.id(), store.revisions(next.id()));
        live.put(next.id(), next);
        return engine.upsert(next).thenApply(e -> next);
    }

    /** Retires a commitment: it leaves the evaluations; its revisions and results stay stored. */
    public CompletableFuture<Void> retireCommitment(String id, String reason, Actor by) {
        return write(() -> {
            Commitment c = current(id, by);
            access.require(by, Action.CLOSE, c.district(), "id");
            Instant at = now();
            store.atomically(() -> {
                store.retire(id, reason, by.login(), at);
                audit.append(audit.entry(by, Action.CLOSE, "commitment.retire", "commitment", id, c.district(), c,
                        null));
                return null;
            });
            history.retired(id, store.revisions(id), at, engine.results(id));
            live.remove(id);
            return engine.retire(id);
        });
    }

    /** Appends one result; completes with it (id assigned) and the fresh evaluation of its commitment. */
    public CompletableFuture<Reported> report(Result r, Actor by) {
        return enqueue(List.of(r), false, by).thenApply(list -> list.get(0));
    }

    /**
     * Appends results, all or none; field names in errors start with "[index].". A large batch is stored a part at
     * a time beside the other writes ({@link LargeBatch}); a small one joins the next group commit.
     */
    public CompletableFuture<List<Reported>> reportAll(List<Result> rs, Actor by) {
        if (rs.size() <= LargeBatch.LARGE) {
            return enqueue(rs, true, by);
        }
        LargeBatch b = new LargeBatch(this, writer, withReporter(rs, by), by);
        writer.execute(() -> {
            batches.add(b);
            if (batches.size() == 1) {
                b.start();
            }
        });
        return b.done();
    }

    /** Writer thread: a large batch ended; the next one waiting starts. */
    void batchOver(LargeBatch b) {
        batches.remove(b);
        LargeBatch next = batches.peek();
        if (next != null) {
            writer.execute(next::start);
        }
    }

    /** The committed current revisions of the live commitments, by id. */
    Map<String, Commitment> liveCommitments() {
        return live;
    }

    /** Writer thread, after a commit: these results are stored. */
    void noteReported(List<Result> rs) {
        rs.forEach(r -> reported.add(r.commitmentId()));
    }

    // ---- reads ----

    /** Number of live commitments. */
    public int size() {
        return live.size();
    }

    public Optional<Commitment> commitment(String id) {
        return Optional.ofNullable(live.get(id));
    }

    /** Live commitments matching the filter, by id (selected and sorted off the caller's thread). */
    public CompletableFuture<Page<Commitment>> commitments(Filter filter, int limit, int offset) {
        return read(() -> Page.of(select(expand(filter)), limit, offset));
    }

    /**
     * The commitments as they stood on {@code asOf}: each in the revision in force then, retired ones included
     * until their retirement; by id.
     */
    public CompletableFuture<Page<Commitment>> commitments(Filter filter, LocalDate asOf, int limit, int offset) {
        return read(() -> Page.of(standing(expand(filter), asOf).stream().map(Engine.Subject::commitment).toList(),
                limit, offset));
    }

    /** The revision of a commitment in force on {@code asOf}; empty when unknown or retired by then. */
    public Optional<Commitment> commitment(String id, LocalDate asOf) {
        Commitment c = live.get(id);
        return c != null ? Optional.of(history.inForce(c, asOf)) : history.retiredInForce(id, asOf);
    }

    /** Every revision of a commitment, retired ones included. */
    public CompletableFuture<List<Store.Revision>> revisions(String id) {
        return read(() -> {
            List<Store.Revision> revisions = store.revisions(id);
            if (revisions.isEmpty()) {
                throw new Rejected.NotFound(id);
            }
            return revisions;
        });
    }

    /** The stored state of a commitment, retired ones included. */
    public CompletableFuture<Store.Stored> stored(String id) {
        return read(() -> store.commitment(id).orElseThrow(() -> new Rejected.NotFound(id)));
    }

    /** Results of a commitment in the order they were stored: from memory while live, else from the store. */
    public CompletableFuture<List<Result>> results(String id) {
        if (live.containsKey(id)) {
            return CompletableFuture.completedFuture(stored(engine.results(id)));
        }
        return read(() -> {
            if (store.commitment(id).isEmpty()) {
                throw new Rejected.NotFound(id);
            }
            return store.results(id);
        });
    }

    /** Who reviewed which result of a commitment, and why one was returned. */
    public CompletableFuture<Map<Long, Store.ReviewMark>> reviewMarks(String id) {
        return read(() -> store.reviewMarks(id));
    }

    private static List<Result> stored(List<Result> results) {
        return results.stream().sorted(Comparator.comparing(Result::id)).toList();
    }

    /** The evaluation of a live commitment today, from the engine's index. */
    public Optional<Evaluation> evaluation(String id) {
        return live.containsKey(id) ? engine.evaluation(id) : Optional.empty();
    }

    /**
     * The evaluation of a commitment at {@code asOf}, computed aside from the live sessions with the revision in
     * force then; a retired commitment has one at dates before its retirement.
     */
    public CompletableFuture<Evaluation> evaluation(String id, LocalDate asOf) {
        Commitment c = live.get(id);
        Optional<Engine.Subject> subject = c != null
                ? Optional.of(new Engine.Subject(history.inForce(c, asOf), engine.results(id)))
                : history.retiredSubject(id, asOf);
        if (subject.isEmpty()) {
            return CompletableFuture.failedFuture(new Rejected.NotFound(id));
        }
        return engine.evaluate(asOf, List.of(subject.get())).thenApply(list -> list.get(0));
    }

    /** Evaluations of the live commitments matching the filter, by commitment id. */
    public CompletableFuture<Page<Evaluation>> evaluations(Filter filter, LocalDate asOf, int limit, int offset) {
        return evaluate(filter, asOf).thenApply(j -> Page.of(j.evaluations(), limit, offset));
    }

    /**
     * Counts and rates over the evaluations of the live commitments matching the filter. Today's, unless filtered by
     * kind or warning, are read off the maintained counts; others are computed from the evaluations.
     */
    public CompletableFuture<Scorecard> scorecard(Filter filter, LocalDate asOf) {
        if (asOf == null && filter.kind() == null && filter.warning() == null) {
            return CompletableFuture.completedFuture(scorecards.answer(filter, engine.today(),
                    d -> districtGroup(filter, d)));
        }
        return computedScorecard(filter, asOf);
    }

    /** The scorecard computed from the evaluations (asOf null: today's, from the index). */
    CompletableFuture<Scorecard> computedScorecard(Filter filter, LocalDate asOf) {
        LocalDate date = asOf == null ? engine.today() : asOf;
        return evaluate(filter, asOf).thenApply(j -> {
            List<Evaluation> list = j.evaluations();
            Map<String, Commitment> byId = j.commitments();
            return Scorecard.of(date, list, e -> group(byId.get(e.commitmentId()), Commitment::category),
                    e -> group(byId.get(e.commitmentId()), Commitment::owner))
                    .withByDistrict(list, e -> group(byId.get(e.commitmentId()),
                            c -> districtGroup(filter, c.district())));
        });
    }

    /** A commitment as judged at a date: the revision in force then, its evaluation and its results. */
    public record Judgement(Commitment commitment, Evaluation evaluation, List<Result> results) {
    }

    /**
     * The commitments matching the filter with their evaluations at {@code asOf} (null: today, from the index) and
     * their results, by commitment id: what the ledger and the reminders are made of.
     */
    public CompletableFuture<List<Judgement>> judgements(Filter filter, LocalDate asOf) {
        return evaluate(filter, asOf).thenApply(j -> j.evaluations().stream().map(e -> {
            String id = e.commitmentId();
            List<Result> results = live.containsKey(id) ? engine.results(id)
                    : history.retiredSubject(id, asOf).map(Engine.Subject::results).orElse(List.of());
            return new Judgement(j.commitments().get(id), e, results);
        }).toList());
    }

    /** The district registry. */
    public Districts districts() {
        return districts;
    }

    /** Adds a district to the tree (admins). */
    public CompletableFuture<District> createDistrict(District d, Actor by) {
        return write(() -> CompletableFuture.completedFuture(putDistrict(d, by, true)));
    }

    /** Renames or moves a district (admins). */
    public CompletableFuture<District> updateDistrict(District d, Actor by) {
        return write(() -> CompletableFuture.completedFuture(putDistrict(d, by, false)));
    }

    private District putDistrict(District d, Actor by, boolean creating) {
        if (!by.mayAnywhere(Action.ADMINISTER)) {
            throw new Rejected.Forbidden(by.login() + " is not an admin", List.of(new FieldError("", "admins only")));
        }
        Optional<District> before = districts.get(d.id());
        if (!creating && before.isEmpty()) {
            throw new Rejected.NotFound("district", "id", d.id());
        }
        reject(districts.problems(d, creating));
        plancheck.store.DistrictStore tree = new plancheck.store.DistrictStore(store);
        store.atomically(() -> {
            if (creating) {
                tree.insert(List.of(d));
            } else {
                tree.update(d);
            }
            audit.append(audit.entry(by, Action.ADMINISTER, creating ? "district.create" : "district.update",
                    "district", d.id(), d.id(), before.orElse(null), d));
            return null;
        });
        districts = districts.with(d);
        scorecards.tree(districts);
        engine.useDistricts(districts.lineage());
        return d;
    }

    /** The policy row (thresholds) of the rules in use that applies to {@code c}. */
    public plancheck.domain.Policy policy(Commitment c) {
        return engine.policy(c);
    }

    /** Who may do what where. */
    public Access access() {
        return access;
    }

    /** Accounts, logins and tokens. */
    public Accounts accounts() {
        return accounts;
    }

    /** Entries of the audit log, off the caller's thread. */
    public CompletableFuture<List<AuditStore.Entry>> audit(AuditStore.Query query) {
        return read(() -> audit.store().list(query));
    }

    /** Checks the audit log's hash chain. */
    public AuditStore.Verification verifyAudit() {
        return audit.store().verify();
    }

    /** The time zone of the service's dates. */
    public java.time.ZoneId zone() {
        return clock.getZone();
    }

    /** The one place a district filter widens to the subtree of each named district. */
    private Filter expand(Filter f) {
        if (f.districts() == null) {
            return f;
        }
        return new Filter(districts.subtree(f.districts()), f.year(), f.category(), f.kind(), f.status(), f.owner(),
                f.warning());
    }

    /**
     * The scorecard group of a commitment: under a filter naming one district, the child of that district the
     * commitment lies in (the district itself when stored there); otherwise its own district.
     */
    private String districtGroup(Filter filter, String district) {
        if (filter.districts() == null || filter.districts().size() != 1) {
            return district;
        }
        String top = filter.districts().iterator().next();
        return districts.childUnder(top, district).orElse(district);
    }

    public Ruleset ruleset() {
        return engine.ruleset();
    }

    // for the use cases beside this class (RulePolicy, DecisionLog)
    Clock clock() {
        return clock;
    }

    public LocalDate today() {
        return engine.today();
    }

    /** True when nothing was ever stored; the reference data set is loaded only into an empty store. */
    public boolean isEmpty() {
        return store.isEmpty();
    }

    private final List<AutoCloseable> parts = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Closes {@code part} (a use case built beside this service) before this service closes. */
    public void closeWith(AutoCloseable part) {
        parts.add(part);
    }

    @Override
    public void close() {
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        writer.shutdown();
        readers.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- report imports (the use cases are in Imports) ----

    /**
     * What accepting candidates of an import stores, decided by {@link Imports} on the writer thread, and how to
     * answer once it is stored: {@code answer} gets the results with their ids.
     */
    record ImportWrite<T>(Store.ImportAcceptance acceptance, List<Revision> revisions,
            Function<List<Result>, T> answer) {
    }

    /**
     * A revision an import's candidate proposes, checked with {@link #revisionErrors}: stored like {@code PUT}
     * stores one, effective from the day it is accepted.
     */
    record Revision(String candidate, Commitment current, Commitment next, String reason) {
    }

    /**
     * Decides on the writer thread (seeing every earlier write), stores the decision in one transaction, then feeds
     * the engine as creating commitments and reporting results do: commitments first, then their results.
     */
    <T> CompletableFuture<T> writeImport(Supplier<ImportWrite<T>> decide, Actor by) {
        return write(() -> {
            ImportWrite<T> w = decide.get();
            Store.ImportAcceptance a = w.acceptance();
            LargeBatch running = batches.peek();
            if (running != null) {
                a.results().forEach(r -> running.using(r.commitmentId()));
            }
            List<Commitment> fresh = a.commitments();
            for (int i = 0; i < fresh.size(); i++) {
                access.require(by, Action.PLAN, fresh.get(i).district(), "commitments");
            }
            for (Result r : a.results()) {
                String d = live.containsKey(r.commitmentId()) ? live.get(r.commitmentId()).district()
                        : districtOf(fresh, r);
                access.require(by, Action.PLAN, d, "results");
            }
            List<Result> stored;
            List<String> foreseen = new ArrayList<>();
            Foresight.Steps steps = foresight.steps();
            try {
                stored = store.atomically(() -> {
                    // revisions first: results accepted with them are judged against the revised commitment
                    for (Revision r : w.revisions()) {
                        storeRevision(r.current(), r.next(), r.reason(), null, by);
                    }
                    if (!w.revisions().isEmpty()) {
                        store.markRevisions(a.importId(), w.revisions().stream().map(Revision::candidate).toList(),
                                w.revisions().stream().map(r -> r.next().id()).toList(), by.login(), now());
                    }
                    List<Result> rs = store.acceptImport(a, by.login(), now());
                    List<AuditStore.Entry> entries = new ArrayList<>();
                    fresh.forEach(c -> entries.add(audit.entry(by, Action.PLAN, "commitment.create", "commitment",
                            c.id(), c.district(), null, c)));
                    rs.forEach(r -> entries.add(audit.entry(by, Action.PLAN, "result.create", "result",
                            String.valueOf(r.id()), live.containsKey(r.commitmentId())
                                    ? live.get(r.commitmentId()).district() : districtOf(fresh, r), null, r)));
                    audit.append(entries);
                    w.revisions().forEach(r -> steps.revised(r.next()));
                    fresh.forEach(steps::created);
                    rs.forEach(r -> steps.reported(r, live.get(r.commitmentId())));
                    foreseen.addAll(steps.store());
                    return rs;
                });
            } catch (Store.DuplicateIdException e) {
                throw new Rejected.Conflict("commitment " + e.id() + " already exists (ids of retired ones stay"
                        + " taken)", List.of(new FieldError("commitments", "candidate " + a.commitmentCandidates()
                        .get(indexOf(fresh, e.id())) + ": id " + e.id() + " already exists")));
            }
            foresight.arm(foreseen);
            fresh.forEach(c -> live.put(c.id(), c));
            stored.forEach(r -> reported.add(r.commitmentId()));
            CompletableFuture<?> revising = CompletableFuture.allOf(w.revisions().stream()
                    .map(r -> revised(r.next())).toArray(CompletableFuture[]::new));
            return revising.thenCompose(v -> created(fresh)).thenCompose(cs -> CompletableFuture.allOf(stored.stream().map(engine::report)
                    .toArray(CompletableFuture[]::new))).thenApply(v -> w.answer().apply(stored));
        });
    }

    /** Runs a read (or an import's own bookkeeping) off the caller's thread. */
    <T> CompletableFuture<T> offThread(Supplier<T> work) {
        return read(work);
    }

    Store store() {
        return store;
    }

    /** The live commitments the filter matches (its districts widened to their subtrees), by id. */
    List<Commitment> liveMatching(Filter filter) {
        return select(expand(filter));
    }

    /** The live commitments of one district and year (current on the writer thread). */
    List<Commitment> liveOf(String district, int year) {
        return select(Filter.of(district, year));
    }

    /** The date results must not be after, as {@link #report} checks it. */
    LocalDate resultDay() {
        return LocalDate.now(clock);
    }

    Instant instant() {
        return now();
    }

    AuditTrail audit() {
        return audit;
    }

    Foresight foresight() {
        return foresight;
    }

    /** Runs a write on the writer thread (see {@link #write}); for the use cases kept beside this class. */
    <T> CompletableFuture<T> onWriter(Supplier<CompletableFuture<T>> work) {
        return write(work);
    }

    Engine engine() {
        return engine;
    }

    /** The live commitment with this id, else a 404 or (retired, and readable by the actor) 409; writer thread. */
    Commitment live(String id, Actor by) {
        return current(id, by);
    }

    private static String districtOf(List<Commitment> cs, Result r) {
        return cs.stream().filter(c -> c.id().equals(r.commitmentId())).map(Commitment::district).findFirst()
                .orElse(null);
    }

    // ---- inside ----

    private List<Commitment> create(List<Commitment> cs, Actor by, boolean batch) {
        List<FieldError> errors = new ArrayList<>();
        List<Commitment> fresh = new ArrayList<>(cs.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < cs.size(); i++) {
            String prefix = batch ? "[" + i + "]." : "";
            Commitment c = Objects.requireNonNull(cs.get(i), "commitment");
            errors.addAll(Validation.commitment(c, prefix));
            Commitment f = (c.id() == null ? c.withId(UUID.randomUUID().toString()) : c).withRevision(1);
            if (!ids.add(f.id())) {
                errors.add(new FieldError(prefix + "id", "repeated in this batch: " + f.id()));
            }
            fresh.add(f);
        }
        if (batch && cs.isEmpty()) {
            errors.add(new FieldError("", "at least one commitment"));
        }
        reject(errors);
        for (int i = 0; i < fresh.size(); i++) {
            access.require(by, Action.PLAN, fresh.get(i).district(), (batch ? "[" + i + "]." : "") + "district");
        }
        try {
            Foresight.Steps steps = foresight.steps();
            foresight.arm(store.atomically(() -> {
                store.insertCommitments(fresh, by.login(), now());
                audit.append(fresh.stream().map(c -> audit.entry(by, Action.PLAN, "commitment.create", "commitment",
                        c.id(), c.district(), null, c)).toList());
                fresh.forEach(steps::created);
                return steps.store();
            }));
        } catch (Store.DuplicateIdException e) {
            throw new Rejected.Conflict("commitment " + e.id() + " already exists (ids of retired ones stay taken)",
                    List.of(new FieldError(batch ? "[" + indexOf(fresh, e.id()) + "].id" : "id", "already exists")));
        }
        fresh.forEach(c -> live.put(c.id(), c));
        return fresh;
    }

    private CompletableFuture<List<Commitment>> created(List<Commitment> fresh) {
        return CompletableFuture.allOf(fresh.stream().map(engine::upsert).toArray(CompletableFuture[]::new))
                .thenApply(v -> fresh);
    }

    /** Reports waiting for the writer, which commits all that are waiting in one transaction (group commit). */
    private record Pending(List<Result> results, boolean batch, Actor by, CompletableFuture<List<Reported>> done) {
    }

    private CompletableFuture<List<Reported>> enqueue(List<Result> rs, boolean batch, Actor by) {
        // over HTTP a result cannot name its reporter: the credential does
        Pending p = new Pending(withReporter(rs, by), batch, by, new CompletableFuture<>());
        pending.add(p);
        writer.execute(this::commitPending);
        return p.done;
    }

    private static List<Result> withReporter(List<Result> rs, Actor by) {
        return rs.stream().map(r -> r.reportedBy() != null ? r : r.withReportedBy(by.login())).toList();
    }

    /**
     * Validates every waiting report on its own, stores the valid ones in one transaction and feeds them to the
     * engine in that order. One commit for many reports keeps durable posting fast under load.
     */
    private void commitPending() {
        List<Pending> group = new ArrayList<>();
        pending.drainTo(group, MAX_GROUP);
        if (group.isEmpty()) {
            return;
        }
        List<Pending> valid = new ArrayList<>(group.size());
        List<Result> all = new ArrayList<>();
        List<Actor> authors = new ArrayList<>();
        Set<Long> correcting = new HashSet<>();
        for (Pending p : group) {
            try {
                checkReports(p.results, p.batch, p.by, correcting);
                valid.add(p);
                all.addAll(p.results);
                p.results.forEach(r -> authors.add(p.by));
            } catch (RuntimeException rejected) {
                p.done.completeExceptionally(rejected);
            }
        }
        List<Result> stored;
        List<String> foreseen = new ArrayList<>();
        try {
            Foresight.Steps steps = foresight.steps();
            stored = all.isEmpty() ? List.of() : store.atomically(() -> {
                List<Result> rs = store.insertResults(all, now());
                rs.forEach(r -> steps.reported(r, live.get(r.commitmentId())));
                foreseen.addAll(steps.store());
                List<AuditStore.Entry> entries = new ArrayList<>(rs.size());
                for (int i = 0; i < rs.size(); i++) {
                    Result r = rs.get(i);
                    entries.add(audit.reported(authors.get(i), r, live.get(r.commitmentId()).district()));
                }
                audit.append(entries);
                return rs;
            });
        } catch (RuntimeException failed) {
            valid.forEach(p -> p.done.completeExceptionally(failed));
            return;
        }
        store.committed();
        foresight.arm(foreseen);
        stored.forEach(r -> reported.add(r.commitmentId()));
        int next = 0;
        List<CompletableFuture<?>> feeds = new ArrayList<>(valid.size());
        for (Pending p : valid) {
            List<CompletableFuture<Reported>> fed = new ArrayList<>(p.results.size());
            for (int i = 0; i < p.results.size(); i++) {
                Result r = stored.get(next++);
                fed.add(engine.report(r).thenApply(e -> new Reported(r, e)));
            }
            CompletableFuture.allOf(fed.toArray(CompletableFuture[]::new))
                    .thenApply(v -> fed.stream().map(CompletableFuture::join).toList())
                    .whenComplete((list, failure) -> {
                        if (failure != null) {
                            p.done.completeExceptionally(failure);
                        } else {
                            p.done.complete(list);
                        }
                    });
            feeds.add(p.done);
        }
        foresight.fed(CompletableFuture.allOf(feeds.toArray(CompletableFuture[]::new)));
    }

    /** @param correcting ids of the results corrected by reports of this group commit so far (added to) */
    private void checkReports(List<Result> rs, boolean batch, Actor by, Set<Long> correcting) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        Set<Long> mine = new HashSet<>();
        for (int i = 0; i < rs.size(); i++) {
            errors.addAll(reportErrors(rs.get(i), batch ? "[" + i + "]." : "", by, correcting, mine, today));
        }
        if (batch && rs.isEmpty()) {
            errors.add(new FieldError("", "at least one result"));
        }
        reject(errors);
        correcting.addAll(mine);
    }

    /**
     * What is wrong with one report (field names after {@code prefix}); throws when its commitment is unknown,
     * retired or out of the actor's scope. Writer thread.
     *
     * @param mine the results corrected by the reports checked before it in the same request (added to)
     */
    List<FieldError> reportErrors(Result r, String prefix, Actor by, Set<Long> mine, LocalDate today) {
        return reportErrors(r, prefix, by, Set.of(), mine, today);
    }

    private List<FieldError> reportErrors(Result r, String prefix, Actor by, Set<Long> correcting, Set<Long> mine,
            LocalDate today) {
        Commitment c = current(r.commitmentId(), by, prefix + "commitmentId");
        access.require(by, Action.REPORT, c.district(), prefix + "commitmentId");
        List<FieldError> errors = new ArrayList<>(Validation.result(r, c, today, prefix));
        if (r.corrects() != null) {
            errors.addAll(Validation.correction(r, engine.results(r.commitmentId()), prefix));
            if (correcting.contains(r.corrects()) || !mine.add(r.corrects())) {
                errors.add(new FieldError(prefix + "corrects", "result " + r.corrects()
                        + " is being corrected by another report"));
            }
        }
        return errors;
    }

    /** Evaluations by commitment id, and the commitments (as judged) by id. */
    private record Judged(List<Evaluation> evaluations, Map<String, Commitment> commitments) {
    }

    private CompletableFuture<Judged> evaluate(Filter given, LocalDate asOf) {
        Filter filter = expand(given);
        CompletableFuture<List<Evaluation>> evaluations;
        Map<String, Commitment> judged;
        if (asOf == null) {
            judged = live;
            List<Commitment> selected = live.values().stream().filter(filter::matches).toList();
            // off the caller's thread: rendering every evaluation of a large selection takes a while
            evaluations = read(() -> selected.stream().map(c -> engine.evaluation(c.id())).flatMap(Optional::stream)
                    .toList());
        } else {
            List<Engine.Subject> standing = standing(filter, asOf);
            judged = new HashMap<>();
            standing.forEach(s -> judged.put(s.commitment().id(), s.commitment()));
            evaluations = engine.evaluate(asOf, standing);
        }
        return evaluations.thenApply(list -> new Judged(list.stream()
                .filter(filter::matches)
                .sorted(Comparator.comparing(Evaluation::commitmentId)).toList(), judged));
    }

    /** The commitments matching the filter as they stood on {@code day}, with their results; by id. */
    private List<Engine.Subject> standing(Filter filter, LocalDate day) {
        List<Engine.Subject> out = new ArrayList<>();
        for (Commitment c : live.values()) {
            Commitment then = history.inForce(c, day);
            if (filter.matches(then)) {
                out.add(new Engine.Subject(then, engine.results(c.id())));
            }
        }
        history.retiredAfter(day).stream().filter(s -> filter.matches(s.commitment())).forEach(out::add);
        out.sort(Comparator.comparing(s -> s.commitment().id()));
        return out;
    }

    private static String group(Commitment c, Function<Commitment, String> field) {
        String g = c == null ? null : field.apply(c);
        return g == null ? "" : g;
    }

    private List<Commitment> select(Filter filter) {
        return live.values().stream().filter(filter::matches).sorted(Comparator.comparing(Commitment::id)).toList();
    }

    private Commitment current(String id) {
        return current(id, null);
    }

    private Commitment current(String id, Actor by) {
        return current(id, by, "commitmentId");
    }

    /**
     * The live commitment; for an actor who may not read its district (live or retired) a 404, as if it did not
     * exist, else 409 when it is retired.
     *
     * @param field the field that names the commitment (in a batch: "[index].commitmentId")
     */
    private Commitment current(String id, Actor by, String field) {
        LargeBatch running = batches.peek();
        if (running != null) {
            running.using(id);
        }
        Commitment c = live.get(id);
        if (c == null) {
            Optional<Store.Stored> stored = store.commitment(id);
            if (stored.isPresent() && (by == null || access.may(by, Action.READ, stored.get().commitment()
                    .district()))) {
                throw new Rejected.Conflict("commitment " + id + " is retired",
                        List.of(new FieldError(field, "retired: " + id)));
            }
            throw new Rejected.NotFound("commitment", field, id);
        }
        if (by != null) {
            access.requireVisible(by, c.district(), () -> new Rejected.NotFound("commitment", field, id));
        }
        return c;
    }

    /** Runs a write on the writer thread; the returned future completes once the engine has taken it in. */
    private <T> CompletableFuture<T> write(Supplier<CompletableFuture<T>> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                CompletableFuture<T> fed = work.get();
                foresight.fed(fed);
                return fed;
            } finally {
                store.committed();
            }
        }, writer).thenCompose(f -> f);
    }

    private <T> CompletableFuture<T> read(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, readers);
    }

    private static void reject(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new Rejected.Invalid(errors);
        }
    }

    private static int indexOf(List<Commitment> cs, String id) {
        for (int i = 0; i < cs.size(); i++) {
            if (cs.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private Instant now() {
        return clock.instant();
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
