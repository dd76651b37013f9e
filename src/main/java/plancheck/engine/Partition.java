package plancheck.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import plancheck.domain.Standing;
import plancheck.domain.Status;

/**
 * One long-lived session and the thread that works it. Work is queued with {@link #run}; the returned future
 * completes on that thread. Small work may instead be done by the caller while nothing is queued ({@link #runNow}):
 * handing an update to a parked thread and being woken again costs more than the update itself. Either way one
 * thread at a time touches the session, holding {@link #turn}, in the order the work was given.
 */
final class Partition implements AutoCloseable {

    final int index;
    private final ExecutorService thread;
    private final Names names;
    /** the live track of a fact */
    private final Function<Standing, Track> tracks;
    private final Decisions.Listener listener;
    private final Tally tally;
    /** held by whoever works the session */
    private final ReentrantLock turn = new ReentrantLock();
    /** work queued and not yet finished */
    private final AtomicInteger queued = new AtomicInteger();
    /** set under {@link #turn} once the session is disposed */
    private boolean closed;
    /** the tally's keys, shared by the tracks of a group (a district lies in one partition only); under the turn */
    private final java.util.Map<Tally.Key, Tally.Key> keys = new java.util.HashMap<>();
    // only under the turn, apart from the volatile read of the revision in use
    private volatile RuleBase rules;
    private Session session;

    Partition(int index, RuleBase rules, Names names, Function<Standing, Track> tracks,
              Decisions.Listener listener) {
        this(index, rules, names, tracks, listener, Tally.NONE);
    }

