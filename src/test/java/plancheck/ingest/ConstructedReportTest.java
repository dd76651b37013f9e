package plancheck.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import plancheck.domain.Commitment;
import plancheck.domain.Firmness;
import plancheck.domain.Kind;
import plancheck.domain.Stage;

/**
 * CONSTRUCTED TEST INPUT, not seed data: made-up sentences in the shapes of reports from other cities (主要预期目标
 * paragraphs, 十大民生实事 lists, 民生实事 tables from PDFs) that the seeds do not show. The figures are invented.
 */
class ConstructedReportTest {

    private final ReportImporter importer = new ReportImporter(MetricVocabulary.load());

    private static String constructed(String name) throws IOException {
        try (InputStream in = ConstructedReportTest.class.getResourceAsStream("/ingest/constructed/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private ImportReport plan(String body) {
        return importer.importText("二、2025年工作安排\n" + body, "test", "constructed");
    }

    private static Commitment only(ImportReport r) {
        assertThat(r.commitments()).hasSize(1);
        return r.commitments().get(0).commitment();
    }

    @Test
    void givenHeadlineTargetsWhenImportedThenEachGrowthRateIsATargetWithItsQualifier() throws IOException {
        ImportReport r = importer.importText(constructed("targets-list-and-table.txt"), null, "constructed");

        assertThat(r.planYear()).isEqualTo(2025);
        assertThat(r.summaryYear()).isEqualTo(2024);
        assertThat(r.commitments()).extracting(c -> c.commitment().metric(), c -> c.commitment().kind(),
                        c -> c.commitment().target(), c -> c.commitment().unit())
                .contains(
                        tuple("gdp_growth", Kind.EXACT, 6.0, "%"),
                        tuple("industrial_value_added_growth", Kind.AT_LEAST, 5.0, "%"),
                        tuple("fixed_asset_investment_growth", Kind.AT_LEAST, 10.0, "%"),
                        tuple("public_budget_revenue", Kind.AT_LEAST, 12.5, "亿元"),
                        tuple("unemployment_rate", Kind.AT_MOST, 3.0, "%"),
                        tuple("energy_intensity_change", Kind.AT_MOST, -3.0, "%"));
    }

    @Test
    void givenAGovernmentReportThenThePlanRunsOverItsFollowingHeadingsAndRangesAreRanges() throws IOException {
        ImportReport r = importer.importText(constructed("government-report-targets.txt"), null, "constructed");

        assertThat(r.planYear()).isEqualTo(2024);
        assertThat(r.commitments()).extracting(c -> c.commitment().metric(), c -> c.commitment().kind(),
                        c -> c.commitment().target(), c -> c.commitment().targetMax())
                .contains(
                        tuple("gdp_growth", Kind.RANGE, 5.5, 6.0),
                        tuple("industrial_value_added_growth", Kind.RANGE, 6.0, 7.0),
                        tuple("energy_intensity_change", Kind.RANGE, -5.0, -3.0),
                        tuple("unemployment_rate", Kind.AT_MOST, 5.0, null),
                        tuple("coverage_rate", Kind.AT_LEAST, 95.0, null),
                        tuple("school_places", Kind.AT_LEAST, 2000.0, null));
        // 三、2024年重点工作 and the table after it belong to the plan too; each table row is its own clause
        assertThat(r.commitments()).extracting(CommitmentCandidate::quote)
                .contains("1新建光明小学新增学位1620个", "2凤凰公园提升新建口袋公园3个");
        assertThat(r.commitments()).filteredOn(c -> c.commitment().kind() == Kind.ONGOING)
                .extracting(c -> c.commitment().title()).contains("持续推进老旧小区改造");
    }

    @Test
    void givenAProblemsPartAfterThePlanThenThePlanEndsThere() {
        ImportReport r = importer.importText("二、2024年工作计划\n新增托位300个。\n三、存在的问题\n缺少学位500个。", null, null);

        assertThat(r.commitments()).extracting(c -> c.commitment().target()).containsExactly(300.0);
    }

    @Test
    void givenAnApproximateTargetThenItIsExactWithLowerConfidenceAndANote() {
        CommitmentCandidate c = plan("地区生产总值增长6%左右。").commitments().get(0);

        assertThat(c.commitment().kind()).isEqualTo(Kind.EXACT);
        assertThat(c.confidence()).isLessThan(0.9);
        assertThat(c.notes()).anyMatch(n -> n.startsWith("approximate"));
    }

    @Test
    void givenANumberedListOfPublicServiceProjectsThenEveryItemIsProposedWithoutItsNumber() throws IOException {
        ImportReport r = importer.importText(constructed("targets-list-and-table.txt"), null, "constructed");

        assertThat(r.commitments()).extracting(c -> c.commitment().title(), c -> c.commitment().target())
                .contains(tuple("新建幼儿园3所", 3.0), tuple("新增学位1080个", 1080.0), tuple("新增普惠托位500个", 500.0),
                        tuple("新增停车位2000个以上", 2000.0), tuple("完成燃气管道改造1.2万户", 12_000.0),
                        tuple("新增就业岗位两千个", 2000.0), tuple("开展文体活动不少于300场", 300.0));
        assertThat(r.commitments()).filteredOn(c -> c.commitment().kind() == Kind.MILESTONE)
                .extracting(CommitmentCandidate::project, c -> c.commitment().stage())
                .containsExactly(tuple("区人民医院二期", Stage.IN_USE));
    }

    @Test
    void givenATableRowThenItsCompletionDateIsTheDeadline() throws IOException {
        ImportReport r = importer.importText(constructed("targets-list-and-table.txt"), null, "constructed");

        assertThat(r.commitments()).extracting(c -> c.commitment().target(), c -> c.commitment().deadline())
                .contains(tuple(1620.0, LocalDate.of(2025, 9, 30)), tuple(3.5, LocalDate.of(2025, 12, 31)),
                        tuple(15.0, LocalDate.of(2025, 6, 30)));
    }

    @Test
    void givenQualifiersThenTheKindFollowsThem() {
        assertThat(only(plan("新增托位不少于300个。")).kind()).isEqualTo(Kind.AT_LEAST);
        assertThat(only(plan("新增托位不低于300个。")).kind()).isEqualTo(Kind.AT_LEAST);
        assertThat(only(plan("新增托位超300个。")).kind()).isEqualTo(Kind.AT_LEAST);
        assertThat(only(plan("新增违建不超过500平方米。")).kind()).isEqualTo(Kind.AT_MOST);
        assertThat(only(plan("城镇登记失业率控制在3%。")).kind()).isEqualTo(Kind.AT_MOST);
        assertThat(only(plan("力争新增托位300个。")).firmness()).isEqualTo(Firmness.STRIVE);
        assertThat(only(plan("确保新增托位300个。")).firmness()).isEqualTo(Firmness.FIRM);
    }

    @Test
    void givenCoverageAndZeroTargetsThenTheyAreHundredAndZeroPercent() {
        Commitment coverage = only(plan("实现老旧小区加装电梯全覆盖。"));
        assertThat(coverage.target()).isEqualTo(100.0);
        assertThat(coverage.unit()).isEqualTo("%");
        Commitment zero = only(plan("确保新增违建零增长。"));
        assertThat(zero.kind()).isEqualTo(Kind.AT_MOST);
        assertThat(zero.target()).isZero();
    }

    @Test
    void givenAnEnumerationOfProjectsThenEachGetsItsOwnMilestone() {
        ImportReport r = plan("推动甲大厦、乙产业园和丙医院等重点项目竣工投产，加快丁学校开工建设。");

        assertThat(r.commitments()).extracting(CommitmentCandidate::project, c -> c.commitment().stage())
                .containsExactly(tuple("甲大厦", Stage.IN_USE), tuple("乙产业园", Stage.IN_USE),
                        tuple("丙医院", Stage.IN_USE), tuple("丁学校", Stage.STARTED));
        assertThat(plan("推动丰和产业园、太和村改造工程和乙医院开工建设。").commitments())
                .extracting(CommitmentCandidate::project).containsExactly("丰和产业园", "太和村改造工程", "乙医院");
    }

    @Test
    void givenTheProjectInTheClauseBeforeTheStageThenTheMilestoneNamesIt() {
        ImportReport r = plan("加快推进区人民医院改扩建工程建设，确保年底前主体封顶。推动甲学校年内开工、明年竣工。"
                + "加快乙大厦建设，力争上半年竣工验收并投入使用。");

        assertThat(r.commitments()).extracting(CommitmentCandidate::project, c -> c.commitment().stage(),
                        c -> c.commitment().deadline())
                .containsExactly(tuple("区人民医院改扩建工程", Stage.TOPPED_OUT, LocalDate.of(2025, 12, 31)),
                        tuple("甲学校", Stage.STARTED, LocalDate.of(2025, 12, 31)),
                        tuple("乙大厦", Stage.IN_USE, LocalDate.of(2025, 6, 30)));
    }

    @Test
    void givenDeadlineWordsThenTheDeadlineIsTheirDate() {
        assertThat(only(plan("上半年完成3个拥堵点整治。")).deadline()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(only(plan("9月底前新增托位300个。")).deadline()).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(only(plan("推动甲学校年内开工。")).deadline()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(only(plan("推动甲学校如期竣工。")).deadline()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(only(plan("新增托位300个。")).assumed()).contains("deadline");
    }

    @Test
    void givenBinaryAndOngoingWorkThenTheyAreProposedAsSuch() {
        assertThat(only(plan("成立街道志愿者联合会。")).kind()).isEqualTo(Kind.BINARY);
        Commitment ongoing = only(plan("常态化开展安全生产检查。"));
        assertThat(ongoing.kind()).isEqualTo(Kind.ONGOING);
        assertThat(ongoing.effectiveDeadline()).isNull();
        assertThat(plan("实现整体提升，持续发力，实现“民有所呼，我有所应”。").commitments()).isEmpty();
    }

    @Test
    void givenSlogansAndCountsOfThemesThenNothingIsProposedAndTheReasonIsKept() {
        ImportReport r = plan("坚持四个工作导向，对标“五个首善”要求，抓好经济、民生、治理三项工作，打造“1+6+N”体系。");

        assertThat(r.commitments()).filteredOn(c -> c.commitment().kind().numeric()).isEmpty();
        assertThat(r.skipped()).extracting(Skipped::reason).anyMatch(s -> s.contains("slogan"));
    }

    @Test
    void givenEmptyOrPlanlessTextThenTheAnswerIsEmptyWithTheReason() {
        for (String text : new String[] {null, "", "  \n "}) {
            ImportReport r = importer.importText(text, null, null);
            assertThat(r.commitments()).isEmpty();
            assertThat(r.skipped()).extracting(Skipped::reason).containsExactly("empty text");
        }
        ImportReport planless = importer.importText("今天天气很好，我们去公园散步。", null, null);
        assertThat(planless.planYear()).isNull();
        assertThat(planless.commitments()).isEmpty();
        assertThat(planless.skipped()).extracting(Skipped::reason).anyMatch(s -> s.startsWith("no plan section"));
    }

    @Test
    void givenArbitraryBytesAsTextThenTheImporterAnswersWithoutThrowing() {
        java.util.Random random = new java.util.Random(7);
        String alphabet = "一二三四五六七八九十百千万亿两个%.0123456789年月日、，。（）()“”\n -开工竣工全覆盖以上左右约";
        for (int i = 0; i < 300; i++) {
            StringBuilder b = new StringBuilder("二、2025年工作计划\n");
            for (int k = random.nextInt(400); k > 0; k--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(importer.importText(b.toString(), null, null)).isNotNull();
        }
    }

    @Test
    void givenTheSummaryOfSeed003ThenBothFiguresOfAnEnumerationAreResults() {
        ImportReport r = importer.importText(GoldScore.readSeed("003_af213d65b87cb190"), null, "003");

        assertThat(r.results()).extracting(ResultCandidate::metric, x -> x.result().value())
                .contains(tuple("childcare_places", 287.0), tuple("school_places", 2730.0));
        assertThat(r.commitments()).filteredOn(c -> "childcare_places".equals(c.commitment().metric()))
                .extracting(c -> c.commitment().prior().value()).containsExactly(287.0);
    }

    @Test
    void givenResultsAndStoredCommitmentsThenLinkingMatchesDistrictMetricAndYear() {
        ImportReport r = importer.importText(GoldScore.readSeed("003_af213d65b87cb190"), null, "003");
        Commitment stored = new Commitment("c-2024-childcare", "fenghuang", "凤凰街道", 2024, null, "新增托位",
                Kind.AT_LEAST, "childcare_places", "个", 200.0, null, null, null, null, null, null, null, null, null,
                null, null, null, 1);

        List<ResultCandidate> linked = ResultLinker.link(r.results(),
                (district, year) -> district.equals("fenghuang") && year == 2024 ? List.of(stored) : List.of());

        assertThat(linked).filteredOn(x -> "childcare_places".equals(x.metric()))
                .extracting(x -> x.result().commitmentId()).containsExactly("c-2024-childcare");
        assertThat(linked).filteredOn(x -> !"childcare_places".equals(x.metric()))
                .allMatch(x -> x.result().commitmentId() == null);
    }
}
