package plancheck;

import java.time.LocalDate;
import java.util.List;

import plancheck.domain.Commitment;
import plancheck.domain.Kind;
import plancheck.domain.Result;
import plancheck.domain.Source;
import plancheck.domain.Stage;

/** Commitments and results for tests, shaped like the 凤凰街道 2025 plan. */
public final class Facts {

    private Facts() {
    }

    public static Commitment childcare(String id) {
        return new Commitment(id, "fenghuang", "凤凰街道", 2025, "民生", "新增托位200个以上", Kind.AT_LEAST,
                "childcare_places", "个", 200.0, null, null, null, null, null, null, null, null, null, null,
                new Source("003", "二、2025年工作计划", "新增托位200个以上"), null, 0);
    }

    /** As {@link #childcare}, with the fields an import had to assume, as an accepted import candidate has them. */
    public static Commitment imported(String id) {
        return new Commitment(id, "fenghuang", "凤凰街道", 2025, "民生", "新增托位200个以上", Kind.AT_LEAST,
                "childcare_places", "个", 200.0, null, null, null, null, null, null, null, null, null, null,
                new Source("003", "二、2025年工作计划", "新增托位200个以上"), List.of("start", "year"), 0);
    }

    public static Commitment milestone(String id) {
        return new Commitment(id, "guanhu", "观湖街道", 2023, "城市建设", "推动科达利总部大厦开工建设", Kind.MILESTONE,
                null, null, null, null, null, null, Stage.STARTED, null, null, null, null, null, null, null, null, 0);
    }

    public static Result value(String commitmentId, double value, LocalDate asOf) {
        return new Result(null, commitmentId, value, null, null, asOf, "tester", null, null, true);
    }
}
