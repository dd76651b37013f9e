package plancheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static plancheck.engine.Fixtures.*;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import plancheck.domain.Commitment;
import plancheck.domain.Evaluation;
import plancheck.domain.Firmness;
import plancheck.domain.Kind;
import plancheck.domain.Result;
import plancheck.domain.Review;
import plancheck.domain.Stage;
import plancheck.domain.Status;
import plancheck.domain.Warning;

/**
 * Every rule of rules/plancheck/status: a case where it fires and one where it does not, through the live engine.
 * Dates: the plan year 2025; mid-year (2 July) has 序时进度 50%; "after" is 15 January 2026.
 */
class StatusRulesTest {

    private static final LocalDate JAN_10 = LocalDate.of(2025, 1, 10);
    private static final LocalDate MAR_31 = LocalDate.of(2025, 3, 31);
    private static final LocalDate JUN_30 = LocalDate.of(2025, 6, 30);
    private static final LocalDate SEP_30 = LocalDate.of(2025, 9, 30);
    private static final Map<Stage, LocalDate> PLAN = Map.of(Stage.STARTED, MAR_31, Stage.TOPPED_OUT, SEP_30);
    private static final AtomicInteger IDS = new AtomicInteger();
    private static Engine engine;

    @BeforeAll
    static void start() {
        engine = engineAt(MID_YEAR, 1);
    }

    private static final Set<String> FIRED = ConcurrentHashMap.newKeySet();

    @AfterAll
    static void everyRuleFiredInSomeCase() {
        try {
            assertThat(FIRED).containsExactlyInAnyOrderElementsOf(engine.ruleset().rules());
        } finally {
            engine.close();
        }
    }

    /** Puts a commitment (under a fresh id) and its results in the live engine at {@code day}. */
    private static Evaluation at(LocalDate day, Commitment c, Result... results) {
        String id = c.id() + "-" + IDS.incrementAndGet();
        engine.setToday(day).join();
        engine.upsert(c.withId(id)).join();
        for (Result r : results) {
            engine.report(new Result(r.id(), id, r.value(), r.stage(), r.done(), r.asOf(), r.reportedBy(),
                    r.evidence(), r.note(), r.sample(), r.corrects(), r.reason(), r.review())).join();
        }
        Evaluation e = engine.evaluation(id).orElseThrow();
        FIRED.addAll(e.firedRules());
        return e;
    }

    private static Result v(double value, LocalDate asOf) {
        return value("x", value, asOf);
    }

    private static Result s(Stage stage, LocalDate asOf) {
        return stage("x", stage, asOf);
    }

    private static Result d(boolean done, LocalDate asOf) {
        return done("x", done, asOf);
    }

    private static void assertWarnings(Evaluation e, String... codes) {
        assertThat(e.warnings()).extracting(Warning::code).containsExactlyInAnyOrder(codes);
    }

    /** {@code c} as a 力争 target. */
    private static Commitment strive(Commitment c) {
        return new Commitment(c.id(), c.district(), c.districtName(), c.year(), c.category(), c.title(), c.kind(),
                c.metric(), c.unit(), c.target(), c.targetMax(), c.baseline(), c.prior(), c.stage(), c.plannedStages(),
                c.start(), c.deadline(), Firmness.STRIVE, c.owner(), c.lead(), c.source(), c.assumed(), c.revision());
    }

    @Nested
    class Strive {
        private final Commitment places = strive(atLeast("strive-places", 200));

        @Test
        void givenAStriveTargetReachedToEightyFivePercentAfterTheDeadline_thenBasicallyAchievedSayingItWasAStriveTarget() {
            Evaluation e = at(AFTER, places, v(170, DEADLINE));
            assertThat(e.status()).isEqualTo(Status.BASICALLY_ACHIEVED);
            assertThat(e.firedRules()).containsExactly("strive target nearly met by the deadline");
            assertThat(e.explanation().zh()).contains("力争目标200个以上");
            assertThat(e.explanation().en()).contains("strive-for target");
        }

