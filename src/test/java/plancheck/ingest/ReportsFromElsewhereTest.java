package plancheck.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import plancheck.domain.Commitment;
import plancheck.domain.Firmness;
import plancheck.domain.Kind;
import plancheck.domain.Stage;

/**
 * Shapes from reports of other places (tables, headless 实事 lists, owners in running text). The sentences are made
 * up in those shapes; the real documents are scored in {@link CorpusPrecisionRecallTest}.
 */
class ReportsFromElsewhereTest {

    private final ReportImporter importer = new ReportImporter(MetricVocabulary.load());

    private List<Commitment> commitments(String text) {
        return importer.importText(text, "test", "constructed").commitments().stream()
                .map(CommitmentCandidate::commitment).toList();
    }

    @Test
    void givenAPipeTableWithOwnerColumnsThenEachRowsCommitmentsTakeItsOwnerPartnersAndLead() {
        String text = """
                2025年民生实事项目计划表
                序号 | 实事项目 | 工作举措及实施计划 | 责任单位 | 配合单位 | 牵头领导
                1 | 托育服务 | 新增普惠托位300个 | 区卫健局 | 各街道办事处 | 张三
                2 | 道路建设 | 打通育才街（龙津路至春台路） | 区住建局 | 区交通局 | 李四
                """;
        List<CommitmentCandidate> c = importer.importText(text, "test", "constructed").commitments();

        assertThat(c).extracting(x -> x.commitment().kind(), x -> x.commitment().owner(), x -> x.commitment().lead())
                .containsExactly(tuple(Kind.AT_LEAST, "区卫健局", "张三"), tuple(Kind.MILESTONE, "区住建局", "李四"));
        assertThat(c.get(1).project()).isEqualTo("育才街（龙津路至春台路）");
        assertThat(c.get(0).notes()).contains("配合单位: 各街道办事处");
    }

    @Test
    void givenATableWhoseCellsRanTogetherThenRowsAreToldByTheirIndexAndNamesByTheirShape() {
        String text = "2021年民生实事项目责任分解表\n序号项目名称主要内容分管领导牵头单位配合单位"
                + "1托育服务新增普惠托位300个。王小明区卫健局各街道高新园(邹区镇)"
                + "2道路建设打通育才街（龙津路至春台路）。张菁民政局交通局新建养老服务站3家。";
        List<CommitmentCandidate> c = importer.importText(text, "test", "constructed").commitments();

        assertThat(c).extracting(x -> x.commitment().kind(), x -> x.commitment().owner(), x -> x.commitment().lead())
                .containsExactly(tuple(Kind.AT_LEAST, "区卫健局", "王小明"), tuple(Kind.MILESTONE, "民政局", "张菁"),
                        tuple(Kind.AT_LEAST, "民政局", "张菁"));
        assertThat(c.get(0).notes()).contains("配合单位: 各街道、高新园(邹区镇)");
        assertThat(c.get(1).project()).isEqualTo("育才街（龙津路至春台路）");
    }

    @Test
    void givenAChangeFromABaselineThenOnlyTheFigureReachedIsATargetAndTheBracketNamesTheOwner() {
        List<Commitment> c = commitments("2025年为民实事实施方案\n1.提高补助标准。补助标准由每人每年670元提高到700元,"
                + "养育标准由每人每月1800元、1500元统一提高到2200元,缴费费率由7%降至6%。(市医疗保障局、市财政局)");

        assertThat(c).extracting(Commitment::kind, Commitment::target, Commitment::owner).containsExactly(
                tuple(Kind.AT_LEAST, 700.0, "市医疗保障局"), tuple(Kind.AT_LEAST, 2200.0, "市医疗保障局"),
                tuple(Kind.AT_MOST, 6.0, "市医疗保障局"));
    }

    @Test
    void givenTargetsOpenedInsideASentenceThenTheyAreReadAsAPlanWithSharedAndApproximateFigures() {
        List<Commitment> c = commitments("2025年3月5日，报告提出，今年发展主要预期目标是：粮食产量1.4万亿斤左右；"
                + "财政总收入和一般公共预算收入均增长8%以上；单位国内生产总值能耗降低3%左右；服务6万余名学生。");

        assertThat(c).extracting(Commitment::kind, Commitment::target, Commitment::unit).containsExactly(
                tuple(Kind.EXACT, 1.4e12, "斤"), tuple(Kind.AT_LEAST, 8.0, "%"), tuple(Kind.AT_LEAST, 8.0, "%"),
                tuple(Kind.EXACT, -3.0, "%"), tuple(Kind.AT_LEAST, 60000.0, "名"));
    }

