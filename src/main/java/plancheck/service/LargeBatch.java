package plancheck.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import plancheck.domain.Actor;
import plancheck.domain.Commitment;
import plancheck.domain.Result;
import plancheck.service.Service.Reported;
import plancheck.store.AuditStore;
import plancheck.store.Store;

/**
 * A large batch of results, all or none, stored without holding back the other writes. It runs on the writer
 * thread like every write, but a part at a time: each step is one task of that thread, so the writes queued behind
 * a step run before the next one. Its rows go into a transaction of its own, held open across the steps; nothing
 * of it is visible until that commits, in the last step, together with the batch's audit entries (the audit chain
 * stays in commit order). The status changes it causes are decided aside from the writer and stored in the same
 * transaction as the results.
 *
 * <p>The batch is ordered at its commit. A write that touches one of its commitments before then (a result, a
 * revision, a retirement, a review) commits first, so before the commit the batch's results on those commitments
 * are checked again and their status changes decided again, against the state those writes left. After the
 * commit the results are fed to the engine a slice at a time; a write to a commitment whose results are not fed
 * yet has them fed first, so the engine takes in every commitment's results in commit order.
 */
final class LargeBatch {

    /** results checked, stored or fed per step: each step stays a few milliseconds of the writer's time */
    static final int PART = 100;
    /** batches of more results than this are stored this way; smaller ones join a group commit */
    static final int LARGE = 2 * PART;
    /** checks of touched commitments done aside from the writer before the last one is done within a step */
    private static final int RECHECKS_ASIDE = 3;

    private final Service service;
    private final Executor writer;
    private final List<Result> results;
    private final Actor by;
    private final CompletableFuture<List<Reported>> done = new CompletableFuture<>();
    /** indexes of the batch's results by commitment */
    private final Map<String, List<Integer>> byCommitment = new LinkedHashMap<>();
    /** commitments another write touched since the batch began, not yet checked again */
    private final Set<String> touched = new HashSet<>();
    private final Foresight.Run foresee;
    /** the foreseen status change of each stored result that causes one, by result id */
    private final Map<Long, String> foreseen = new HashMap<>();
    private final List<Result> stored = new ArrayList<>();
    private final List<AuditStore.Entry> entries = new ArrayList<>();
    private final List<FieldError> errors = new ArrayList<>();
    private final Set<Long> correcting = new HashSet<>();
    private Store.Held tx;
    private Instant at;
    /** after the commit: the results not fed to the engine yet, by commitment, in the batch's order */
    private Map<String, List<Integer>> unfed;
    private final CompletableFuture<?>[] fed;
    /** how many times touched commitments were checked again before the commit */
    private int rechecks;
    /** true while one of this batch's own steps runs */
    private boolean stepping;
    private boolean over;

    LargeBatch(Service service, Executor writer, List<Result> results, Actor by) {
        this.service = service;
        this.writer = writer;
        this.results = results;
        this.by = by;
        this.foresee = service.foresight().new Run();
        this.fed = new CompletableFuture<?>[results.size()];
        for (int i = 0; i < results.size(); i++) {
            byCommitment.computeIfAbsent(results.get(i).commitmentId(), k -> new ArrayList<>()).add(i);
        }
    }

    CompletableFuture<List<Reported>> done() {
        return done;
    }

    /** Writer thread: starts the batch (the first step is the caller's). */
    void start() {
        run(() -> check(0));
    }

    /**
     * Writer thread, before another write uses commitment {@code id}: before the commit it is noted, to be checked
     * again; after it, its results are fed to the engine first.
     */
    void using(String id) {
        if (stepping || over || !byCommitment.containsKey(id)) {
            return;
        }
        if (unfed == null) {
            touched.add(id);
        } else {
            List<Integer> mine = unfed.remove(id);
            if (mine != null) {
                feed(mine);
                finishIfFed();
            }
        }
    }

    /** Whether the batch has ended (answered, or failed and rolled back). */
    boolean over() {
        return over;
    }

    // ---- the steps, in order

    private void check(int from) {
        int to = Math.min(results.size(), from + PART);
        LocalDate today = service.resultDay();
        for (int i = from; i < to; i++) {
            errors.addAll(service.reportErrors(results.get(i), "[" + i + "].", by, correcting, today));
        }
        if (to < results.size()) {
            next(() -> check(to));
        } else if (!errors.isEmpty()) {
            throw new Rejected.Invalid(List.copyOf(errors));
        } else {
            tx = service.store().hold();
            at = service.instant();
            // what was written before the batch began is in the engine before its changes are decided
            service.engine().settled().whenComplete((v, t) -> next(() -> insert(0)));
        }
    }

