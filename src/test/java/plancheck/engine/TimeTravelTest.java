package plancheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static plancheck.engine.Fixtures.*;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import plancheck.bench.Workload;
import plancheck.domain.Commitment;
import plancheck.domain.Evaluation;
import plancheck.domain.Status;

class TimeTravelTest {

    private final Engine engine = engineAt(MID_YEAR, 2);

    @BeforeEach
    void seriesOfResults() {
        engine.upsert(atLeast("places", 200)).join();
        engine.report(value("places", 40, LocalDate.of(2025, 3, 1))).join();
        engine.report(value("places", 120, MID_YEAR)).join();
        engine.upsert(binary("task")).join();
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void givenAPastDate_thenOnlyResultsUpToItCountAndTheLiveEvaluationIsUntouched() {
        Evaluation live = engine.evaluation("places").orElseThrow();
        List<Evaluation> march = engine.evaluateAsOf(LocalDate.of(2025, 3, 15), List.of("places")).join();
        assertThat(march).singleElement().satisfies(e -> {
            assertThat(e.asOf()).isEqualTo(LocalDate.of(2025, 3, 15));
            assertThat(e.progress()).isEqualTo(0.2);
            assertThat(e.status()).isEqualTo(Status.ON_TRACK);
        });
        List<Evaluation> february = engine.evaluateAsOf(LocalDate.of(2025, 2, 1), List.of("places")).join();
        assertThat(february.get(0).status()).isEqualTo(Status.NO_DATA);
        assertThat(engine.evaluation("places")).contains(live);
        assertThat(engine.today()).isEqualTo(MID_YEAR);
    }

    @Test
    void givenAFutureDatePastTheDeadline_thenTheCommitmentIsJudgedOnWhatIsReported() {
        List<Evaluation> next = engine.evaluateAsOf(AFTER, List.of("task", "places")).join();
        assertThat(next).extracting(Evaluation::commitmentId).containsExactly("task", "places");
        assertThat(next).extracting(Evaluation::status).containsExactly(Status.NO_DATA, Status.MISSED);
        assertThat(next.get(0).warnings()).extracting(w -> w.code()).containsExactly("OVERDUE");
        assertThat(engine.evaluation("places").orElseThrow().status()).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void givenUnknownIds_thenTheyAreSkipped() {
        assertThat(engine.evaluateAsOf(AFTER, List.of("nobody", "task")).join())
                .extracting(Evaluation::commitmentId).containsExactly("task");
    }

    @Test
    void givenAnyDate_thenTimeTravelAgreesWithTheLiveEngineMovedToThatDate() {
        Workload w = Workload.generate(500, 6, 3, 3);
        try (Engine live = engineAt(MID_YEAR, 3)) {
            live.load(w.commitments, w.results).join();
            List<String> ids = w.commitments.stream().map(Commitment::id).toList();
            for (LocalDate day : List.of(LocalDate.of(2025, 2, 10), DEADLINE, AFTER)) {
                List<Evaluation> travelled = live.evaluateAsOf(day, ids).join();
                live.setToday(day).join();
                assertThat(travelled).isEqualTo(ids.stream().map(id -> live.evaluation(id).orElseThrow()).toList());
            }
        }
    }
}