    @Test
    void givenQuotesMarkedWithDoublePrimesThenTheFiguresAfterThemAreRead() {
        List<Commitment> c = commitments("2023年工作计划\n完成党员村〝动态清零〞。集中公推40名入党积极分子,新发展20名党员。");

        assertThat(c).extracting(Commitment::target).contains(40.0, 20.0);
    }

    @Test
    void givenABreakdownAfterAFigureThenOnlyThePartWithItsOwnBoundIsATarget() {
        List<Commitment> c = commitments("2025年工作计划\n增加学位5000个，其中幼儿园420个，中小学4580个。"
                + "新增托位800个，其中普惠托位不少于500个。");

        assertThat(c).extracting(Commitment::target).containsExactly(5000.0, 800.0, 500.0);
    }

    @Test
    void givenACellPerLineTableThenTheCompletionCellGivesTheDeadlineAndTheStageDueOnTheWay() {
        String text = """
                2016年民生实事目标任务分解表
                序号
                民生实事
                责任单位
                完成时限
                1
                建成县残疾人综合服务中心。
                县残联
                5月底前动工
                2
                完成棚户区改造2836户。
                县住建局
                12月底前
                """;
        List<Commitment> c = commitments(text);

        assertThat(c).extracting(Commitment::kind, Commitment::stage, Commitment::owner)
                .containsExactly(tuple(Kind.MILESTONE, Stage.COMPLETED, "县残联"), tuple(Kind.AT_LEAST, null, "县住建局"));
        assertThat(c.get(0).plannedStages()).containsEntry(Stage.STARTED, LocalDate.of(2016, 5, 31));
        assertThat(c.get(1).deadline()).isEqualTo(LocalDate.of(2016, 12, 31));
    }

    @Test
    void givenALineOfTextWithoutTableCellsThenNoOwnerIsInvented() {
        List<Commitment> c = commitments("2025年工作计划\n新增普惠托位300个，建成区第二人民医院。");

        assertThat(c).isNotEmpty().allSatisfy(k -> assertThat(k.owner()).isNull());
    }

    @Test
    void givenOwnersNamedInRunningTextThenTheyAreTheCommitmentsOwnerAndLead() {
        List<Commitment> c = commitments("""
                2025年工作计划
                新增停车位1500个，由区交通局负责。
                改造老旧小区20个（责任单位：区住建局；牵头领导：王五）。
                """);

        assertThat(c).extracting(Commitment::target, Commitment::owner)
                .containsExactly(tuple(1500.0, "区交通局"), tuple(20.0, "区住建局"));
        assertThat(c.get(1).lead()).isEqualTo("王五");
    }

    @Test
    void givenAListWithNoPlanHeadingWhoseTenseIsFutureThenItIsReadAsAPlan() {
        ImportReport r = importer.importText("""
                璧山区重点民生实事新闻发布会
                即实施城镇老旧小区改造，新开工5个老旧小区改造项目，建设3个口袋公园，新增残疾人就业40人。
                """, "test", "2025年发布会.txt");

        assertThat(r.planYear()).isEqualTo(2025);
        assertThat(r.commitments()).extracting(x -> x.commitment().target()).containsExactly(5.0, 3.0, 40.0);
    }

    @Test
    void givenANarrativeOfWorkDoneWithNoHeadingThenNothingIsProposed() {
        ImportReport r = importer.importText("""
                2023年以来，街道累计投入1200万元，已完成23处电力设施迁移，同比增长了15%，取得了积极成效。
                共发现解决问题220个，新施划停车位1116个，荣获市级表彰。
                """, "test", "article");

        assertThat(r.commitments()).isEmpty();
    }

    @Test
    void givenConstructionSentencesThenEveryNamedProjectGetsItsStage() {
        List<CommitmentCandidate> c = importer.importText("""
                2025年工作计划
                完成寰球国际酒店、综合体育馆建设。
                启动新建区开放大学。
                完成大茶泵站重建工程。
                2025年底区中医院综合大楼完成主体结构封顶。
                """, "test", "constructed").commitments();

        assertThat(c).extracting(CommitmentCandidate::project, x -> x.commitment().stage())
                .containsExactly(tuple("寰球国际酒店", Stage.COMPLETED), tuple("综合体育馆", Stage.COMPLETED),
                        tuple("区开放大学", Stage.STARTED), tuple("大茶泵站重建工程", Stage.COMPLETED),
                        tuple("区中医院综合大楼", Stage.TOPPED_OUT));
    }

