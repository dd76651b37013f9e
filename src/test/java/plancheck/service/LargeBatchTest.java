package plancheck.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import plancheck.Facts;
import plancheck.domain.Actor;
import plancheck.domain.Result;
import plancheck.store.AuditStore;
import plancheck.store.PolicyStore;

/**
 * A large batch of results ({@link LargeBatch}) beside small writes, on a real store and engine, with the decision
 * log on as the server runs it. No timing is asserted: what a small write sees while a batch is in progress, and
 * the order things end up in.
 */
class LargeBatchTest extends OnRealStore {

    private static final Actor LOADER = Actor.system("loader");
    private static final LocalDate JUNE = LocalDate.of(2025, 6, 30);
    private static final int COMMITMENTS = 100;
    private static final int BATCH = 5000;

    private DecisionLog log;

    private void commitments() {
        log = new DecisionLog(service);
        service.closeWith(log);
        service.createCommitments(IntStream.range(0, COMMITMENTS).mapToObj(i -> Facts.childcare("c" + i)).toList(),
                LOADER).join();
    }

    /** {@code n} results over c0..c{commitments-1} in turn, values rising so statuses change along the way. */
    private static List<Result> batch(int n, int commitments) {
        List<Result> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Facts.value("c" + (i % commitments), 100 + i * 100.0 / n, JUNE));
        }
        return out;
    }

    @Test
    void givenALargeBatchInProgressWhenASmallResultIsReportedThenItIsAnsweredWhileTheBatchIsNotYetVisible() {
        commitments();

        CompletableFuture<List<Service.Reported>> batch = service.reportAll(batch(BATCH, COMMITMENTS - 1), LOADER);
        CompletableFuture<Service.Reported> small = service.report(Facts.value("c99", 120, JUNE), LOADER);
        // what the store and the batch look like the moment the small write is answered
        CompletableFuture<Integer> storedThen = small.thenApply(r -> store.live().results().size());
        CompletableFuture<Boolean> batchDoneThen = small.thenApply(r -> batch.isDone());

        assertThat(small.join().result().id()).isNotNull();
        assertThat(batchDoneThen.join()).isFalse();
        assertThat(storedThen.join()).isEqualTo(1);

        assertThat(batch.join()).hasSize(BATCH);
        assertThat(store.live().results()).hasSize(BATCH + 1);
        List<AuditStore.Entry> results = resultEntries();
        assertThat(results.get(0).entityId()).isEqualTo(String.valueOf(small.join().result().id()));
        assertThat(results).hasSize(BATCH + 1);
        assertThat(service.verifyAudit().intact()).isTrue();
    }

    @Test
    void givenASmallResultOnACommitmentOfTheBatchWhenBothCommitThenEngineStoreAndDecisionLogAgree() {
        commitments();

        CompletableFuture<List<Service.Reported>> batch = service.reportAll(batch(BATCH, COMMITMENTS), LOADER);
        // c0 is in the batch's first part, already checked when this arrives; it commits before the batch
        Service.Reported small = service.report(Facts.value("c0", 250, JUNE), LOADER).join();
        batch.join();

        // the engine's series is the one a restart reads back: by date, then by id
        List<Result> stored = store.results("c0");
        assertThat(service.engine().results("c0")).extracting(Result::id)
                .containsExactlyElementsOf(stored.stream().sorted(Comparator.comparing(Result::asOf)
                        .thenComparing(Result::id)).map(Result::id).toList());
        assertThat(stored).extracting(Result::id).contains(small.result().id());
        // every stored status change starts where the one before it ended, and the last is the engine's status
        List<PolicyStore.Decision> changes = log.of("c0", d -> { }).join();
        for (int i = 1; i < changes.size(); i++) {
            assertThat(changes.get(i).from()).as("change %d of c0", i).isEqualTo(changes.get(i - 1).to());
        }
        assertThat(changes.get(changes.size() - 1).to())
                .isEqualTo(service.evaluation("c0").orElseThrow().status().name());
    }

    @Test
    void givenALargeBatchWhenOneOfItsCommitmentsIsRetiredBeforeItCommitsThenItFailsLateAndNoneOfItIsStored() {
        commitments();
        List<Result> results = batch(BATCH, COMMITMENTS);

        CompletableFuture<List<Service.Reported>> batch = service.reportAll(results, LOADER);
        // c0's results were checked in the batch's first step; the retirement commits before the batch does
        service.retireCommitment("c0", "merged into another commitment", LOADER).join();

        assertThatThrownBy(batch::join).isInstanceOf(CompletionException.class).cause()
                .isInstanceOf(Rejected.Conflict.class);
        assertThat(store.live().results()).isEmpty();
        assertThat(store.results("c0")).isEmpty();
        assertThat(resultEntries()).isEmpty();
        assertThat(service.engine().results("c1")).isEmpty();
        assertThat(service.verifyAudit().intact()).isTrue();
        // and the writer goes on: a result afterwards is stored as usual
        service.report(Facts.value("c1", 150, JUNE), LOADER).join();
        assertThat(store.live().results()).hasSize(1);
    }

    @Test
    void givenTwoLargeBatchesAtOnceThenBothAreStoredOneAfterTheOther() {
        commitments();

        CompletableFuture<List<Service.Reported>> first = service.reportAll(batch(1000, COMMITMENTS), LOADER);
        CompletableFuture<List<Service.Reported>> second = service.reportAll(batch(1000, COMMITMENTS), LOADER);

        long lastOfFirst = first.join().get(999).result().id();
        assertThat(second.join()).allSatisfy(r -> assertThat(r.result().id()).isGreaterThan(lastOfFirst));
        assertThat(store.live().results()).hasSize(2000);
    }

    private List<AuditStore.Entry> resultEntries() {
        return service.audit(new AuditStore.Query("result", null, null, null, null, null, 100_000, 0)).join();
    }
}
