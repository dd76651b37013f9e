package plancheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static plancheck.engine.Fixtures.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import plancheck.domain.Commitment;
import plancheck.domain.Evaluation;
import plancheck.domain.Firmness;
import plancheck.domain.Kind;
import plancheck.domain.Policy;
import plancheck.domain.Result;

/**
 * The status and warning rules under policy overrides from the sheet: the same commitment decided one way by the
 * defaults and another under an override for its district subtree or category, asserting the rules that fired.
 * The tree: 深圳市 (shenzhen) ⊃ 龙华区 (longhua) ⊃ 观湖街道 (guanhu); 光明区 (guangming) ⊃ 凤凰街道 (fenghuang).
 */
class PolicyRulesTest {

    private static final String PACE = "progress keeps pace with expected progress";
    private static final String LAGS = "progress lags expected progress";
    private static final AtomicInteger IDS = new AtomicInteger();

    private static final Map<String, String> PARENT = Map.of("longhua", "shenzhen", "guanhu", "longhua",
            "guangming", "shenzhen", "fenghuang", "guangming");
    private static final Map<String, String> NAME = Map.of("shenzhen", "深圳市", "longhua", "龙华区", "guanhu",
            "观湖街道", "guangming", "光明区", "fenghuang", "凤凰街道");
    static final PolicyTable.Lineage TREE = new PolicyTable.Lineage() {
        @Override
        public String parent(String district) {
            return PARENT.get(district);
        }

        @Override
        public String name(String district) {
            return NAME.getOrDefault(district, district);
        }
    };

    /** An engine on the shipped rules with the sheet's defaults and {@code overrides}, at {@code day}. */
    private static Engine engine(LocalDate day, List<?>... overrides) throws RuleBuildException {
        SortedMap<String, String> files = new TreeMap<>(RuleSources.read(RULES));
        files.put(PolicySheet.PATH, PolicySheets.base64(PolicySheets.with(overrides)));
        Engine e = Engine.start(RuleBase.compile(files).orThrow(), 1, clockAt(day));
        e.useDistricts(TREE);
        return e;
    }

    private static Commitment in(String district, String category, Kind kind, double target) {
        Commitment c = commitment("c", district, kind, target, null, null, null, null);
        return new Commitment(c.id(), district, c.districtName(), c.year(), category, c.title(), c.kind(), c.metric(),
                c.unit(), c.target(), c.targetMax(), c.baseline(), c.prior(), c.stage(), c.plannedStages(), c.start(),
                c.deadline(), c.firmness(), c.owner(), c.lead(), c.source(), c.assumed(), c.revision());
    }

    private static Commitment strive(Commitment c) {
        return new Commitment(c.id(), c.district(), c.districtName(), c.year(), c.category(), c.title(), c.kind(),
                c.metric(), c.unit(), c.target(), c.targetMax(), c.baseline(), c.prior(), c.stage(), c.plannedStages(),
                c.start(), c.deadline(), Firmness.STRIVE, c.owner(), c.lead(), c.source(), c.assumed(), c.revision());
    }

    /** The evaluation of {@code c} (under a fresh id) with one reported value. */
    private static Evaluation judged(Engine e, Commitment c, double value, LocalDate asOf) {
        String id = "c-" + IDS.incrementAndGet();
        e.upsert(c.withId(id)).join();
        return e.report(new Result(null, id, value, null, null, asOf, "tester", null, null, true)).join();
    }

    @Test
    void givenAWiderToleranceForADistrictSubtree_whenAStreetUnderItLags_thenItIsOnTrackAndElsewhereBehind()
            throws Exception {
        // 30 of 100 at mid-year against 序时进度 50%: 20 points behind
        try (Engine e = engine(MID_YEAR, PolicySheets.row("longhua", null, "onTrackTolerance", 0.25))) {
            Evaluation under = judged(e, in("guanhu", "民生", Kind.AT_LEAST, 100), 30, MID_YEAR);
            assertThat(under.firedRules()).contains(PACE).doesNotContain(LAGS);
            assertThat(under.explanation().en()).endsWith("Policy: 龙华区 (onTrackTolerance 0.25).");
            assertThat(under.explanation().zh()).endsWith("适用政策：龙华区（onTrackTolerance 0.25）。");

            Evaluation elsewhere = judged(e, in("fenghuang", "民生", Kind.AT_LEAST, 100), 30, MID_YEAR);
            assertThat(elsewhere.firedRules()).contains(LAGS).doesNotContain(PACE);
            assertThat(elsewhere.explanation().en()).endsWith("Policy: 默认 (onTrackTolerance 0.1).");
        }
    }