    @Test
    void givenATaskCalledCompleteThatNamesNoWorksThenItIsNoMilestone() {
        List<Commitment> c = commitments("2025年工作计划\n完成各类培训。\n完成樟坑径等多个土地整备项目。");

        assertThat(c).noneMatch(k -> k.kind() == Kind.MILESTONE);
    }

    @Test
    void givenEachAfterAnEnumerationThenEveryItemGetsTheFigure() {
        List<CommitmentCandidate> c = importer.importText("2025年工作计划\n完成绿叶菜生产核心基地、绿色防控基地各9000亩。",
                "test", "constructed").commitments();

        assertThat(c).extracting(x -> x.commitment().target(), x -> x.commitment().unit(), CommitmentCandidate::quote)
                .hasSize(2).allSatisfy(t -> assertThat(t.toList()).startsWith(9000.0, "亩"));
        assertThat(c).extracting(x -> x.commitment().title()).containsExactly("完成绿叶菜生产核心基地9000亩", "绿色防控基地9000亩");
    }

    @Test
    void givenPhaseNamesListSizesAndSpecificationsThenNoneIsATarget() {
        List<Commitment> c = commitments("""
                2025年工作计划
                接续办好15件重点民生实事。
                完成知春园小区二期336户居民集中供暖改造。
                建设教学楼，用地面积为7165.96平方米，共12个教学班。
                """);

        assertThat(c).extracting(Commitment::target, Commitment::unit).containsExactly(tuple(336.0, "户"));
    }

    @Test
    void givenStriveWordsThenTheCommitmentIsOnlyStrivenFor() {
        Map<Double, Firmness> firmness = new java.util.HashMap<>();
        commitments("2025年工作计划\n力争新增托位200个。\n确保新增学位500个。")
                .forEach(k -> firmness.put(k.target(), k.firmness()));

        assertThat(firmness).containsEntry(200.0, Firmness.STRIVE).containsEntry(500.0, Firmness.FIRM);
    }

    @Test
    void givenAnExcerptStatingNoYearThenTheYearOfItsFileNameIsTaken() {
        ImportReport r = importer.importText("推进区人民医院建设，新增停车位800个，新改建各类公园12个，整治中小河道67公里。", "test",
                "2024年区政府工作报告.pdf");

        assertThat(r.planYear()).isEqualTo(2024);
        assertThat(r.commitments()).isNotEmpty();
    }

    @Test
    void givenTheTargetsParagraphBeforeThePlanHeadingThenItsFiguresArePlanToo() {
        String text = """
                今年主要预期目标是：地区生产总值增长6%左右，城镇调查失业率控制在5.5%以内。
                三、2024年主要工作安排
                围绕上述目标，新建口袋公园12个。
                """;
        assertThat(commitments(text)).extracting(Commitment::kind, Commitment::target, Commitment::unit)
                .containsExactly(tuple(Kind.EXACT, 6.0, "%"), tuple(Kind.AT_MOST, 5.5, "%"),
                        tuple(Kind.AT_LEAST, 12.0, "个"));
    }

    @Test
    void givenTargetsInsideTheSummaryBeforeThePlanHeadingThenTheyStayOutOfThePlan() {
        String text = """
                一、2023年工作回顾
                去年确定的主要预期目标是：地区生产总值增长6%左右。
                二、2024年工作安排
                新建口袋公园12个。
                """;
        assertThat(commitments(text)).extracting(Commitment::target).containsExactly(12.0);
    }

    @Test
    void givenAnItemNamingItsOwnerOnceAtItsEndThenEverySentenceOfTheItemTakesIt() {
        String text = """
                2024年十大民生实事项目
                1.养老服务提升工程。新建10家老年食堂；创建康养联合体3家。（牵头领导：王五，责任单位：区民政局）
                2.道路提升工程。新建停车位500个。
                """;
        assertThat(commitments(text)).extracting(Commitment::target, Commitment::owner, Commitment::lead)
                .containsExactly(tuple(10.0, "区民政局", "王五"), tuple(3.0, "区民政局", "王五"),
                        tuple(500.0, null, null));
    }

