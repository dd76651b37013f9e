package plancheck.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import plancheck.domain.Evaluation;
import plancheck.domain.Status;

class ScorecardTest {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 30);

    private static Evaluation e(String id, Status status) {
        return new Evaluation(id, status, null, null, null, DAY, null, null, null, "r", 1);
    }

    @Test
    void givenMixedStatusesThenRatesLeaveOngoingOutOfTheDenominator() {
        List<Evaluation> list = List.of(e("a", Status.EXCEEDED), e("b", Status.ACHIEVED), e("c", Status.ON_TRACK),
                e("d", Status.BEHIND), e("e", Status.ONGOING), e("f", Status.NO_DATA), e("g", Status.BASICALLY_ACHIEVED));
        Scorecard s = Scorecard.of(DAY, list, ev -> ev.commitmentId().compareTo("d") < 0 ? "民生" : "城建", ev -> "");

        assertThat(s.total()).isEqualTo(7);
        assertThat(s.byStatus()).containsEntry(Status.ONGOING, 1).containsEntry(Status.MISSED, 0);
        assertThat(s.completionRate()).isEqualTo(Math.round(10000.0 * 2 / 6) / 10000.0);
        assertThat(s.onPaceRate()).isEqualTo(Math.round(10000.0 * 4 / 6) / 10000.0);
        assertThat(s.byCategory()).containsOnlyKeys("民生", "城建");
        assertThat(s.byCategory().get("民生").completionRate()).isEqualTo(Math.round(10000.0 * 2 / 3) / 10000.0);
        assertThat(s.byCategory().get("城建").total()).isEqualTo(4);
    }

    @Test
    void givenOnlyOngoingCommitmentsThenNoRateIsGiven() {
        Scorecard s = Scorecard.of(DAY, List.of(e("a", Status.ONGOING)), ev -> "", ev -> "");
        assertThat(s.completionRate()).isNull();
        assertThat(s.onPaceRate()).isNull();
    }
}
