package plancheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static plancheck.engine.Fixtures.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import plancheck.domain.Commitment;
import plancheck.domain.Evaluation;
import plancheck.domain.Kind;
import plancheck.domain.Result;
import plancheck.domain.Stage;
import plancheck.domain.Status;

class EngineTest {

    private final Engine engine = engineAt(MID_YEAR, 2);

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void givenAClock_thenTodayIsItsDate() {
        assertThat(engine.today()).isEqualTo(MID_YEAR);
    }

    @Test
    void whenUpserting_thenTheCommitmentAndItsEvaluationAreReadable() {
        Evaluation e = engine.upsert(atLeast("a", 200)).join();
        assertThat(e.status()).isEqualTo(Status.NO_DATA);
        assertThat(e.rulesetRevision()).isEqualTo(engine.ruleset().revision());
        assertThat(e.asOf()).isEqualTo(MID_YEAR);
        assertThat(engine.commitment("a")).get().extracting(Commitment::title).isEqualTo("新增托位200个以上");
        assertThat(engine.evaluation("a")).contains(e);
        assertThat(engine.commitments()).extracting(Commitment::id).containsExactly("a");
    }

    @Test
    void whenReporting_thenTheIndexHoldsTheFreshEvaluation() {
        engine.upsert(atLeast("a", 200)).join();
        Evaluation e = engine.report(value("a", 210, MID_YEAR)).join();
        assertThat(e.status()).isEqualTo(Status.ACHIEVED);
        assertThat(engine.evaluation("a")).contains(e);
        assertThat(engine.results("a")).extracting(Result::value).containsExactly(210.0);
    }

    @Test
    void givenAnEarlierResultReportedLate_thenTheLatestByDateCounts() {
        engine.upsert(atLeast("a", 200)).join();
        engine.report(value("a", 120, MID_YEAR)).join();
        Evaluation e = engine.report(value("a", 50, LocalDate.of(2025, 5, 1))).join();
        assertThat(e.progress()).isEqualTo(0.6);
        assertThat(e.warnings()).isEmpty();
    }

    @Test
    void givenAResultWithTheIdOfOneHeld_thenItReplacesIt() {
        engine.upsert(atLeast("a", 200)).join();
        engine.report(value("a", 60, MID_YEAR).withId(7L)).join();
        Evaluation e = engine.report(value("a", 150, MID_YEAR).withId(7L)).join();
        assertThat(e.progress()).isEqualTo(0.75);
        assertThat(engine.results("a")).hasSize(1);
    }

    @Test
    void whenChangingTheTarget_thenTheEvaluationFollows() {
        engine.upsert(atLeast("a", 200)).join();
        engine.report(value("a", 150, MID_YEAR)).join();
        Evaluation e = engine.upsert(atLeast("a", 140).withRevision(2)).join();
        assertThat(e.status()).isEqualTo(Status.ACHIEVED);
        assertThat(engine.commitment("a").orElseThrow().revision()).isEqualTo(2);
    }

    @Test
    void whenTheKindChanges_thenOnlyResultsCarryingTheNewKindsMeasureCount() {
        engine.upsert(atLeast("a", 200)).join();
        engine.report(value("a", 150, MID_YEAR)).join();
        Commitment task = binary("a").withRevision(2);
        assertThat(engine.upsert(task).join().status()).isEqualTo(Status.NO_DATA);
        assertThat(engine.report(done("a", true, MID_YEAR)).join().status()).isEqualTo(Status.ACHIEVED);
        assertThat(engine.results("a")).hasSize(2);
    }

    @Test
    void whenTheDistrictChanges_thenTheCommitmentMovesWithItsResults() {
        Commitment c = atLeast("a", 200);
        engine.upsert(c).join();
        engine.report(value("a", 150, MID_YEAR)).join();
        double reported = 150;
        for (String district : List.of("guanhu", "huaqiangbei", "maluan", "fenghuang")) {
            Commitment moved = new Commitment("a", district, district, 2025, c.category(), c.title(), c.kind(),
                    c.metric(), c.unit(), c.target(), null, null, null, null, null, null, null, null, null, null,
                    null, null, 2);
            assertThat(engine.upsert(moved).join().progress()).isEqualTo(reported / 200);
            reported += 10;
            assertThat(engine.report(value("a", reported, MID_YEAR)).join().progress()).isEqualTo(reported / 200);
        }
        assertThat(engine.commitments()).hasSize(1);
    }

