package plancheck.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.drools.core.rule.consequence.InternalMatch;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Match;

/**
 * One long-lived session and the single thread that alone touches it. Work is queued with {@link #run}; the
 * returned future completes on that thread.
 */
final class Partition implements AutoCloseable {

    final int index;
    private final ExecutorService thread;
    private final KieSession session;

    Partition(int index, KieBase kieBase) {
        this.index = index;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "plancheck-partition-" + index);
            t.setDaemon(true);
            return t;
        });
        this.session = CompletableFuture.supplyAsync(() -> newSession(kieBase), thread).join();
    }

    /** A session that records on each fact the names of the rules that fired for it. */
    static KieSession newSession(KieBase kieBase) {
        KieSession s = kieBase.newKieSession();
        s.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                Match match = event.getMatch();
                String rule = match.getRule().getName();
                // the status and warning rules match one Track: take it from the tuple without building a list
                Object last = ((InternalMatch) match).getTuple().getFactHandle().getObject();
                if (last instanceof Track t) {
                    t.fired(rule);
                    return;
                }
                for (Object o : match.getObjects()) {
                    if (o instanceof Track t) {
                        t.fired(rule);
                    }
                }
            }
        });
        return s;
    }

    <T> CompletableFuture<T> run(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    f.complete(work.get());
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                }
            });
        } catch (RuntimeException rejected) {
            f.completeExceptionally(rejected);
        }
        return f;
    }

    // ---- below: only on this partition's thread

    /** Puts prepared tracks in the session (or tells it they changed), fires, and publishes their verdicts. */
    void evaluate(List<Track> tracks) {
        for (Track t : tracks) {
            if (t.handle == null) {
                t.handle = session.insert(t);
            } else {
                session.update(t.handle, t);
            }
        }
        session.fireAllRules();
        for (Track t : tracks) {
            t.publish();
        }
    }

    void remove(Track t) {
        if (t.handle != null) {
            session.delete(t.handle);
            t.handle = null;
        }
    }

    List<Track> tracks() {
        List<Track> all = new ArrayList<>((int) session.getFactCount());
        for (Object o : session.getObjects()) {
            all.add((Track) o);
        }
        return all;
    }

    @Override
    public void close() {
        try {
            run(() -> {
                session.dispose();
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