        @Test
        void givenAFirmTargetReachedToEightyFivePercentAfterTheDeadline_thenMissed() {
            Evaluation e = at(AFTER, atLeast("firm-places", 200), v(170, DEADLINE));
            assertThat(e.status()).isEqualTo(Status.MISSED);
            assertThat(e.firedRules()).contains("target missed by the deadline")
                    .doesNotContain("strive target nearly met by the deadline");
            assertThat(e.explanation().zh()).doesNotContain("力争");
        }

        @Test
        void givenAStriveTargetReachedToSeventyFivePercentAfterTheDeadline_thenMissed() {
            Evaluation e = at(AFTER, places, v(150, DEADLINE));
            assertThat(e.status()).isEqualTo(Status.MISSED);
            assertThat(e.firedRules()).contains("target missed by the deadline")
                    .doesNotContain("strive target nearly met by the deadline");
            assertThat(e.explanation().zh()).contains("力争");
        }

        @Test
        void givenAStriveTargetAtNinetyTwoPercentAfterTheDeadline_thenBasicallyAchievedByTheCommonRuleOnly() {
            Evaluation e = at(AFTER, places, v(185, DEADLINE));
            assertThat(e.status()).isEqualTo(Status.BASICALLY_ACHIEVED);
            assertThat(e.firedRules()).contains("target nearly met by the deadline")
                    .doesNotContain("strive target nearly met by the deadline");
        }
    }

    @Nested
    class Corrections {
        private final Commitment places = atLeast("corrected-places", 200);

        private Result corrects(long id, double value, LocalDate asOf, long corrected) {
            Result r = v(value, asOf);
            return new Result(id, r.commitmentId(), r.value(), null, null, asOf, null, null, null, false, corrected,
                    "figure keyed in wrong", null);
        }

        @Test
        void givenALowerFigureCorrectingTheLast_thenTheCorrectionCountsWithoutDecreasingWarning() {
            Evaluation e = at(MID_YEAR, places, v(60, MAR_31).withId(1L), v(140, JUN_30).withId(2L),
                    corrects(3L, 100, JUN_30, 2L));
            assertThat(e.progress()).isEqualTo(0.5);
            assertThat(e.firedRules()).doesNotContain("cumulative value went down");
            assertWarnings(e);
        }

        @Test
        void givenALowerFigureThatCorrectsNothing_thenItIsADecrease() {
            Evaluation e = at(MID_YEAR, places, v(140, JUN_30).withId(1L), v(100, JUN_30).withId(2L));
            assertThat(e.progress()).isEqualTo(0.5);
            assertThat(e.firedRules()).contains("cumulative value went down");
        }

        @Test
        void givenACorrectionDatedLater_thenTheCorrectedFigureStillCountsBeforeThatDate() {
            Commitment c = places.withId("corrected-later");
            at(MID_YEAR, c, v(140, MAR_31).withId(1L), corrects(2L, 100, JUN_30, 1L));
            String id = "corrected-later-" + IDS.get();
            Evaluation before = engine.evaluateAsOf(LocalDate.of(2025, 4, 30), java.util.List.of(id)).join().get(0);
            assertThat(before.progress()).isEqualTo(0.7);
        }
    }

    @Nested
    class AtLeast {
        private final Commitment places = atLeast("places", 200);

        @Test
        void givenProgressAheadOfTheCalendar_thenOnTrack() {
            Evaluation e = at(MID_YEAR, places, v(120, MID_YEAR));
            assertThat(e.status()).isEqualTo(Status.ON_TRACK);
            assertThat(e.progress()).isEqualTo(0.6);
            assertThat(e.expectedProgress()).isEqualTo(0.5);
            assertThat(e.lag()).isEqualTo(-10.0);
            assertThat(e.firedRules()).containsExactly("progress keeps pace with expected progress");
            assertWarnings(e);
        }

