package plancheck.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import plancheck.domain.Commitment;
import plancheck.domain.Firmness;
import plancheck.domain.Kind;
import plancheck.domain.Result;
import plancheck.domain.Source;
import plancheck.domain.Stage;

/** Builders for commitments and results of the plan year 2025 (1 January to 31 December). */
final class Fixtures {

    static final Path RULES = Path.of("rules");
    static final LocalDate DEADLINE = LocalDate.of(2025, 12, 31);
    static final LocalDate MID_YEAR = LocalDate.of(2025, 7, 2);
    static final LocalDate AFTER = LocalDate.of(2026, 1, 15);

    private Fixtures() {
    }

    static Clock clockAt(LocalDate day) {
        return Clock.fixed(day.atStartOfDay().toInstant(ZoneOffset.ofHours(8)), ZoneOffset.ofHours(8));
    }

    static Engine engineAt(LocalDate day, int partitions) {
        try {
            return Engine.start(RULES, partitions, clockAt(day));
        } catch (RuleBuildException e) {
            throw new AssertionError(e);
        }
    }

    static Commitment commitment(String id, String district, Kind kind, Double target, Double targetMax,
                                 Double baseline, Stage stage, Map<Stage, LocalDate> planned) {
        return new Commitment(id, district, district + "街道", 2025, "民生", "新增托位200个以上", kind, "childcare_places",
                "个", target, targetMax, baseline, null, stage, planned, null, null, Firmness.FIRM, "社会事务办", null,
                new Source("test", "二、2025年工作计划", "新增托位200个以上"), List.of(), 1);
    }

    static Commitment atLeast(String id, double target) {
        return commitment(id, "fenghuang", Kind.AT_LEAST, target, null, null, null, null);
    }

    static Commitment atLeastFrom(String id, double baseline, double target) {
        return commitment(id, "fenghuang", Kind.AT_LEAST, target, null, baseline, null, null);
    }

    static Commitment atMost(String id, double target) {
        return commitment(id, "guanhu", Kind.AT_MOST, target, null, null, null, null);
    }

    static Commitment atMostFrom(String id, double baseline, double target) {
        return commitment(id, "guanhu", Kind.AT_MOST, target, null, baseline, null, null);
    }

    static Commitment exact(String id, double target) {
        return commitment(id, "huaqiangbei", Kind.EXACT, target, null, null, null, null);
    }

    static Commitment range(String id, double low, double high) {
        return commitment(id, "huaqiangbei", Kind.RANGE, low, high, null, null, null);
    }

    static Commitment milestone(String id, Stage target, Map<Stage, LocalDate> planned) {
        return commitment(id, "maluan", Kind.MILESTONE, null, null, null, target, planned);
    }

    static Commitment binary(String id) {
        return commitment(id, "maluan", Kind.BINARY, null, null, null, null, null);
    }

    static Commitment ongoing(String id) {
        return commitment(id, "guanhu", Kind.ONGOING, null, null, null, null, null);
    }

    static Result value(String id, double value, LocalDate asOf) {
        return new Result(null, id, value, null, null, asOf, "tester", null, null, true);
    }

    static Result stage(String id, Stage stage, LocalDate asOf) {
        return new Result(null, id, null, stage, null, asOf, "tester", null, null, true);
    }

    static Result done(String id, boolean done, LocalDate asOf) {
        return new Result(null, id, null, null, done, asOf, "tester", null, null, true);
    }
}
