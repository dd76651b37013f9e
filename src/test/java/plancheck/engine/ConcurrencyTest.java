package plancheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static plancheck.engine.Fixtures.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import plancheck.bench.Workload;
import plancheck.domain.Commitment;
import plancheck.domain.Evaluation;
import plancheck.domain.Result;

class ConcurrencyTest {

    @Test
    void givenReportsFromManyThreadsAtOnce_thenEvaluationsEqualThoseOfTheSameReportsMadeOneByOne() {
        Workload w = Workload.generate(400, 8, 1, 11);
        List<Result> updates = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(5);
        Set<String> used = new HashSet<>();
        while (updates.size() < 4000) {
            Commitment c = w.commitments.get(random.nextInt(w.commitments.size()));
            LocalDate asOf = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(180));
            // one result per commitment and date: then the order of arrival cannot change the outcome
            if (used.add(c.id() + asOf)) {
                updates.add(Workload.result(c.id(), c.kind(), c.target() == null ? 100 : c.target(), c.stage(),
                        asOf, random));
            }
        }
        try (Engine serial = engineAt(MID_YEAR, 1); Engine parallel = engineAt(MID_YEAR, 3)) {
            serial.load(w.commitments, w.results).join();
            parallel.load(w.commitments, w.results).join();
            for (Result r : updates) {
                serial.report(r).join();
            }
            ExecutorService callers = Executors.newFixedThreadPool(8);
            try {
                List<CompletableFuture<Evaluation>> all = new ArrayList<>();
                for (Result r : updates) {
                    all.add(CompletableFuture.supplyAsync(() -> r, callers).thenCompose(parallel::report));
                }
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            } finally {
                callers.shutdown();
            }
            for (Commitment c : w.commitments) {
                assertThat(parallel.evaluation(c.id())).isEqualTo(serial.evaluation(c.id()));
                assertThat(parallel.results(c.id())).hasSameSizeAs(serial.results(c.id()));
            }
        }
    }
}