        @Test
        void givenProgressWithinTenPointsBehind_thenStillOnTrack() {
            Evaluation e = at(MID_YEAR, places, v(82, MID_YEAR));
            assertThat(e.status()).isEqualTo(Status.ON_TRACK);
            assertThat(e.firedRules()).doesNotContain("progress lags expected progress");
        }

        @Test
        void givenProgressMoreThanTenPointsBehind_thenBehind() {
            Evaluation e = at(MID_YEAR, places, v(60, MID_YEAR));
            assertThat(e.status()).isEqualTo(Status.BEHIND);
            assertThat(e.lag()).isEqualTo(20.0);
            assertThat(e.firedRules()).contains("progress lags expected progress")
                    .doesNotContain("progress keeps pace with expected progress", "target met before the deadline");
            assertThat(e.explanation().zh()).contains("进度滞后", "60个", "30%", "50%", "落后20个百分点");
            assertThat(e.explanation().en()).contains("Behind", "30%", "50%", "20 points behind");
        }

        @Test
        void givenTargetReachedBeforeTheDeadline_thenAchieved() {
            Evaluation e = at(MID_YEAR, places, v(210, MID_YEAR));
            assertThat(e.status()).isEqualTo(Status.ACHIEVED);
            assertThat(e.firedRules()).contains("target met before the deadline")
                    .doesNotContain("target met by the deadline", "progress keeps pace with expected progress");
        }

        @Test
        void givenTheDeadlineDayAndNinetyFivePercent_thenOnTrackNotYetJudged() {
            Evaluation e = at(DEADLINE, places, v(190, DEADLINE));
            assertThat(e.expectedProgress()).isEqualTo(1.0);
            assertThat(e.status()).isEqualTo(Status.ON_TRACK);
            assertThat(e.firedRules()).doesNotContain("target nearly met by the deadline");
        }

        @Test
        void givenTheDeadlineDayAndEightyFivePercent_thenBehind() {
            assertThat(at(DEADLINE, places, v(170, DEADLINE)).status()).isEqualTo(Status.BEHIND);
        }

        @Test
        void givenTheDeadlinePassedAtOneHundredFifteenPercent_thenExceeded() {
            Evaluation e = at(AFTER, places, v(230, DEADLINE));
            assertThat(e.status()).isEqualTo(Status.EXCEEDED);
            assertThat(e.firedRules()).contains("target exceeded by the deadline")
                    .doesNotContain("target met by the deadline");
            assertThat(e.explanation().zh()).startsWith("超额完成").contains("230个", "115%");
        }

        @Test
        void givenTheDeadlinePassedAtOneHundredFivePercent_thenAchievedNotExceeded() {
            Evaluation e = at(AFTER, places, v(210, DEADLINE));
            assertThat(e.status()).isEqualTo(Status.ACHIEVED);
            assertThat(e.firedRules()).contains("target met by the deadline")
                    .doesNotContain("target exceeded by the deadline", "target met before the deadline");
        }

        @Test
        void givenTheDeadlinePassedAtNinetyTwoPercent_thenBasicallyAchieved() {
            Evaluation e = at(AFTER, places, v(185, DEADLINE));
            assertThat(e.status()).isEqualTo(Status.BASICALLY_ACHIEVED);
            assertThat(e.firedRules()).contains("target nearly met by the deadline")
                    .doesNotContain("target missed by the deadline");
        }

        @Test
        void givenTheDeadlinePassedAtSeventyFivePercent_thenMissed() {
            Evaluation e = at(AFTER, places, v(150, DEADLINE));
            assertThat(e.status()).isEqualTo(Status.MISSED);
            assertThat(e.firedRules()).contains("target missed by the deadline")
                    .doesNotContain("target nearly met by the deadline");
        }

        @Test
        void givenNoResultBeforeTheDeadline_thenNoDataWithoutOverdueWarning() {
            Evaluation e = at(MID_YEAR, places);
            assertThat(e.status()).isEqualTo(Status.NO_DATA);
            assertThat(e.progress()).isNull();
            assertThat(e.firedRules()).contains("no result reported yet")
                    .doesNotContain("deadline passed without any result");
            assertWarnings(e);
        }

