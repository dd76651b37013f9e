package plancheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static plancheck.engine.Fixtures.*;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import plancheck.bench.Workload;
import plancheck.domain.Commitment;
import plancheck.domain.Evaluation;
import plancheck.domain.Status;

class PartitionsTest {

    @Test
    void givenTheSameCommitmentsAndResults_whenRunOnOneOrSeveralPartitions_thenEvaluationsAreIdentical() {
        Workload w = Workload.generate(3000, 12, 3, 42);
        try (Engine one = engineAt(MID_YEAR, 1); Engine four = engineAt(MID_YEAR, 4)) {
            one.load(w.commitments, w.results).join();
            four.load(w.commitments, w.results).join();
            for (LocalDate day : List.of(MID_YEAR, DEADLINE, AFTER)) {
                one.setToday(day).join();
                four.setToday(day).join();
                List<Evaluation> a = evaluations(one, w.commitments);
                assertThat(evaluations(four, w.commitments)).isEqualTo(a);
                Set<Status> seen = a.stream().map(Evaluation::status).collect(Collectors.toSet());
                assertThat(seen).as("the workload reaches many statuses").hasSizeGreaterThan(3);
                assertThat(a).allSatisfy(e -> assertThat(e.status()).isNotNull());
            }
        }
    }

    @Test
    void givenTheWorkloadAtEveryDate_thenEachStatusIsReached() {
        Workload w = Workload.generate(3000, 12, 2, 7);
        try (Engine engine = engineAt(MID_YEAR, 2)) {
            engine.load(w.commitments, w.results).join();
            Set<Status> seen = EnumSet.noneOf(Status.class);
            for (LocalDate day : List.of(LocalDate.of(2025, 1, 1), MID_YEAR, AFTER)) {
                engine.setToday(day).join();
                seen.addAll(evaluations(engine, w.commitments).stream().map(Evaluation::status).toList());
            }
            assertThat(seen).containsExactlyInAnyOrder(Status.values());
        }
    }

    private static List<Evaluation> evaluations(Engine engine, List<Commitment> commitments) {
        return commitments.stream().map(c -> engine.evaluation(c.id()).orElseThrow()).toList();
    }
}