    @Test
    void givenRowsAtSeveralLevels_thenTheDeeperDistrictAndThenDistrictWithCategoryWin() throws Exception {
        try (Engine e = engine(MID_YEAR,
                PolicySheets.row("shenzhen", null, "onTrackTolerance", 0.25),
                PolicySheets.row("longhua", null, "onTrackTolerance", 0.10),
                PolicySheets.row("longhua", "教育", "onTrackTolerance", 0.30),
                PolicySheets.row(null, "民生", "onTrackTolerance", 0.30))) {
            // 龙华区 (deeper) beats 深圳市, and a district row beats the category-only row for 民生
            assertThat(judged(e, in("guanhu", "民生", Kind.AT_LEAST, 100), 30, MID_YEAR).firedRules())
                    .contains(LAGS).doesNotContain(PACE);
            // 龙华区 · 教育 beats 龙华区 alone
            Evaluation both = judged(e, in("guanhu", "教育", Kind.AT_LEAST, 100), 30, MID_YEAR);
            assertThat(both.firedRules()).contains(PACE).doesNotContain(LAGS);
            assertThat(both.explanation().en()).endsWith("Policy: 龙华区 · 教育 (onTrackTolerance 0.3).");
            // under 深圳市 but not 龙华区: the city's row
            assertThat(judged(e, in("fenghuang", "教育", Kind.AT_LEAST, 100), 30, MID_YEAR).firedRules())
                    .contains(PACE).doesNotContain(LAGS);
            // a district outside the tree: the category-only row
            Evaluation category = judged(e, in("demo", "民生", Kind.AT_LEAST, 100), 30, MID_YEAR);
            assertThat(category.firedRules()).contains(PACE);
            assertThat(category.explanation().en()).endsWith("Policy: 民生 (onTrackTolerance 0.3).");
            // and without any row: the defaults
            assertThat(judged(e, in("demo", "教育", Kind.AT_LEAST, 100), 30, MID_YEAR).firedRules()).contains(LAGS);
        }
    }

    @Test
    void givenOverridesOfTheAfterDeadlineFractions_thenNearlyMetAndExceededMoveWithThem() throws Exception {
        List<Object> lenient = PolicySheets.row("fenghuang", null, "basicallyAchievedFrom", 0.80,
                "striveBasicallyAchievedFrom", 0.70, "exceededFrom", 1.05);
        try (Engine plain = engine(AFTER); Engine e = engine(AFTER, lenient)) {
            Commitment c = in("fenghuang", "民生", Kind.AT_LEAST, 100);
            assertThat(judged(plain, c, 85, DEADLINE).firedRules()).contains("target missed by the deadline")
                    .doesNotContain("target nearly met by the deadline");
            Evaluation nearly = judged(e, c, 85, DEADLINE);
            assertThat(nearly.firedRules()).contains("target nearly met by the deadline")
                    .doesNotContain("target missed by the deadline");
            assertThat(nearly.explanation().en()).endsWith("Policy: 凤凰街道 (basicallyAchievedFrom 0.8).");

            assertThat(judged(plain, strive(c), 75, DEADLINE).firedRules()).contains("target missed by the deadline");
            assertThat(judged(e, strive(c), 75, DEADLINE).firedRules())
                    .contains("strive target nearly met by the deadline");

            assertThat(judged(plain, c, 106, DEADLINE).firedRules()).contains("target met by the deadline")
                    .doesNotContain("target exceeded by the deadline");
            assertThat(judged(e, c, 106, DEADLINE).firedRules()).contains("target exceeded by the deadline")
                    .doesNotContain("target met by the deadline");
        }
    }

    @Test
    void givenOverridesOfStaleDaysAndTheImplausibleFactor_thenTheWarningsFollowThem() throws Exception {
        List<Object> strict = PolicySheets.row(null, "民生", "staleAfterDays", 30, "implausibleAbove", 3);
        LocalDate twoMonthsAgo = MID_YEAR.minusDays(60);
        try (Engine plain = engine(MID_YEAR); Engine e = engine(MID_YEAR, strict)) {
            Commitment c = in("fenghuang", "民生", Kind.AT_LEAST, 100);
            assertThat(judged(plain, c, 30, twoMonthsAgo).firedRules()).doesNotContain("last result is stale");
            assertThat(judged(e, c, 30, twoMonthsAgo).firedRules()).contains("last result is stale");
            assertThat(judged(plain, c, 400, MID_YEAR).firedRules())
                    .doesNotContain("value implausibly far above the target");
            assertThat(judged(e, c, 400, MID_YEAR).firedRules()).contains("value implausibly far above the target");
            // another category keeps the defaults
            assertThat(judged(e, in("fenghuang", "教育", Kind.AT_LEAST, 100), 400, MID_YEAR).firedRules())
                    .doesNotContain("value implausibly far above the target");
        }
    }

    @Test
    void givenManyCommitmentsUnderOneRow_thenTheyShareOnePolicyObject() throws Exception {
        try (Engine e = engine(MID_YEAR, PolicySheets.row("longhua", null, "onTrackTolerance", 0.25))) {
            Policy a = e.policy(in("guanhu", "民生", Kind.AT_LEAST, 100));
            Policy b = e.policy(in("guanhu", "教育", Kind.AT_LEAST, 100));
            Policy c = e.policy(in("longhua", "民生", Kind.AT_LEAST, 100));
            assertThat(a).isSameAs(b).isSameAs(c);
            assertThat(a.label()).isEqualTo("龙华区");
            assertThat(a.onTrackTolerance()).isEqualTo(0.25);
            // the cells the row leaves empty take the defaults
            assertThat(a.staleAfterDays()).isEqualTo(90);
            assertThat(e.policy(in("fenghuang", "民生", Kind.AT_LEAST, 100)).isDefault()).isTrue();
        }
    }
}