        @Test
        void givenNoResultAfterTheDeadline_thenNoDataAndOverdue() {
            Evaluation e = at(AFTER, places);
            assertThat(e.status()).isEqualTo(Status.NO_DATA);
            assertThat(e.firedRules()).contains("no result reported yet", "deadline passed without any result");
            assertWarnings(e, "OVERDUE");
        }

        @Test
        void givenAResult_thenNoDataRuleDoesNotFire() {
            assertThat(at(MID_YEAR, places, v(1, MID_YEAR)).firedRules()).doesNotContain("no result reported yet");
        }

        @Test
        void givenOnlyAResultDatedAfterTheEvaluationDate_thenItDoesNotCountYet() {
            Evaluation e = at(MID_YEAR, places, v(250, SEP_30));
            assertThat(e.status()).isEqualTo(Status.NO_DATA);
        }

        @Test
        void givenABaseline_thenProgressCountsFromIt() {
            Commitment level = atLeastFrom("level", 1000, 1200);
            Evaluation half = at(MID_YEAR, level, v(1100, MID_YEAR));
            assertThat(half.progress()).isEqualTo(0.5);
            assertThat(half.status()).isEqualTo(Status.ON_TRACK);
            Evaluation quarter = at(MID_YEAR, level, v(1050, MID_YEAR));
            assertThat(quarter.progress()).isEqualTo(0.25);
            assertThat(quarter.status()).isEqualTo(Status.BEHIND);
        }
    }

    @Nested
    class AtMost {
        private final Commitment zeroGrowth = atMost("illegal-building", 0);
        private final Commitment ceiling = atMost("incidents", 100);

        @Test
        void givenZeroUnderAZeroCeilingAfterTheDeadline_thenAchieved() {
            Evaluation e = at(AFTER, zeroGrowth, v(0, DEADLINE));
            assertThat(e.progress()).isEqualTo(1.0);
            assertThat(e.status()).isEqualTo(Status.ACHIEVED);
            assertThat(e.firedRules()).containsExactly("target met by the deadline");
        }

        @Test
        void givenAnyValueAboveAZeroCeilingMidYear_thenBehind() {
            Evaluation e = at(MID_YEAR, zeroGrowth, v(2, MID_YEAR));
            assertThat(e.progress()).isEqualTo(0.0);
            assertThat(e.status()).isEqualTo(Status.BEHIND);
        }

        @Test
        void givenWellBelowTheCeilingAfterTheDeadline_thenExceeded() {
            Evaluation e = at(AFTER, ceiling, v(80, DEADLINE));
            assertThat(e.progress()).isEqualTo(1.25);
            assertThat(e.status()).isEqualTo(Status.EXCEEDED);
        }

        @Test
        void givenSlightlyAboveTheCeilingAfterTheDeadline_thenBasicallyAchieved() {
            Evaluation e = at(AFTER, ceiling, v(105, DEADLINE));
            assertThat(e.status()).isEqualTo(Status.BASICALLY_ACHIEVED);
        }

        @Test
        void givenAboveTheCeilingOnTheDeadlineDay_thenBehindNotYetMissed() {
            Evaluation e = at(DEADLINE, ceiling, v(120, DEADLINE));
            assertThat(e.status()).isEqualTo(Status.BEHIND);
            assertThat(e.firedRules()).containsExactly("progress lags expected progress");
        }

        @Test
        void givenABaselineHalfwayDownMidYear_thenOnTrack() {
            Evaluation e = at(MID_YEAR, atMostFrom("accidents", 500, 300), v(400, MID_YEAR));
            assertThat(e.progress()).isEqualTo(0.5);
            assertThat(e.status()).isEqualTo(Status.ON_TRACK);
            assertThat(e.firedRules()).containsExactly("progress keeps pace with expected progress");
        }

