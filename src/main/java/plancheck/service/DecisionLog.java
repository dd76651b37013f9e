package plancheck.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import plancheck.engine.Decisions;
import plancheck.store.PolicyStore;

/**
 * Stores every change of a commitment's status the engine reports (from → to, evaluation date, rules revision,
 * fired rules, cause) and reads them back. The changes a write causes (results, reviews, commitments created or
 * revised, imports accepted) are stored in that write's transaction ({@link Foresight}), those of a reload in the
 * reload's; the rest (a new date, and a change the engine decided otherwise than foreseen because the date or the
 * rules moved in between) are written on the log's own thread in the order the engine reported them. A read queues
 * behind the writes reported before it, so an answer after a write sees its decision.
 */
public final class DecisionLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionLog.class);

    private final Service service;
    private final PolicyStore store;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "plancheck-decisions");
        t.setDaemon(true);
        return t;
    });
    /** changes of these causes are kept for whoever holds them, to be written in that one's transaction */
    private final java.util.Map<Decisions.Cause, List<PolicyStore.Decision>> held =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Starts listening to the service's engine. */
    public DecisionLog(Service service) {
        this.service = service;
        this.store = new PolicyStore(service.store());
        this.clock = service.clock();
        service.foresight().enable();
        service.engine().onDecisions(this::changed);
    }

    /**
     * From now on keeps the changes caused by {@code cause} instead of writing them, until {@link #take}; so a
     * reload writes its status changes in the transaction that records the new rules.
     */
    void hold(Decisions.Cause cause) {
        held.put(cause, java.util.Collections.synchronizedList(new ArrayList<>()));
    }

    /** The changes kept since {@link #hold}, for the caller to store; later ones are written as usual. */
    List<PolicyStore.Decision> take(Decisions.Cause cause) {
        List<PolicyStore.Decision> kept = held.remove(cause);
        if (kept == null) {
            return List.of();
        }
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }

    /** Writes kept changes the way the log writes any (when their cause came to nothing). */
    void write(List<PolicyStore.Decision> rows) {
        if (!rows.isEmpty()) {
            enqueue(rows);
        }
    }

    /** By whoever holds a partition's turn: hands the changes to the log's thread, or to whoever holds their cause. */
    private void changed(List<Decisions.Change> changes) {
        java.time.Instant at = clock.instant();
        List<PolicyStore.Decision> rows = new ArrayList<>(changes.size());
        for (Decisions.Change c : changes) {
            if (service.foresight().claimed(c)) {
                // stored in the transaction of the write that caused it
                continue;
            }
            PolicyStore.Decision d = new PolicyStore.Decision(0, c.commitmentId(), c.from() == null ? null
                    : c.from().name(), c.to() == null ? null : c.to().name(), c.asOf(), c.rulesRevision(), c.fired(),
                    c.cause().type(), c.cause().ref(), at);
            List<PolicyStore.Decision> holder = held.isEmpty() ? null : held.get(c.cause());
            if (holder != null) {
                holder.add(d);
            } else {
                rows.add(d);
            }
        }
        if (!rows.isEmpty()) {
            enqueue(rows);
        }
    }

    private void enqueue(List<PolicyStore.Decision> rows) {
        try {
            worker.execute(() -> {
                try {
                    store.insert(rows);
                } catch (RuntimeException e) {
                    LOG.error("{} status change(s) could not be stored", rows.size(), e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            LOG.warn("{} status change(s) not stored: the log is closed", rows.size());
        }
    }

    /**
     * The status changes of a commitment (live or retired), oldest first; NotFound when there is no such one.
     *
     * @param visible checks the commitment's district is in the reader's scope (throws when it is not)
     */
    public CompletableFuture<List<PolicyStore.Decision>> of(String commitmentId,
            java.util.function.Consumer<String> visible) {
        return service.stored(commitmentId).thenComposeAsync(s -> {
            visible.accept(s.commitment().district());
            return CompletableFuture.supplyAsync(() -> store.decisions(commitmentId), worker);
        });
    }

    /** A status change with what the feed shows of its commitment. */
    public record Recent(long seq, String commitmentId, String title, String district, String from, String to,
            java.time.LocalDate asOf, String causeType, String causeRef, java.time.Instant at) {
    }

    /** Most changes one feed reads from the log before keeping those in scope. */
    static final int FEED_SCAN = 5000;

    /**
     * The status changes recorded since {@code since} of commitments (live or retired) in {@code districts}
     * (null: everywhere), newest first, at most {@code limit}.
     */
    public CompletableFuture<List<Recent>> recent(java.util.Set<String> districts, java.time.Instant since,
            int limit) {
        java.util.Set<String> within = districts == null ? null : service.districts().subtree(districts);
        return CompletableFuture.supplyAsync(() -> {
            List<Recent> out = new ArrayList<>();
            java.util.Map<String, java.util.Optional<plancheck.domain.Commitment>> seen = new java.util.HashMap<>();
            for (PolicyStore.Decision d : store.decisionsSince(since, FEED_SCAN)) {
                java.util.Optional<plancheck.domain.Commitment> c = seen.computeIfAbsent(d.commitmentId(), id ->
                        service.commitment(id).or(() -> service.store().commitment(id)
                                .map(plancheck.store.Store.Stored::commitment)));
                if (c.isEmpty() || within != null && !within.contains(c.get().district())) {
                    continue;
                }
                out.add(new Recent(d.seq(), d.commitmentId(), c.get().title(), c.get().district(), d.from(), d.to(),
                        d.asOf(), d.causeType(), d.causeRef(), d.at()));
                if (out.size() == limit) {
                    break;
                }
            }
            return out;
        }, worker);
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
