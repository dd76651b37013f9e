package plancheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static plancheck.engine.Fixtures.MID_YEAR;
import static plancheck.engine.Fixtures.engineAt;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Small work is done by its caller only when nothing is queued before it; the order of work is kept. */
class PartitionTurnTest {

    private Engine engine;
    private Partition partition;

    @BeforeEach
    void start() {
        engine = engineAt(MID_YEAR, 1);
        partition = new Partition(0, engine.ruleBase(), new Names(), s -> null, Decisions.Listener.NONE);
    }

    @AfterEach
    void stop() {
        partition.close();
        engine.close();
    }

    @Test
    void givenAnIdlePartition_whenSmallWorkIsGiven_thenTheCallerDoesItAndTheFutureIsCompleteOnReturn() {
        Thread caller = Thread.currentThread();

        CompletableFuture<Thread> done = partition.runNow(Thread::currentThread);

        assertThat(done).isCompletedWithValue(caller);
    }

    @Test
    void givenWorkQueuedAhead_whenSmallWorkIsGiven_thenItIsDoneAfterThatWorkOnThePartitionsThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ahead = partition.run(() -> {
            await(release);
            order.add("queued first");
            return null;
        });

        CompletableFuture<Thread> small = partition.runNow(() -> {
            order.add("small");
            return Thread.currentThread();
        });
        assertThat(small).isNotDone();
        release.countDown();

        assertThat(small.join()).isNotEqualTo(Thread.currentThread());
        ahead.join();
        assertThat(order).containsExactly("queued first", "small");
        // once the queue is empty again (the partition thread counts its work done just after answering it), the
        // caller does small work itself
        assertThat(doneByCallerWithin(1000)).isTrue();
    }

    @Test
    void givenSmallWorkGivenFromInsideSmallWork_thenItWaitsItsTurnInsteadOfRunningNested() {
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<CompletableFuture<Void>> outer = partition.runNow(() -> {
            CompletableFuture<Void> inner = partition.runNow(() -> {
                order.add("inner");
                return null;
            });
            order.add("outer done");
            return inner;
        });

        outer.join().join();
        assertThat(order).containsExactly("outer done", "inner");
    }

    @Test
    void givenSmallWorkThatFails_thenTheFutureCarriesTheFailureAndThePartitionKeepsServing() {
        CompletableFuture<Object> failed = partition.runNow(() -> {
            throw new IllegalStateException("no such track");
        });

        assertThat(failed).isCompletedExceptionally();
        assertThat(partition.runNow(() -> "next")).isCompletedWithValue("next");
    }

    @Test
    void givenAClosedPartition_whenSmallWorkIsGiven_thenItIsRefusedAndNotDone() {
        partition.close();
        List<String> done = new CopyOnWriteArrayList<>();

        CompletableFuture<Boolean> late = partition.runNow(() -> done.add("late"));

        assertThat(late).isCompletedExceptionally();
        assertThat(late.handle((v, e) -> e)).isCompletedWithValueMatching(e -> e instanceof RejectedExecutionException);
        assertThat(done).isEmpty();
    }

    private boolean doneByCallerWithin(long millis) {
        long until = System.currentTimeMillis() + millis;
        do {
            if (partition.runNow(Thread::currentThread).join() == Thread.currentThread()) {
                return true;
            }
        } while (System.currentTimeMillis() < until);
        return false;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
