package plancheck.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import plancheck.domain.Commitment;
import plancheck.domain.Evaluation;
import plancheck.domain.Result;
import plancheck.domain.Status;
import plancheck.engine.Decisions;
import plancheck.engine.Engine;
import plancheck.store.PolicyStore;
import plancheck.store.Store;

/**
 * Writes the status changes a write will cause in that write's own transaction: on the writer thread, before the
 * commit, the commitments as they will be are decided aside from the live sessions (after the engine has taken in
 * everything submitted before), and each change is stored with the result or revision that causes it. When the
 * engine then reports the same change, the decision log knows it is stored ({@link #claimed}). A change the engine
 * decides otherwise (the date or the rules moved in between) is logged by the decision log as it comes.
 *
 * <p>Off until a decision log listens ({@link #enable}).
 */
final class Foresight {

    private final Engine engine;
    private final PolicyStore store;
    private final Clock clock;
    /** commitment, cause and new status of the changes stored ahead of the engine */
    private final Set<String> stored = ConcurrentHashMap.newKeySet();
    /** the keys armed by the write being done; writer thread */
    private final List<String> armedNow = new ArrayList<>();
    /** the engine work of earlier writes not yet done; writer thread */
    private final List<CompletableFuture<?>> feeding = new ArrayList<>();
    private volatile boolean on;

    Foresight(Engine engine, Store store, Clock clock) {
        this.engine = engine;
        this.store = new PolicyStore(store);
        this.clock = clock;
    }

    void enable() {
        on = true;
    }

    /**
     * What a write will tell the engine after its commit, in the order it will tell it, so that each step's change
     * is judged from the status the step before left. Built on the writer thread inside the write's transaction,
     * once the engine has taken in every earlier write.
     */
    final class Steps {
        private final List<Engine.Subject> subjects = new ArrayList<>();
        private final List<Decisions.Cause> causes = new ArrayList<>();
        /** the commitment and the results each step leaves, by commitment id */
        private final Map<String, Commitment> commitments = new HashMap<>();
        private final Map<String, List<Result>> series = new HashMap<>();

        private Steps() {
            if (on) {
                // a write's engine work may go on in steps after the writer moved on (an import's results follow
                // its commitments): wait for all of it, then for whatever else is queued
                CompletableFuture.allOf(feeding.toArray(CompletableFuture[]::new)).join();
                engine.settled().join();
            }
        }

        /** A new commitment: judged with no results. */
        Steps created(Commitment c) {
            series.put(c.id(), new ArrayList<>());
            return step(c, Decisions.Cause.commitment(c.revision()));
        }

        /** A new revision of a live commitment: judged with the results it holds. */
        Steps revised(Commitment next) {
            return step(next, Decisions.Cause.commitment(next.revision()));
        }

        /** A new result, or a stored one changed (reviewed), of the commitment {@code of}. */
        Steps reported(Result r, Commitment of) {
            List<Result> held = held(r.commitmentId());
            // a result changed (reviewed) keeps its place, as in the engine: of two on one date the later counts
            int at = r.id() == null ? -1 : indexOf(held, r.id());
            if (at >= 0) {
                held.set(at, r);
            } else {
                held.add(r);
            }
            return step(commitments.getOrDefault(r.commitmentId(), of), Decisions.Cause.result(r.id()));
        }

        private Steps step(Commitment c, Decisions.Cause cause) {
            if (on) {
                commitments.put(c.id(), c);
                subjects.add(new Engine.Subject(c, List.copyOf(held(c.id()))));
                causes.add(cause);
            }
            return this;
        }

        private static int indexOf(List<Result> held, Long id) {
            for (int i = 0; i < held.size(); i++) {
                if (id.equals(held.get(i).id())) {
                    return i;
                }
            }
            return -1;
        }

        private List<Result> held(String id) {
            return series.computeIfAbsent(id, k -> new ArrayList<>(engine.results(k)));
        }

        /** Stores the status change of every step that changes one; returns what to {@link #arm} once committed. */
        List<String> store() {
            if (subjects.isEmpty()) {
                return List.of();
            }
            List<Status> before = subjects.stream().map(sub -> status(sub.commitment().id())).toList();
            List<Evaluation> after = engine.evaluate(engine.today(), subjects).join();
            return write(along(subjects, causes, before, new HashMap<>(), after));
        }
    }

    /** The status the engine holds for a live commitment now (null: none yet). */
    private Status status(String commitmentId) {
        return engine.evaluation(commitmentId).map(Evaluation::status).orElse(null);
    }

