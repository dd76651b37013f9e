package plancheck.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CommitmentTest {

    private static Commitment of(Kind kind, LocalDate start, LocalDate deadline) {
        return new Commitment("c1", "fenghuang", "凤凰街道", 2025, "民生", "新增托位200个以上", kind, "childcare_places", "个",
                200.0, null, null, null, null, null, start, deadline, null, null, null, null, null, 1);
    }

    @Test
    void givenNoDatesWhenAskedThenThePeriodIsThePlanYear() {
        Commitment c = of(Kind.AT_LEAST, null, null);
        assertThat(c.effectiveStart()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(c.effectiveDeadline()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(c.firmness()).isEqualTo(Firmness.FIRM);
    }

    @Test
    void givenAnOngoingCommitmentWithoutDeadlineThenItHasNone() {
        assertThat(of(Kind.ONGOING, null, null).effectiveDeadline()).isNull();
    }

    @Test
    void givenStatedDatesThenTheyWin() {
        Commitment c = of(Kind.AT_LEAST, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 6, 30));
        assertThat(c.effectiveStart()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(c.effectiveDeadline()).isEqualTo(LocalDate.of(2025, 6, 30));
    }

    @Test
    void stagesAreOrderedFromPlannedToInUse() {
        assertThat(Stage.IN_USE.reached(Stage.COMPLETED)).isTrue();
        assertThat(Stage.STARTED.reached(Stage.COMPLETED)).isFalse();
    }
}