        @Test
        void givenABaselineAQuarterDownMidYear_thenBehind() {
            Evaluation e = at(MID_YEAR, atMostFrom("accidents", 500, 300), v(450, MID_YEAR));
            assertThat(e.progress()).isEqualTo(0.25);
            assertThat(e.status()).isEqualTo(Status.BEHIND);
        }
    }

    @Nested
    class ExactAndRange {
        @Test
        void givenTheExactValue_thenAchieved() {
            Evaluation e = at(MID_YEAR, exact("schools", 10), v(10, MID_YEAR));
            assertThat(e.status()).isEqualTo(Status.ACHIEVED);
            assertThat(e.progress()).isEqualTo(1.0);
            assertThat(e.firedRules()).containsExactly("target met before the deadline");
        }

        @Test
        void givenJustShortOfAnExactTargetOnTheDeadlineDay_thenOnTrack() {
            Evaluation e = at(DEADLINE, exact("schools", 10), v(9.5, DEADLINE));
            assertThat(e.status()).isEqualTo(Status.ON_TRACK);
            assertThat(e.firedRules()).containsExactly("progress keeps pace with expected progress");
        }

        @Test
        void givenOvershootingAnExactTargetAfterTheDeadline_thenMissedNotExceeded() {
            Evaluation e = at(AFTER, exact("schools", 10), v(12, DEADLINE));
            assertThat(e.status()).isEqualTo(Status.MISSED);
            assertThat(e.firedRules()).doesNotContain("target exceeded by the deadline");
        }

        @Test
        void givenJustShortOfAnExactTargetAfterTheDeadline_thenBasicallyAchieved() {
            assertThat(at(AFTER, exact("schools", 10), v(9.5, DEADLINE)).status())
                    .isEqualTo(Status.BASICALLY_ACHIEVED);
        }

        @Test
        void givenAValueInsideTheRange_thenAchieved() {
            Evaluation e = at(AFTER, range("growth", 3, 5), v(4, DEADLINE));
            assertThat(e.status()).isEqualTo(Status.ACHIEVED);
            assertThat(e.explanation().zh()).contains("目标3至5个");
        }

        @Test
        void givenAValueAboveTheRangeAfterTheDeadline_thenMissed() {
            Evaluation e = at(AFTER, range("growth", 3, 5), v(6, DEADLINE));
            assertThat(e.status()).isEqualTo(Status.MISSED);
        }

        @Test
        void givenAValueBelowTheRange_thenProgressCountsTowardItsLowerBound() {
            Evaluation e = at(MID_YEAR, range("growth", 4, 5), v(3, MID_YEAR));
            assertThat(e.progress()).isEqualTo(0.75);
            assertThat(e.status()).isEqualTo(Status.ON_TRACK);
        }
    }

    @Nested
    class Milestone {
        private final Commitment planned = milestone("hq-tower", Stage.COMPLETED, PLAN);
        private final Commitment unplanned = milestone("hq-tower", Stage.COMPLETED, null);

        @Test
        void givenTheStagePlannedSoFar_thenOnTrack() {
            Evaluation e = at(MID_YEAR, planned, s(Stage.STARTED, JUN_30));
            assertThat(e.status()).isEqualTo(Status.ON_TRACK);
            assertThat(e.progress()).isEqualTo(0.5);
            assertThat(e.expectedProgress()).isEqualTo(0.5);
            assertThat(e.firedRules()).containsExactly("milestone keeps to its planned stage dates");
        }

        @Test
        void givenAPlannedStageDatePassedWithoutThatStage_thenBehind() {
            Evaluation e = at(MID_YEAR, planned, s(Stage.APPROVED, MAR_31));
            assertThat(e.status()).isEqualTo(Status.BEHIND);
            assertThat(e.firedRules()).contains("planned stage date passed without that stage")
                    .doesNotContain("milestone keeps to its planned stage dates");
            assertThat(e.explanation().zh()).contains("计划于2025-03-31前开工");
        }

        @Test
        void givenThePlannedStageDateIsToday_thenNotYetBehind() {
            Evaluation e = at(MAR_31, planned, s(Stage.APPROVED, MAR_31));
            assertThat(e.status()).isEqualTo(Status.ON_TRACK);
        }