    @Test
    void whenRetiring_thenTheCommitmentAndItsEvaluationAreGone() {
        engine.upsert(atLeast("a", 200)).join();
        engine.retire("a").join();
        assertThat(engine.commitment("a")).isEmpty();
        assertThat(engine.evaluation("a")).isEmpty();
        assertThat(engine.commitments()).isEmpty();
        assertThatThrownBy(() -> engine.report(value("a", 1, MID_YEAR)).join())
                .hasCauseInstanceOf(UnknownCommitmentException.class);
        engine.retire("never-held").join();
    }

    @Test
    void givenAResultForAnUnknownCommitment_thenUnknownCommitment() {
        assertThatThrownBy(() -> engine.report(value("nobody", 1, MID_YEAR)).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(UnknownCommitmentException.class).hasMessageContaining("nobody");
    }

    @Test
    void givenAResultWithoutTheKindsMeasure_thenRejectedAndNothingChanges() {
        engine.upsert(milestone("m", Stage.COMPLETED, null)).join();
        assertThatThrownBy(() -> engine.report(value("m", 3, MID_YEAR)).join())
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessage("stage: is missing for kind MILESTONE");
        assertThat(engine.results("m")).isEmpty();
        assertThat(engine.evaluation("m").orElseThrow().status()).isEqualTo(Status.NO_DATA);
    }

    @Test
    void givenAMalformedCommitment_thenRejectedAndNothingHeld() {
        Commitment noTarget = commitment("bad", "guanhu", Kind.AT_LEAST, null, null, null, null, null);
        assertThatThrownBy(() -> engine.upsert(noTarget).join())
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("target:");
        Commitment upsideDown = commitment("bad", "guanhu", Kind.RANGE, 5.0, 3.0, null, null, null);
        assertThatThrownBy(() -> engine.upsert(upsideDown).join())
                .cause().hasMessageStartingWith("targetMax:");
        assertThat(engine.commitment("bad")).isEmpty();
    }

    @Test
    void givenALoadWithAResultForAnUnknownCommitment_thenRejectedAndNothingHeld() {
        assertThatThrownBy(() -> engine.load(List.of(atLeast("a", 1)), List.of(value("b", 1, MID_YEAR))).join())
                .cause().isInstanceOf(UnknownCommitmentException.class);
        assertThat(engine.commitments()).isEmpty();
    }

    @Test
    void whenLoading_thenEveryCommitmentIsEvaluated() {
        engine.load(List.of(atLeast("a", 200), atMost("b", 0), milestone("c", Stage.STARTED, null), ongoing("d")),
                List.of(value("a", 120, MID_YEAR), value("b", 0, MID_YEAR), stage("c", Stage.STARTED, MID_YEAR)))
                .join();
        assertThat(engine.evaluation("a").orElseThrow().status()).isEqualTo(Status.ON_TRACK);
        assertThat(engine.evaluation("b").orElseThrow().status()).isEqualTo(Status.ACHIEVED);
        assertThat(engine.evaluation("c").orElseThrow().status()).isEqualTo(Status.ACHIEVED);
        assertThat(engine.evaluation("d").orElseThrow().status()).isEqualTo(Status.ONGOING);
    }

    @Test
    void whenTodayMovesPastTheDeadline_thenEveryCommitmentIsJudged() {
        engine.upsert(atLeast("a", 200)).join();
        engine.report(value("a", 120, MID_YEAR)).join();
        engine.upsert(binary("b")).join();
        engine.setToday(AFTER).join();
        assertThat(engine.today()).isEqualTo(AFTER);
        assertThat(engine.evaluation("a").orElseThrow().status()).isEqualTo(Status.MISSED);
        Evaluation b = engine.evaluation("b").orElseThrow();
        assertThat(b.status()).isEqualTo(Status.NO_DATA);
        assertThat(b.warnings()).extracting(w -> w.code()).containsExactly("OVERDUE");
        assertThat(b.asOf()).isEqualTo(AFTER);
    }

    @Test
    void whenTheClocksDateChanges_thenTodayFollowsAtTheNextCheck() {
        MovableClock clock = new MovableClock(Instant.parse("2025-12-31T15:59:00Z"));
        try (Engine e = Engine.start(RULES, 1, clock)) {
            e.upsert(binary("b")).join();
            assertThat(e.today()).isEqualTo(DEADLINE);
            clock.now = Instant.parse("2025-12-31T16:01:00Z"); // past midnight in UTC+8
            e.followClock().join();
            assertThat(e.today()).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(e.evaluation("b").orElseThrow().asOf()).isEqualTo(LocalDate.of(2026, 1, 1));
            e.setToday(MID_YEAR).join();
            e.followClock().join();
            assertThat(e.today()).as("an explicit date stays until the clock's date changes").isEqualTo(MID_YEAR);
        } catch (RuleBuildException ex) {
            throw new AssertionError(ex);
        }
    }

    private static final class MovableClock extends Clock {
        volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.ofHours(8);
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
