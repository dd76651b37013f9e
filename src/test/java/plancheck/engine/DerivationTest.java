package plancheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static plancheck.engine.Fixtures.*;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import plancheck.domain.Result;
import plancheck.domain.Stage;
import plancheck.domain.Standing;

/** The progress and 序时进度 maths the rules read from the fact, in plain Java. */
class DerivationTest {

    private static Standing at(LocalDate day, plancheck.domain.Commitment c, Result... results) {
        return Derivation.standing(c, results, day, PolicySheets.shipped().defaults());
    }

    @Test
    void givenAnAtLeastTargetWithABaseline_thenProgressIsTheWayFromBaselineToTarget() {
        Standing s = at(MID_YEAR, atLeastFrom("a", 100, 300), value("a", 150, MID_YEAR));
        assertThat(s.getProgress()).isEqualTo(0.25);
        assertThat(s.isMet()).isFalse();
        assertThat(s.getExpectedProgress()).isCloseTo(182.0 / 364, within(1e-9));
    }

    @Test
    void givenAnAtMostCeilingWithoutABaseline_thenProgressIsTargetOverValueCappedAtTwo() {
        assertThat(at(MID_YEAR, atMost("m", 10), value("m", 20, MID_YEAR)).getProgress()).isEqualTo(0.5);
        assertThat(at(MID_YEAR, atMost("m", 10), value("m", 1, MID_YEAR)).getProgress()).isEqualTo(2.0);
        assertThat(at(MID_YEAR, atMost("m", 0), value("m", 0, MID_YEAR)).isMet()).isTrue();
    }

    @Test
    void givenARange_thenInsideIsMetAndAboveIsHighOverValue() {
        assertThat(at(MID_YEAR, range("r", 10, 20), value("r", 15, MID_YEAR)).isMet()).isTrue();
        assertThat(at(MID_YEAR, range("r", 10, 20), value("r", 40, MID_YEAR)).getProgress()).isEqualTo(0.5);
        assertThat(at(MID_YEAR, exact("e", 10), value("e", 5, MID_YEAR)).getProgress()).isEqualTo(0.5);
    }

    @Test
    void givenAMilestoneWithPlannedDates_thenExpectedProgressFollowsTheStagePlannedBeforeToday() {
        Standing s = at(MID_YEAR, milestone("s", Stage.COMPLETED, Map.of(Stage.STARTED, LocalDate.of(2025, 3, 31))),
                stage("s", Stage.APPROVED, MID_YEAR));
        assertThat(s.getDueStage()).isEqualTo(Stage.STARTED);
        assertThat(s.getExpectedProgress()).isEqualTo(2.0 / 4);
        assertThat(s.getProgress()).isEqualTo(1.0 / 4);
    }

    @Test
    void givenResultsAfterTheDate_thenOnlyTheLatestOnOrBeforeItCountsAndTheOneBeforeIsPrevious() {
        Result early = value("a", 50, LocalDate.of(2025, 3, 31));
        Result mid = value("a", 80, MID_YEAR);
        Result late = value("a", 150, LocalDate.of(2025, 9, 30));
        Standing s = at(MID_YEAR, atLeast("a", 200), early, mid, late);
        assertThat(s.getValue()).isEqualTo(80);
        assertThat(s.getPreviousValue()).isEqualTo(50);
        assertThat(at(LocalDate.of(2025, 1, 1), atLeast("a", 200), early).isReported()).isFalse();
    }

    @Test
    void givenAnOngoingCommitment_thenNothingIsDerived() {
        Standing s = at(MID_YEAR, ongoing("o"));
        assertThat(s.getProgress()).isNaN();
        assertThat(s.getExpectedProgress()).isNaN();
        assertThat(s.getDeadlineDay()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void givenTheLinearCalendar_thenElapsedIsZeroBeforeTheStartAndOneFromTheDeadline() {
        assertThat(Derivation.elapsed(10, 20, 5)).isZero();
        assertThat(Derivation.elapsed(10, 20, 15)).isEqualTo(0.5);
        assertThat(Derivation.elapsed(10, 20, 20)).isEqualTo(1.0);
        assertThat(Derivation.share(5, 0)).isEqualTo(1.0);
        assertThat(Derivation.share(-5, 0)).isZero();
    }
}