        @Test
        void givenTheTargetStageReachedBeforeTheDeadline_thenAchieved() {
            Evaluation e = at(MID_YEAR, planned, s(Stage.COMPLETED, MID_YEAR));
            assertThat(e.status()).isEqualTo(Status.ACHIEVED);
            assertThat(e.firedRules()).contains("target met before the deadline");
        }

        @Test
        void givenTheDeadlineDayShortOfTheTargetStageWithNoPlan_thenStillOnTrack() {
            Evaluation e = at(DEADLINE, unplanned, s(Stage.TOPPED_OUT, DEADLINE));
            assertThat(e.status()).isEqualTo(Status.ON_TRACK);
            assertThat(e.firedRules()).containsExactly("milestone keeps to its planned stage dates");
        }

        @Test
        void givenTheDeadlinePassedShortOfTheTargetStage_thenMissed() {
            Evaluation e = at(AFTER, planned, s(Stage.TOPPED_OUT, SEP_30));
            assertThat(e.status()).isEqualTo(Status.MISSED);
            assertThat(e.firedRules()).contains("deadline passed without the target stage")
                    .doesNotContain("target nearly met by the deadline");
        }

        @Test
        void givenAStageBeyondTheTargetAfterTheDeadline_thenAchievedNotExceeded() {
            Evaluation e = at(AFTER, planned, s(Stage.IN_USE, DEADLINE));
            assertThat(e.status()).isEqualTo(Status.ACHIEVED);
            assertThat(e.progress()).isEqualTo(1.0);
            assertThat(e.firedRules()).contains("target met by the deadline")
                    .doesNotContain("deadline passed without the target stage");
        }

        @Test
        void givenNoPlannedStageDates_thenExpectedProgressIsLinearAndItIsOnTrack() {
            Evaluation e = at(MID_YEAR, unplanned, s(Stage.APPROVED, JUN_30));
            assertThat(e.status()).isEqualTo(Status.ON_TRACK);
            assertThat(e.expectedProgress()).isEqualTo(0.5);
            assertThat(e.firedRules()).containsExactly("milestone keeps to its planned stage dates");
        }

        @Test
        void givenTheStageWentBackwards_thenStageRegressedWarning() {
            Evaluation e = at(MID_YEAR, planned, s(Stage.TOPPED_OUT, MAR_31), s(Stage.STARTED, MID_YEAR));
            assertThat(e.firedRules()).contains("milestone stage went backwards");
            assertWarnings(e, "STAGE_REGRESSED");
        }

        @Test
        void givenTheStageMovedForward_thenNoRegressionWarning() {
            Evaluation e = at(MID_YEAR, planned, s(Stage.APPROVED, JAN_10), s(Stage.STARTED, JUN_30));
            assertThat(e.firedRules()).doesNotContain("milestone stage went backwards");
            assertWarnings(e);
        }
    }

    @Nested
    class Binary {
        @Test
        void givenDone_thenAchieved() {
            Evaluation e = at(MID_YEAR, binary("volunteers"), d(true, MID_YEAR));
            assertThat(e.status()).isEqualTo(Status.ACHIEVED);
            assertThat(e.firedRules()).contains("target met before the deadline");
        }

        @Test
        void givenNotDoneBeforeTheDeadline_thenOnTrack() {
            Evaluation e = at(MID_YEAR, binary("volunteers"), d(false, MID_YEAR));
            assertThat(e.status()).isEqualTo(Status.ON_TRACK);
            assertThat(e.firedRules()).contains("task not done yet before the deadline")
                    .doesNotContain("task not done by the deadline", "progress lags expected progress");
        }

        @Test
        void givenNotDoneOnTheDeadlineDay_thenStillOnTrack() {
            Evaluation e = at(DEADLINE, binary("volunteers"), d(false, DEADLINE));
            assertThat(e.status()).isEqualTo(Status.ON_TRACK);
            assertThat(e.firedRules()).containsExactly("task not done yet before the deadline");
        }

