package plancheck.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
     * In the transaction that stores {@code results} (ids assigned): stores the status changes they cause, one per
     * result that changes its commitment's status; returns what to {@link #arm} once committed.
     */
    List<String> results(List<Result> results, Map<String, Commitment> live) {
        if (!on || results.isEmpty()) {
            return List.of();
        }
        engine.settled().join();
        Map<String, List<Result>> added = new LinkedHashMap<>();
        List<Engine.Subject> subjects = new ArrayList<>(results.size());
        for (Result r : results) {
            List<Result> series = added.computeIfAbsent(r.commitmentId(),
                    id -> new ArrayList<>(engine.results(id)));
            series.add(r);
            subjects.add(new Engine.Subject(live.get(r.commitmentId()), List.copyOf(series)));
        }
        List<Evaluation> after = engine.evaluate(engine.today(), subjects).join();
        Map<String, Status> now = new java.util.HashMap<>();
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            Status from = now.containsKey(r.commitmentId()) ? now.get(r.commitmentId())
                    : engine.evaluation(r.commitmentId()).map(Evaluation::status).orElse(null);
            Evaluation e = after.get(i);
            now.put(r.commitmentId(), e.status());
            if (from != e.status()) {
                changes.add(new Change(from, e, Decisions.Cause.result(r.id())));
            }
        }
        return write(changes);
    }

    /** In the transaction that stores new commitments: their first status; what to {@link #arm}. */
    List<String> created(List<Commitment> fresh) {
        if (!on || fresh.isEmpty()) {
            return List.of();
        }
        List<Engine.Subject> subjects = fresh.stream().map(c -> new Engine.Subject(c, List.<Result>of())).toList();
        List<Evaluation> after = engine.evaluate(engine.today(), subjects).join();
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            changes.add(new Change(null, after.get(i), Decisions.Cause.commitment(fresh.get(i).revision())));
        }
        return write(changes);
    }

    /** In the transaction that stores a new revision of a live commitment: the change it causes, if any. */
    List<String> revised(Commitment next) {
        if (!on) {
            return List.of();
        }
        engine.settled().join();
        Status from = engine.evaluation(next.id()).map(Evaluation::status).orElse(null);
        Evaluation e = engine.evaluate(engine.today(), List.of(new Engine.Subject(next,
                engine.results(next.id())))).join().get(0);
        return from == e.status() ? List.of() : write(List.of(new Change(from, e,
                Decisions.Cause.commitment(next.revision()))));
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
        private final Map<String, List<Result>> added = new java.util.HashMap<>();
        private final Map<String, Status> now = new java.util.HashMap<>();

        /** On the writer thread: decides, off it, the changes the stored results of one part cause. */
        java.util.concurrent.CompletableFuture<List<Change>> decide(List<Result> results, Map<String, Commitment> live) {
            if (!on || results.isEmpty()) {
                return java.util.concurrent.CompletableFuture.completedFuture(List.of());
            }
            List<Engine.Subject> subjects = new ArrayList<>(results.size());
            List<Status> before = new ArrayList<>(results.size());
            for (Result r : results) {
                List<Result> series = added.computeIfAbsent(r.commitmentId(),
                        id -> new ArrayList<>(engine.results(id)));
                series.add(r);
                subjects.add(new Engine.Subject(live.get(r.commitmentId()), List.copyOf(series)));
                before.add(engine.evaluation(r.commitmentId()).map(Evaluation::status).orElse(null));
            }
            return engine.evaluate(engine.today(), subjects).thenApply(after -> {
                List<Change> changes = new ArrayList<>();
                for (int i = 0; i < results.size(); i++) {
                    Result r = results.get(i);
                    Status from = now.containsKey(r.commitmentId()) ? now.get(r.commitmentId()) : before.get(i);
                    Evaluation e = after.get(i);
                    now.put(r.commitmentId(), e.status());
                    if (from != e.status()) {
                        changes.add(new Change(from, e, Decisions.Cause.result(r.id())));
                    }
                }
                return changes;
            });
        }
    }

    /**
     * In the caller's transaction: stores decided changes; returns, by result id, what to {@link #arm} once
     * committed.
     */
    Map<Long, String> store(List<Change> changes) {
        List<String> keys = write(changes);
        Map<Long, String> out = new java.util.HashMap<>();
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

    /** After the commit: the engine's report of these changes is not to be stored again. */
    void arm(List<String> keys) {
        stored.addAll(keys);
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

    private static String key(String commitmentId, Decisions.Cause cause, Status to) {
        return commitmentId + '\u0000' + cause.type() + '\u0000' + cause.ref() + '\u0000' + to;
    }
}