    /**
     * The changes along ordered steps: each step's from is the status the step before it on the same commitment
     * left (kept in {@code now}), else its status {@code before} the first.
     */
    private static List<Change> along(List<Engine.Subject> subjects, List<Decisions.Cause> causes,
            List<Status> before, Map<String, Status> now, List<Evaluation> after) {
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            String id = subjects.get(i).commitment().id();
            Status from = now.containsKey(id) ? now.get(id) : before.get(i);
            Evaluation e = after.get(i);
            now.put(id, e.status());
            if (from != e.status()) {
                changes.add(new Change(from, e, causes.get(i)));
            }
        }
        return changes;
    }

    /**
     * Steps of a write to foresee, to be built before the write's transaction (it may wait for the engine); nothing
     * is judged while no decision log listens.
     */
    Steps steps() {
        return new Steps();
    }

    boolean on() {
        return on;
    }

    /**
     * The status changes of a large batch, decided a part at a time aside from the writer thread (in the order of
     * the batch: each part after the one before). The commitments' series and statuses before the batch are read
     * from the engine, which must have taken in every earlier write to them.
     */
    final class Run {
        private final Map<String, List<Result>> added = new HashMap<>();
        private final Map<String, Status> now = new HashMap<>();

        /** On the writer thread: decides, off it, the changes the stored results of one part cause. */
        CompletableFuture<List<Change>> decide(List<Result> results, Map<String, Commitment> live) {
            if (!on || results.isEmpty()) {
                return CompletableFuture.completedFuture(List.of());
            }
            List<Engine.Subject> subjects = new ArrayList<>(results.size());
            List<Decisions.Cause> causes = new ArrayList<>(results.size());
            List<Status> before = new ArrayList<>(results.size());
            for (Result r : results) {
                List<Result> series = added.computeIfAbsent(r.commitmentId(),
                        id -> new ArrayList<>(engine.results(id)));
                series.add(r);
                subjects.add(new Engine.Subject(live.get(r.commitmentId()), List.copyOf(series)));
                causes.add(Decisions.Cause.result(r.id()));
                before.add(status(r.commitmentId()));
            }
            // the statuses this batch's earlier parts left carry over to the next part
            return engine.evaluate(engine.today(), subjects).thenApply(after -> along(subjects, causes, before, now,
                    after));
        }
    }

    /**
     * In the caller's transaction: stores decided changes; returns, by result id, what to {@link #arm} once
     * committed.
     */
    Map<Long, String> store(List<Change> changes) {
        List<String> keys = write(changes);
        Map<Long, String> out = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            out.put(Long.valueOf(changes.get(i).cause().ref()), keys.get(i));
        }
        return out;
    }

    /** In the caller's transaction: removes the stored changes caused by these results (to be decided again). */
    void forget(List<Result> results) {
        store.deleteCaused(Decisions.Cause.result(0L).type(), results.stream().map(Result::commitmentId).toList(),
                results.stream().map(r -> String.valueOf(r.id())).toList());
    }

    /** After the commit: the engine's report of these changes is not to be stored again. Writer thread. */
    void arm(List<String> keys) {
        stored.addAll(keys);
        armedNow.addAll(keys);
    }

    /**
     * As {@link #arm(List)} for work that feeds the engine in steps of its own (a large batch): what the engine did
     * not report is forgotten once {@code until} is done; later writes do not wait for it.
     */
    void arm(List<String> keys, CompletableFuture<?> until) {
        stored.addAll(keys);
        until.handle((v, e) -> null).thenRun(() -> keys.forEach(stored::remove));
    }

    /**
     * Writer thread, once a write has handed its work to the engine ({@code feed}): what the write armed and the
     * engine did not report (it decided otherwise) is forgotten when that work is done, so that it cannot hide a
     * later change; and the next write is judged after it.
     */
    void fed(CompletableFuture<?> feed) {
        List<String> keys = List.copyOf(armedNow);
        armedNow.clear();
        CompletableFuture<?> done = feed.handle((v, e) -> null);
        if (!keys.isEmpty()) {
            done.thenRun(() -> keys.forEach(stored::remove));
        }
        feeding.removeIf(CompletableFuture::isDone);
        if (!done.isDone()) {
            feeding.add(done);
        }
    }

    /** Whether {@code c} was stored ahead of the engine (and is so no longer expected). */
    boolean claimed(Decisions.Change c) {
        return !stored.isEmpty() && stored.remove(key(c.commitmentId(), c.cause(), c.to()));
    }

    record Change(Status from, Evaluation to, Decisions.Cause cause) {
    }

    private List<String> write(List<Change> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        Instant at = clock.instant();
        List<PolicyStore.Decision> rows = new ArrayList<>(changes.size());
        List<String> keys = new ArrayList<>(changes.size());
        for (Change c : changes) {
            Evaluation e = c.to();
            rows.add(new PolicyStore.Decision(0, e.commitmentId(), c.from() == null ? null : c.from().name(),
                    e.status() == null ? null : e.status().name(), e.asOf(), e.rulesetRevision(), e.firedRules(),
                    c.cause().type(), c.cause().ref(), at));
            keys.add(key(e.commitmentId(), c.cause(), e.status()));
        }
        store.insert(rows);
        return keys;
    }

    static String key(String commitmentId, Decisions.Cause cause, Status to) {
        return commitmentId + '\u0000' + cause.type() + '\u0000' + cause.ref() + '\u0000' + to;
    }
}
