package plancheck.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import plancheck.Facts;
import plancheck.domain.Commitment;
import plancheck.domain.Evidence;
import plancheck.domain.Kind;
import plancheck.domain.Result;
import plancheck.domain.Stage;

class ValidationTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    private static Commitment of(Kind kind, Double target, Double targetMax, Stage stage, LocalDate start,
            LocalDate deadline) {
        return new Commitment("c1", "fenghuang", "凤凰街道", 2025, "民生", "t", kind, null, null, target, targetMax,
                null, null, stage, null, start, deadline, null, null, null, null, null, 1);
    }

    private static Result result(Double value, Stage stage, Boolean done, LocalDate asOf) {
        return new Result(null, "c1", value, stage, done, asOf, null, new Evidence("003", "q"), null, false);
    }

    @Test
    void givenAWellFormedCommitmentThenThereIsNoError() {
        assertThat(Validation.commitment(Facts.childcare("c1"), "")).isEmpty();
        assertThat(Validation.commitment(Facts.milestone("m1"), "")).isEmpty();
    }

    @Test
    void givenANumericKindWithoutTargetThenTargetIsReported() {
        assertThat(Validation.commitment(of(Kind.AT_MOST, null, null, null, null, null), ""))
                .extracting(FieldError::field).containsExactly("target");
    }

    @Test
    void givenARangeWhoseMaxIsBelowItsTargetThenTargetMaxIsReported() {
        assertThat(Validation.commitment(of(Kind.RANGE, 10.0, 5.0, null, null, null), "[2]."))
                .extracting(FieldError::field).containsExactly("[2].targetMax");
        assertThat(Validation.commitment(of(Kind.RANGE, 10.0, 10.0, null, null, null), "")).isEmpty();
    }

    @Test
    void givenAMilestoneWithoutStageThenStageIsReported() {
        assertThat(Validation.commitment(of(Kind.MILESTONE, null, null, null, null, null), ""))
                .extracting(FieldError::field).containsExactly("stage");
    }

    @Test
    void givenADeadlineBeforeTheStartThenDeadlineIsReported() {
        assertThat(Validation.commitment(of(Kind.AT_LEAST, 1.0, null, null, LocalDate.of(2025, 6, 1),
                LocalDate.of(2025, 5, 31)), "")).extracting(FieldError::field).containsExactly("deadline");
        assertThat(Validation.commitment(of(Kind.AT_LEAST, 1.0, null, null, null, LocalDate.of(2024, 12, 31)), ""))
                .extracting(FieldError::field).containsExactly("deadline");
        assertThat(Validation.commitment(of(Kind.AT_LEAST, 1.0, null, null, LocalDate.of(2025, 6, 1),
                LocalDate.of(2025, 6, 1)), "")).isEmpty();
    }

    @Test
    void givenAResultDatedAfterTodayThenAsOfIsReported() {
        assertThat(Validation.result(result(5.0, null, null, TODAY.plusDays(1)), Facts.childcare("c1"), TODAY, ""))
                .extracting(FieldError::field).containsExactly("asOf");
        assertThat(Validation.result(result(5.0, null, null, TODAY), Facts.childcare("c1"), TODAY, "")).isEmpty();
    }

    @Test
    void givenResultFieldsOfAnotherKindThenEachIsReported() {
        assertThat(Validation.result(result(null, Stage.STARTED, true, TODAY), Facts.childcare("c1"), TODAY, ""))
                .extracting(FieldError::field).containsExactly("value", "stage", "done");
        assertThat(Validation.result(result(3.0, null, null, TODAY), Facts.milestone("m1"), TODAY, ""))
                .extracting(FieldError::field).containsExactly("value", "stage");
        assertThat(Validation.result(result(null, Stage.STARTED, null, TODAY), Facts.milestone("m1"), TODAY, ""))
                .isEmpty();
    }
}