    private void insert(int from) {
        int to = Math.min(results.size(), from + PART);
        List<Result> part = tx.run(() -> service.store().insertResults(results.subList(from, to), at));
        stored.addAll(part);
        for (Result r : part) {
            entries.add(service.audit().reported(by, r, district(r)));
        }
        foresee.decide(part, service.liveCommitments()).whenComplete((changes, failed) -> next(() -> {
            if (failed != null) {
                throw failed instanceof RuntimeException re ? re : new IllegalStateException(failed);
            }
            foreseen.putAll(tx.run(() -> service.foresight().store(changes)));
            if (to < results.size()) {
                insert(to);
            } else {
                commit();
            }
        }));
    }

    /**
     * Checks again what other writes touched; commits once nothing is left to check. Aside from the writer a few
     * times; then, so that a steady stream of writes to its commitments cannot keep it from committing, within this
     * step (the writer waits for the few commitments touched since the last check).
     */
    private void commit() {
        if (!touched.isEmpty()) {
            Set<String> again = Set.copyOf(touched);
            touched.clear();
            if (++rechecks <= RECHECKS_ASIDE) {
                service.engine().settled().whenComplete((v, t) -> next(() -> recheck(again, false)));
                return;
            }
            service.engine().settled().join();
            recheck(again, true);
        }
        tx.run(() -> {
            service.audit().append(entries);
            return null;
        });
        tx.commit();
        service.store().committed();
        service.foresight().arm(List.copyOf(foreseen.values()), done);
        service.noteReported(stored);
        unfed = new LinkedHashMap<>(byCommitment);
        feedSlice();
    }

    /**
     * The results on commitments other writes touched: valid still, and their status changes decided anew; then
     * on to the commit ({@code within}: in this step, else in the next).
     */
    private void recheck(Set<String> again, boolean within) {
        LocalDate today = service.resultDay();
        Set<Long> corrections = new HashSet<>();
        List<FieldError> found = new ArrayList<>();
        List<Result> redo = new ArrayList<>();
        for (String id : again) {
            for (int i : byCommitment.get(id)) {
                found.addAll(service.reportErrors(results.get(i), "[" + i + "].", by, corrections, today));
                redo.add(stored.get(i));
            }
        }
        if (!found.isEmpty()) {
            throw new Rejected.Invalid(found);
        }
        if (!service.foresight().on()) {
            if (!within) {
                commit();
            }
            return;
        }
        tx.run(() -> {
            service.foresight().forget(redo);
            return null;
        });
        redo.forEach(r -> foreseen.remove(r.id()));
        CompletableFuture<List<Foresight.Change>> decided = service.foresight().new Run().decide(redo,
                service.liveCommitments());
        if (within) {
            foreseen.putAll(tx.run(() -> service.foresight().store(decided.join())));
            return;
        }
        decided.whenComplete((changes, failed) -> next(() -> {
            if (failed != null) {
                throw failed instanceof RuntimeException re ? re : new IllegalStateException(failed);
            }
            foreseen.putAll(tx.run(() -> service.foresight().store(changes)));
            commit();
        }));
    }

    private void feedSlice() {
        List<Integer> slice = new ArrayList<>(PART);
        for (Iterator<List<Integer>> it = unfed.values().iterator(); it.hasNext() && slice.size() < PART; ) {
            slice.addAll(it.next());
            it.remove();
        }
        feed(slice);
        if (!finishIfFed()) {
            CompletableFuture.allOf(slice.stream().map(i -> fed[i]).toArray(CompletableFuture[]::new))
                    .whenComplete((v, t) -> next(this::feedSlice));
        }
    }

    private void feed(List<Integer> indexes) {
        for (int i : indexes) {
            Result r = stored.get(i);
            fed[i] = service.engine().report(r).thenApply(e -> new Reported(r, e));
        }
    }

    /** Once every result was handed to the engine: the answer, when the engine has taken them all in. */
    private boolean finishIfFed() {
        if (!unfed.isEmpty() || over) {
            return false;
        }
        over = true;
        service.batchOver(this);
        CompletableFuture.allOf(fed).whenComplete((v, failure) -> {
            if (failure != null) {
                done.completeExceptionally(failure);
            } else {
                done.complete(Arrays.stream(fed).map(f -> (Reported) f.join()).toList());
            }
        });
        return true;
    }

    // ---- plumbing

    private String district(Result r) {
        Commitment c = service.liveCommitments().get(r.commitmentId());
        return c == null ? null : c.district();
    }

    /** The next step, queued behind the writes that are waiting. */
    private void next(Runnable step) {
        try {
            writer.execute(() -> run(step));
        } catch (RejectedExecutionException closing) {
            fail(closing);
        }
    }

    private void run(Runnable step) {
        if (over) {
            return;
        }
        stepping = true;
        try {
            step.run();
        } catch (RuntimeException | Error e) {
            fail(e);
        } finally {
            stepping = false;
        }
    }

    private void fail(Throwable e) {
        if (over) {
            return;
        }
        over = true;
        if (tx != null) {
            tx.close();
        }
        service.batchOver(this);
        done.completeExceptionally(e);
    }
}
