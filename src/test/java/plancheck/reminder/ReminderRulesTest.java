package plancheck.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import plancheck.domain.Cadence;
import plancheck.domain.Commitment;
import plancheck.domain.Evaluation;
import plancheck.domain.Kind;
import plancheck.domain.Policy;
import plancheck.domain.Result;
import plancheck.domain.Review;
import plancheck.domain.Source;
import plancheck.domain.Status;
import plancheck.domain.Warning;
import plancheck.engine.PolicySheets;
import plancheck.engine.PolicyTable;
import plancheck.service.Service.Judgement;

/**
 * The reminder rules alone (rules/plancheck/reminders), on hand-made facts: each rule fires where it should and
 * stays quiet where it should not. The baseline — on track, reported a week ago, deadline months away — fires none.
 */
class ReminderRulesTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    static ReminderRules rules;
    static final PolicyTable SHIPPED = PolicySheets.shipped();

    @BeforeAll
    static void build() throws Exception {
        rules = ReminderRules.build(Path.of("rules"));
    }

    /** A commitment at {@link #TODAY}; change what a test is about. */
    static final class Case {
        Status status = Status.ON_TRACK;
        Double lag = -5.0;
        LocalDate start = LocalDate.of(2025, 1, 1);
        LocalDate deadline = LocalDate.of(2025, 12, 31);
        /** the commitment's own cadence; null: the policy's default (MONTHLY) */
        String cadence = null;
        Policy policy = SHIPPED.defaults();
        int within = 14;
        List<Warning> warnings = new ArrayList<>();
        List<Result> results = new ArrayList<>(List.of(result(1, TODAY.minusDays(7), Review.APPROVED)));

        Chase chase() {
            Commitment c = new Commitment("c", "fenghuang", "凤凰街道", 2025, "民生", "新增托位200个以上", Kind.AT_LEAST,
                    null, "个", 200.0, null, null, null, null, null, start, deadline, null, "社会事务办", null,
                    new Source("t", null, null), null, 1, cadence == null ? null : Cadence.valueOf(cadence));
            Evaluation e = new Evaluation("c", status, 0.5, 0.5, lag, TODAY, List.of(), null, warnings, "r", 1);
            return rules.chase(List.of(new Judgement(c, e, results)), within, x -> policy).get(0);
        }

        List<String> fired() {
            return chase().reasons().stream().map(Chase.Reason::rule).toList();
        }
    }

    static Result result(long id, LocalDate asOf, Review review) {
        return new Result(id, "c", 100.0, null, null, asOf, "unit", null, null, true, null, null, review);
    }

    @Test
    void givenTheBaselineThenNoRuleFires() {
        assertThat(new Case().fired()).isEmpty();
        assertThat(new Case().chase().level()).isNull();
    }

    @Test
    void givenNoReportForMoreThanAMonthThenTheCadenceRuleFiresYellow() {
        Case c = new Case();
        c.results = List.of(result(1, TODAY.minusDays(40), Review.APPROVED));
        assertThat(c.fired()).containsExactly("no report within the cadence");
        assertThat(c.chase().level()).isEqualTo(Level.YELLOW);
        c.results = List.of(result(1, TODAY.minusDays(30), Review.APPROVED));
        assertThat(c.fired()).isEmpty();
    }

    @Test
    void givenACommitmentNamingNoCadenceThenThePolicyDefaultMonthlyApplies() {
        Case c = new Case();
        c.results = List.of(result(1, TODAY.minusDays(40), Review.APPROVED));
        assertThat(c.fired()).containsExactly("no report within the cadence");
        assertThat(c.chase().getCadence()).isEqualTo("MONTHLY");
        c.cadence = "MONTHLY";
        assertThat(c.fired()).containsExactly("no report within the cadence");
        c.results = List.of(result(1, TODAY.minusDays(20), Review.APPROVED));
        assertThat(c.fired()).isEmpty();
    }

    @Test
    void givenCommitmentsOfDifferentCadencesInOneRunThenEachIsChasedByItsOwn() {
        List<Judgement> judged = new ArrayList<>();
        for (Cadence cadence : Cadence.values()) {
            Commitment c = new Commitment(cadence.name(), "fenghuang", "凤凰街道", 2025, "民生", "新增托位200个以上",
                    Kind.AT_LEAST, null, "个", 200.0, null, null, null, null, null, LocalDate.of(2025, 1, 1),
                    LocalDate.of(2025, 12, 31), null, "社会事务办", null, new Source("t", null, null), null, 1, cadence);
            Evaluation e = new Evaluation(c.id(), Status.ON_TRACK, 0.5, 0.5, -5.0, TODAY, List.of(), null, List.of(),
                    "r", 1);
            judged.add(new Judgement(c, e, List.of(new Result(1L, c.id(), 100.0, null, null, TODAY.minusDays(40),
                    "unit", null, null, true, null, null, Review.APPROVED))));
        }
        List<List<String>> fired = rules.chase(judged, 14, x -> SHIPPED.defaults()).stream()
                .map(x -> x.reasons().stream().map(Chase.Reason::rule).toList()).toList();
        assertThat(fired).containsExactly(List.of("no report within the cadence"), List.of(), List.of());
    }

    @Test
    void givenAQuarterlyCadenceThenFortyDaysWithoutAReportAreFine() {
        Case c = new Case();
        c.cadence = "QUARTERLY";
        c.results = List.of(result(1, TODAY.minusDays(40), Review.APPROVED));
        assertThat(c.fired()).isEmpty();
        c.results = List.of(result(1, TODAY.minusDays(100), Review.APPROVED));
        assertThat(c.fired()).containsExactly("no report within the cadence");
    }

    @Test
    void givenNoReportForTwoCadencesOrNeverThenTheRedCadenceRuleFires() {
        Case c = new Case();
        c.results = List.of(result(1, TODAY.minusDays(70), Review.APPROVED));
        assertThat(c.fired()).containsExactly("no report for two cadences");
        c.results = List.of();
        assertThat(c.fired()).containsExactly("no report for two cadences");
        assertThat(c.chase().level()).isEqualTo(Level.RED);
    }

    @Test
    void givenAReturnedResultAloneThenItDoesNotCountAsAReport() {
        Case c = new Case();
        c.results = List.of(result(1, TODAY.minusDays(70), Review.APPROVED), result(2, TODAY.minusDays(3),
                Review.RETURNED));
        assertThat(c.fired()).containsExactlyInAnyOrder("no report for two cadences",
                "returned result not reported again");
    }

    @Test
    void givenADoneCommitmentThenAMissingReportIsNotChased() {
        Case c = new Case();
        c.status = Status.ACHIEVED;
        c.results = List.of(result(1, TODAY.minusDays(100), Review.APPROVED));
        assertThat(c.fired()).isEmpty();
    }

    @Test
    void givenAPeriodNotStartedThenNothingIsDue() {
        Case c = new Case();
        c.start = TODAY.plusDays(10);
        c.results = List.of();
        assertThat(c.fired()).isEmpty();
    }

    @Test
    void givenCadenceAtTheDeadlineThenOnlyADeadlinePassedWithoutAReportIsRed() {
        Case c = new Case();
        c.cadence = "AT_DEADLINE";
        c.results = List.of();
        assertThat(c.fired()).isEmpty();
        c.deadline = TODAY.minusDays(1);
        c.status = Status.NO_DATA;
        assertThat(c.fired()).containsExactly("nothing reported by the deadline");
        c.results = List.of(result(1, TODAY.minusDays(5), Review.APPROVED));
        assertThat(c.fired()).isEmpty();
    }

    @Test
    void givenADeadlineWithinTheWindowThenTheNearRuleFiresAndTheImminentOneInTheLastDays() {
        Case c = new Case();
        c.deadline = TODAY.plusDays(10);
        assertThat(c.fired()).containsExactly("deadline near and not met");
        assertThat(c.chase().level()).isEqualTo(Level.YELLOW);
        c.deadline = TODAY.plusDays(2);
        assertThat(c.fired()).containsExactly("deadline imminent and not met");
        assertThat(c.chase().level()).isEqualTo(Level.RED);
        c.deadline = TODAY.plusDays(20);
        assertThat(c.fired()).isEmpty();
        c.within = 30;
        assertThat(c.fired()).containsExactly("deadline near and not met");
    }

    /** The policy row for 凤凰街道 (the case's district) in a sheet with {@code override}. */
    private static Policy overridden(List<Object> override) {
        return PolicySheets.read(PolicySheets.with(override)).resolve("fenghuang", "民生", PolicyTable.Lineage.NONE);
    }

    @Test
    void givenAnOverrideOfTheLagThresholdsForTheDistrict_whenBehind_thenItsThresholdsDecideTheLevel() {
        Case c = new Case();
        c.status = Status.BEHIND;
        c.lag = 7.0;
        assertThat(c.fired()).containsExactly("slightly behind 序时进度");
        c.policy = overridden(PolicySheets.row("fenghuang", null, "yellowLagFrom", 5, "redLagFrom", 15));
        assertThat(c.fired()).containsExactly("behind 序时进度");
        c.lag = 20.0;
        assertThat(c.fired()).containsExactly("far behind 序时进度");
        c.lag = 4.0;
        assertThat(c.fired()).containsExactly("slightly behind 序时进度");
        // a row for another district does not apply
        c.policy = overridden(PolicySheets.row("guanhu", null, "yellowLagFrom", 2));
        assertThat(c.fired()).containsExactly("slightly behind 序时进度");
    }

    @Test
    void givenAnOverrideOfRedDeadlineDaysForTheCategory_whenTheDeadlineIsAWeekAway_thenItIsImminent() {
        Case c = new Case();
        c.deadline = TODAY.plusDays(6);
        assertThat(c.fired()).containsExactly("deadline near and not met");
        c.policy = overridden(PolicySheets.row(null, "民生", "redDeadlineDays", 7));
        assertThat(c.fired()).containsExactly("deadline imminent and not met");
        c.policy = overridden(PolicySheets.row(null, "教育", "redDeadlineDays", 7));
        assertThat(c.fired()).containsExactly("deadline near and not met");
    }

    @Test
    void givenAnOverrideOfUnreviewedAfterDays_thenAWeekOldUnreviewedResultIsChased() {
        Case c = new Case();
        c.results = List.of(result(1, TODAY.minusDays(7), Review.SUBMITTED));
        assertThat(c.fired()).isEmpty();
        c.policy = overridden(PolicySheets.row("fenghuang", "民生", "unreviewedAfterDays", 5));
        assertThat(c.fired()).containsExactly("results waiting for review too long");
    }

    @Test
    void givenADeadlineNearButTheTargetMetThenNothingIsChased() {
        Case c = new Case();
        c.deadline = TODAY.plusDays(2);
        c.status = Status.ACHIEVED;
        assertThat(c.fired()).isEmpty();
    }

    @Test
    void givenBehindThenTheLevelFollowsTheLagThresholdsOfThePolicy() {
        Case c = new Case();
        c.status = Status.BEHIND;
        c.lag = 20.0;
        assertThat(c.fired()).containsExactly("behind 序时进度");
        assertThat(c.chase().level()).isEqualTo(Level.YELLOW);
        c.lag = 30.0;
        assertThat(c.fired()).containsExactly("far behind 序时进度");
        assertThat(c.chase().level()).isEqualTo(Level.RED);
        c.lag = 5.0;
        assertThat(c.fired()).containsExactly("slightly behind 序时进度");
        assertThat(c.chase().level()).isEqualTo(Level.BLUE);
        c.status = Status.ON_TRACK;
        c.lag = 40.0;
        assertThat(c.fired()).isEmpty();
    }

    @Test
    void givenMissedThenTheMissedRuleFiresRed() {
        Case c = new Case();
        c.status = Status.MISSED;
        c.deadline = TODAY.minusDays(1);
        assertThat(c.fired()).containsExactly("target missed");
        assertThat(c.chase().level()).isEqualTo(Level.RED);
    }

    @Test
    void givenAStaleWarningOnAnOpenCommitmentThenTheStaleRuleFiresBlue() {
        Case c = new Case();
        c.warnings = List.of(new Warning("STALE", "陈旧", "stale"));
        assertThat(c.fired()).containsExactly("data stale");
        assertThat(c.chase().level()).isEqualTo(Level.BLUE);
        c.status = Status.EXCEEDED;
        assertThat(c.fired()).isEmpty();
        c.status = Status.ON_TRACK;
        c.warnings = List.of(new Warning("DECREASING", "下降", "down"));
        assertThat(c.fired()).isEmpty();
    }

    @Test
    void givenAReturnedResultThenItIsChasedUntilAResultIsStoredAfterIt() {
        Case c = new Case();
        c.results = List.of(result(1, TODAY.minusDays(7), Review.RETURNED), result(2, TODAY.minusDays(5),
                Review.APPROVED));
        assertThat(c.fired()).isEmpty();
        c.results = List.of(result(1, TODAY.minusDays(9), Review.APPROVED), result(2, TODAY.minusDays(7),
                Review.RETURNED));
        assertThat(c.fired()).containsExactly("returned result not reported again");
        assertThat(c.chase().returnedDay()).isEqualTo(TODAY.minusDays(7).toEpochDay());
    }

    @Test
    void givenAResultWaitingForReviewMoreThanTwoWeeksThenTheReviewRuleFiresBlue() {
        Case c = new Case();
        c.results = List.of(result(1, TODAY.minusDays(20), Review.SUBMITTED), result(2, TODAY.minusDays(3),
                Review.APPROVED));
        assertThat(c.fired()).containsExactly("results waiting for review too long");
        c.results = List.of(result(1, TODAY.minusDays(10), Review.SUBMITTED));
        assertThat(c.fired()).isEmpty();
    }

    @Test
    void givenSeveralReasonsThenTheLevelIsTheHighest() {
        Case c = new Case();
        c.status = Status.BEHIND;
        c.lag = 15.0;
        c.deadline = TODAY.plusDays(1);
        c.warnings = List.of(new Warning("STALE", "陈旧", "stale"));
        assertThat(c.fired()).containsExactlyInAnyOrder("behind 序时进度", "deadline imminent and not met",
                "data stale");
        assertThat(c.chase().level()).isEqualTo(Level.RED);
    }
}