    Partition(int index, RuleBase rules, Names names, Function<Standing, Track> tracks,
              Decisions.Listener listener, Tally tally) {
        this.index = index;
        this.tally = tally;
        this.names = names;
        this.tracks = tracks;
        this.listener = listener;
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new SpinningQueue(), r -> {
            Thread t = new Thread(r, "plancheck-partition-" + index);
            t.setDaemon(true);
            return t;
        });
        this.rules = rules;
        this.session = CompletableFuture.supplyAsync(() -> new Session(rules, names, tracks), thread).join();
    }

    /** A session on a rule base, with the conclusions its rules report to and the names of the rules that fired. */
    static final class Session {
        final KieSession kie;
        final Conclusions out;

        Session(RuleBase rules, Names names, Function<Standing, Track> tracks) {
            this.kie = rules.kieBase.newKieSession();
            this.out = new Conclusions(names, tracks);
            if (rules.declaresOut) {
                kie.setGlobal(RuleBase.OUT, out);
            }
            kie.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    String rule = event.getMatch().getRule().getName();
                    for (Object o : event.getMatch().getObjects()) {
                        out.fired(o, rule);
                    }
                }
            });
        }

        /** Puts prepared tracks in the session (or tells it their facts changed), fires, and closes the batch. */
        void decide(List<Track> tracks) {
            for (Track t : tracks) {
                Conclusions.open(t);
                if (t.handle == null) {
                    t.handle = kie.insert(t.standing);
                } else {
                    kie.update(t.handle, t.standing);
                }
            }
            kie.fireAllRules();
        }
    }

    /**
     * A task queue whose taker polls for a short while before it parks: a parked thread on an idle core takes tens
     * of microseconds to wake, longer than an update takes, so a burst of updates is served without waking it each
     * time. The poll costs at most {@link #SPIN_NANOS} of CPU after the last task of a burst.
     */
    private static final class SpinningQueue extends LinkedBlockingQueue<Runnable> {
        private static final long SPIN_NANOS = 50_000;

        @Override
        public Runnable take() throws InterruptedException {
            long until = System.nanoTime() + SPIN_NANOS;
            do {
                Runnable r = poll();
                if (r != null) {
                    return r;
                }
                Thread.onSpinWait();
            } while (System.nanoTime() < until);
            return super.take();
        }
    }

    <T> CompletableFuture<T> run(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        queued.incrementAndGet();
        try {
            thread.execute(() -> {
                turn.lock();
                try {
                    if (closed) {
                        throw new RejectedExecutionException("partition " + index + " is closed");
                    }
                    f.complete(work.get());
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                } finally {
                    turn.unlock();
                    queued.decrementAndGet();
                }
            });
        } catch (RuntimeException rejected) {
            queued.decrementAndGet();
            f.completeExceptionally(rejected);
        }
        return f;
    }

    /**
     * Does small work (one commitment's update) on the caller's thread when nothing is queued before it and the
     * session is free, else queues it as {@link #run} does; the future is then complete on return.
     */
    <T> CompletableFuture<T> runNow(Supplier<T> work) {
        // from inside work holding the turn (a listener calling back), it waits its turn like queued work
        if (queued.get() == 0 && !turn.isHeldByCurrentThread() && turn.tryLock()) {
            try {
                // checked again under the lock: work queued before it must be done before it
                if (queued.get() == 0 && !closed) {
                    try {
                        return CompletableFuture.completedFuture(work.get());
                    } catch (Throwable e) {
                        return CompletableFuture.failedFuture(e);
                    }
                }
            } finally {
                turn.unlock();
            }
        }
        return run(work);
    }

    /** The rule base this partition decides with. */
    RuleBase rules() {
        return rules;
    }

    // ---- below: only by the thread holding the turn

    /** Decides prepared tracks, publishes their verdicts and reports the status changes caused by {@code cause}. */
    void evaluate(List<Track> tracks, Decisions.Cause cause) {
        session.decide(tracks);
        publish(tracks, cause);
    }

    private void publish(List<Track> tracks, Decisions.Cause cause) {
        String revision = rules.ruleset.revision();
        List<Decisions.Change> changes = null;
        for (Track t : tracks) {
            Verdict before = t.verdict;
            Verdict after = t.publish(revision);
            count(t, after);
            Status from = before == null ? null : before.status();
            if (from != after.status() && (before != null || cause.logsFirst())) {
                if (changes == null) {
                    changes = new ArrayList<>();
                }
                changes.add(Decisions.change(before, after, cause));
            }
        }
        if (changes != null) {
            listener.changed(changes);
        }
    }

    /**
     * Moves every track held to a session on {@code next}: the old session is dropped, each fact decided by the new
     * rules alone, and only then published, so no verdict mixes old and new rules.
     */
    void replace(RuleBase next, List<Track> tracks, Decisions.Cause cause) {
        Session fresh = new Session(next, names, this.tracks);
        FactHandle[] held = new FactHandle[tracks.size()];
        for (int i = 0; i < held.length; i++) {
            held[i] = tracks.get(i).handle;
            tracks.get(i).handle = null;
        }
        try {
            fresh.decide(tracks);
        } catch (RuntimeException e) {
            // the old session keeps serving, with its own handles
            for (int i = 0; i < held.length; i++) {
                tracks.get(i).handle = held[i];
            }
            fresh.kie.dispose();
            throw e;
        }
        Session old = session;
        session = fresh;
        rules = next;
        old.kie.dispose();
        publish(tracks, cause);
    }

    /** Tells the tally when what the track counts as changed; keys are shared among the tracks of a group. */
    private void count(Track t, Verdict v) {
        Tally.Key key = Tally.Key.of(t.commitment);
        int slot = v.status() == null ? -1 : Tally.slot(v.status(), v.warnings().contains("UNREVIEWED"));
        if (slot == t.countedSlot && key.equals(t.counted)) {
            return;
        }
        Tally.Key shared = slot < 0 ? null : keys.computeIfAbsent(key, k -> k);
        if (shared == null && t.counted == null) {
            return;
        }
        tally.moved(t.counted, t.countedSlot, shared, slot);
        t.counted = shared;
        t.countedSlot = shared == null ? -1 : slot;
    }

    void remove(Track t) {
        if (t.counted != null) {
            tally.moved(t.counted, t.countedSlot, null, -1);
            t.counted = null;
            t.countedSlot = -1;
        }
        if (t.handle != null) {
            session.kie.delete(t.handle);
            t.handle = null;
        }
    }

    @Override
    public void close() {
        try {
            run(() -> {
                closed = true;
                session.kie.dispose();
                return null;
            }).join();
        } catch (RuntimeException ignored) {
            // already closed
        }
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