        @Test
        void givenNotDoneAfterTheDeadline_thenMissed() {
            Evaluation e = at(AFTER, binary("volunteers"), d(false, DEADLINE));
            assertThat(e.status()).isEqualTo(Status.MISSED);
            assertThat(e.firedRules()).contains("task not done by the deadline")
                    .doesNotContain("task not done yet before the deadline", "target missed by the deadline");
        }

        @Test
        void givenDoneAfterTheDeadline_thenAchieved() {
            Evaluation e = at(AFTER, binary("volunteers"), d(true, DEADLINE));
            assertThat(e.status()).isEqualTo(Status.ACHIEVED);
            assertThat(e.firedRules()).contains("target met by the deadline")
                    .doesNotContain("task not done by the deadline");
        }
    }

    @Nested
    class Ongoing {
        @Test
        void givenARecentReport_thenOngoingWithoutWarning() {
            Evaluation e = at(MID_YEAR, ongoing("patrols"), v(3, MID_YEAR.minusDays(30)));
            assertThat(e.status()).isEqualTo(Status.ONGOING);
            assertThat(e.progress()).isNull();
            assertThat(e.expectedProgress()).isNull();
            assertThat(e.firedRules()).containsExactly("ongoing commitment is kept up");
            assertWarnings(e);
        }

        @Test
        void givenTheLastReportOverNinetyDaysOld_thenStale() {
            Evaluation e = at(MID_YEAR, ongoing("patrols"), v(3, MID_YEAR.minusDays(91)));
            assertThat(e.status()).isEqualTo(Status.ONGOING);
            assertThat(e.firedRules()).contains("last result is stale");
            assertWarnings(e, "STALE");
        }

        @Test
        void givenNeverReportedForOverNinetyDaysSinceTheStart_thenOngoingAndStale() {
            Evaluation e = at(MID_YEAR, ongoing("patrols"));
            assertThat(e.status()).isEqualTo(Status.ONGOING);
            assertThat(e.firedRules()).contains("ongoing commitment never reported")
                    .doesNotContain("no result reported yet");
            assertWarnings(e, "STALE");
        }

        @Test
        void givenYearsAfterThePlanYear_thenStillOngoingWithoutDeadlineWarnings() {
            Evaluation e = at(LocalDate.of(2030, 6, 1), ongoing("patrols"), v(3, LocalDate.of(2030, 5, 1)));
            assertThat(e.status()).isEqualTo(Status.ONGOING);
            assertThat(e.firedRules()).containsExactly("ongoing commitment is kept up");
            assertWarnings(e);
        }

        @Test
        void givenNeverReportedButStartedRecently_thenNoStaleWarning() {
            Evaluation e = at(JAN_10, ongoing("patrols"));
            assertThat(e.firedRules()).doesNotContain("ongoing commitment never reported");
            assertWarnings(e);
        }

        @Test
        void givenANumericCommitment_thenTheOngoingRuleDoesNotFire() {
            assertThat(at(MID_YEAR, atLeast("places", 200)).firedRules())
                    .doesNotContain("ongoing commitment is kept up");
        }
    }

    @Nested
    class Warnings {
        private final Commitment places = atLeast("places", 200);

        @Test
        void givenACountingResultStillSubmitted_thenUnreviewed() {
            Evaluation e = at(MID_YEAR, places, v(150, MID_YEAR).withReview(Review.SUBMITTED));
            assertThat(e.firedRules()).contains("counting result not yet reviewed");
            assertWarnings(e, "UNREVIEWED");
            assertThat(e.warnings().get(0).zh()).contains("待审核");
        }

        @Test
        void givenAnApprovedCountingResult_thenNotUnreviewed() {
            Evaluation e = at(MID_YEAR, places, v(90, MAR_31).withReview(Review.SUBMITTED),
                    v(150, MID_YEAR).withReview(Review.APPROVED));
            assertThat(e.firedRules()).doesNotContain("counting result not yet reviewed");
            assertWarnings(e);
        }