    @Test
    void givenTheUnitNamedBeforeTheFigureThenTheFigureTakesIt() {
        String text = "2025年民生实事\n全年助餐配送餐服务人次达200万以上。";
        assertThat(commitments(text)).extracting(Commitment::kind, Commitment::target, Commitment::unit)
                .containsExactly(tuple(Kind.AT_LEAST, 2_000_000.0, "人次"));
    }

    @Test
    void givenAnIncomeBarOfTheThingsCountedThenOnlyTheCountIsATarget() {
        String text = "2025年工作计划\n新增3个村集体收入超过10万元。力争实现20%的村集体年收入超30万元。";
        assertThat(commitments(text)).extracting(Commitment::target, Commitment::unit)
                .containsExactly(tuple(3.0, "个"), tuple(20.0, "%"));
    }

    @Test
    void givenAHallNamedWithItsBuildingThenItIsOneProject() {
        List<CommitmentCandidate> c = importer.importText("2024年工作计划\n建设投用江口中学、第一中学教学楼及报告厅。",
                "test", "constructed").commitments();
        assertThat(c).extracting(CommitmentCandidate::project, x -> x.commitment().stage())
                .containsExactly(tuple("江口中学", Stage.IN_USE), tuple("第一中学教学楼及报告厅", Stage.IN_USE));
    }

    @Test
    void givenAPageWhoseHeadlineFollowsTheBodyThenTheBodyIsReadAsPlan() {
        String text = "县政府将重点抓好10件民生实事。分别是: (1)新建便民市场5处。 (2)新增停车位400个以上。\n"
                + "【直击两会】县政府2020年将为民办好10件民生实事\n";
        assertThat(commitments(text)).extracting(Commitment::target, Commitment::unit)
                .containsExactly(tuple(5.0, "处"), tuple(400.0, "个"));
    }

    @Test
    void givenBulletedLinesUnderBulletedHeadingsThenLastYearsResultsStayOutOfThePlan() {
        String text = """
                ■ 2024年成绩单
                ●粮食总产达到557亿斤
                ■ 2025年经济社会发展的主要预期目标
                ●经济增长6%左右
                ●城镇新增就业70万人以上
                """;
        assertThat(commitments(text)).extracting(Commitment::kind, Commitment::target)
                .containsExactly(tuple(Kind.EXACT, 6.0), tuple(Kind.AT_LEAST, 700_000.0));
    }

    @Test
    void givenAnOwnerSentenceClosingTheItemThenTheItemTakesItsFirstUnit() {
        String text = """
                2021年为民办实事工作计划
                (3)动建含光人行隧道工程。
                主办单位:县建发公司,协办单位:住建局、江南镇。
                """;
        assertThat(commitments(text)).extracting(Commitment::kind, Commitment::stage, Commitment::owner)
                .containsExactly(tuple(Kind.MILESTONE, Stage.STARTED, "县建发公司"));
    }

    @Test
    void givenAOneCellALineTableWithGroupHeadingsThenRowsAfterAGroupTakeTheirLeadUnit() {
        // the 责任领导 cell (a person's name on a line of its own) is not told from other cells by what it holds
        String text = String.join("\n", "2024年政府工作报告主要工作任务分解表", "序号", "主要工作举措", "牵头单位", "配合单位",
                "责任领导", "一、做大做强主导产业", "1", "推动甲项目的开工建设。", "区发展改革局", "区财政局", "张三");
        assertThat(commitments(text)).extracting(Commitment::kind, Commitment::owner)
                .containsExactly(tuple(Kind.MILESTONE, "区发展改革局"));
    }

    @Test
    void givenFiguresSayingWhereAndForWhomThenOnlyWhatIsDeliveredIsATarget() {
        String text = "2025年民生实事\n在17个乡镇硬化道路10万平方米,惠及17个乡镇。改造线路200公里,受益群众5万人。"
                + "惠及不少于10000个家庭。有效改善9万人口的饮水安全问题。"
                + "推动红澄九璞等25个楼盘商品房销售面积50万平方米以上。财政补差水平按省定最低标准的80%确定。";
        assertThat(commitments(text)).extracting(Commitment::target, Commitment::unit)
                .containsExactly(tuple(10.0, "万平方米"), tuple(200.0, "公里"), tuple(10000.0, "个"),
                        tuple(50.0, "万平方米"));
    }
}