        @Test
        void givenAReturnedLatestResult_thenTheOneBeforeItCounts() {
            Evaluation e = at(MID_YEAR, places, v(150, MAR_31).withReview(Review.APPROVED),
                    v(210, MID_YEAR).withReview(Review.RETURNED));
            assertThat(e.status()).isNotEqualTo(Status.ACHIEVED);
            assertThat(e.progress()).isEqualTo(0.75);
            assertThat(e.firedRules()).doesNotContain("counting result not yet reviewed");
        }

        @Test
        void givenACumulativeValueThatWentDown_thenDecreasing() {
            Evaluation e = at(MID_YEAR, places, v(120, MAR_31), v(100, MID_YEAR));
            assertThat(e.firedRules()).contains("cumulative value went down");
            assertWarnings(e, "DECREASING");
            assertThat(e.warnings().get(0).zh()).contains("120", "100");
        }

        @Test
        void givenARisingValue_thenNoDecreasingWarning() {
            Evaluation e = at(MID_YEAR, places, v(100, MAR_31), v(120, MID_YEAR));
            assertThat(e.firedRules()).doesNotContain("cumulative value went down");
            assertWarnings(e);
        }

        @Test
        void givenAnUnmetTargetWithTheLastReportOverNinetyDaysOld_thenStale() {
            Evaluation e = at(MID_YEAR, places, v(150, MAR_31.minusDays(1)));
            assertThat(e.firedRules()).contains("last result is stale");
            assertWarnings(e, "STALE");
        }

        @Test
        void givenAMetTargetWithAnOldReport_thenNotStale() {
            Evaluation e = at(MID_YEAR, places, v(210, MAR_31.minusDays(1)));
            assertThat(e.firedRules()).doesNotContain("last result is stale");
            assertWarnings(e);
        }

        @Test
        void givenAValueFiveTimesAboveTheTarget_thenImplausible() {
            Evaluation e = at(MID_YEAR, places, v(2000, MID_YEAR));
            assertThat(e.firedRules()).contains("value implausibly far above the target");
            assertWarnings(e, "IMPLAUSIBLE");
        }

        @Test
        void givenAValueFourTimesTheTarget_thenNotImplausible() {
            Evaluation e = at(MID_YEAR, places, v(800, MID_YEAR));
            assertThat(e.firedRules()).doesNotContain("value implausibly far above the target");
        }

        @Test
        void givenAResultDatedAfterTheDeadline_thenLateResult() {
            Evaluation e = at(AFTER, places, v(210, AFTER.minusDays(5)));
            assertThat(e.status()).isEqualTo(Status.ACHIEVED);
            assertThat(e.firedRules()).contains("result dated after the deadline");
            assertWarnings(e, "LATE_RESULT");
        }

        @Test
        void givenAResultDatedOnTheDeadline_thenNotLate() {
            Evaluation e = at(AFTER, places, v(210, DEADLINE));
            assertThat(e.firedRules()).doesNotContain("result dated after the deadline");
        }

        @Test
        void givenAResultDatedBeforeThePeriod_thenEarlyResult() {
            Evaluation e = at(JAN_10, places, v(20, LocalDate.of(2024, 12, 20)));
            assertThat(e.firedRules()).contains("result dated before the period");
            assertWarnings(e, "EARLY_RESULT");
        }

        @Test
        void givenAResultDatedInsideThePeriod_thenNotEarly() {
            Evaluation e = at(JAN_10, places, v(20, JAN_10));
            assertThat(e.firedRules()).doesNotContain("result dated before the period");
        }
    }

    @Test
    void givenAResultWithoutTheKindsMeasure_thenItDoesNotCount() {
        Commitment c = commitment("mixed", "maluan", Kind.MILESTONE, null, null, null, Stage.STARTED, null);
        assertThat(at(MID_YEAR, c).status()).isEqualTo(Status.NO_DATA);
    }
}
