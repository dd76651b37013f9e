package plancheck.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static plancheck.ingest.MadeUpReports.candidates;
import static plancheck.ingest.MadeUpReports.imported;
import static plancheck.ingest.MadeUpReports.milestones;
import static plancheck.ingest.MadeUpReports.quantities;

import java.util.List;

import org.junit.jupiter.api.Test;

import plancheck.domain.Commitment;
import plancheck.domain.Kind;
import plancheck.domain.Stage;

/**
 * Progress tables of a plan's items, news texts whose headline names a plan, and projects named by rail, road and
 * place lists. The sentences and tables are made up in the shapes of real reports (sample data; the real ones are
 * scored in {@link CorpusPrecisionRecallTest}).
 */
class ProgressTablesAndNewsPlansTest {

    @Test
    void givenAProgressTableTitledWithItsProgressWhenImportingThenEachRowIsACompletedProjectWithItsFirstOwner() {
        String text = """
                2025年某市民生实事项目进展情况表(截至6月30日)

                序号

                项目名称

                项目内容

                责任单位

                开工

                时间

                竣工

                时间

                项目进展情况

                1

                甲区社区食堂建设项目

                新建社区食堂3个。

                市民政局

                甲区政府

                2025年2月

                2025年11月

                ①甲街道社区食堂:3月开工建设,目前已完工。

                2

                打通“断头路”项目

                乙路东段道路工程。

                市城管局

                2025年1月

                2025年12月

                已全面完工,6月1日正式通车。
                """;

        assertThat(milestones(text)).extracting(CommitmentCandidate::project, c -> c.commitment().stage(),
                        c -> c.commitment().owner())
                .containsExactly(tuple("甲区社区食堂建设项目", Stage.COMPLETED, "市民政局"),
                        tuple("打通“断头路”项目", Stage.COMPLETED, "市城管局"));
    }

    @Test
    void givenANewsHeadlineNamingAPlanOverPastYearsWhenTheTargetsOpenInlineThenOnlyTheTargetsAreProposed() {
        String text = """
                某省省长作政府工作报告今年实施20项民生实事
                过去五年,全省生产总值从2020年的1000亿元增加到2024年的1300亿元。2024年,城镇新增就业30万人。
                2025年,我省主要预期目标是:地区生产总值增长5%左右,居民消费价格涨幅控制在3%左右,城镇登记失业率控制在5%以内。
                """;

        assertThat(quantities(text)).extracting(Commitment::kind, Commitment::target)
                .containsExactly(tuple(Kind.EXACT, 5.0), tuple(Kind.EXACT, 3.0), tuple(Kind.AT_MOST, 5.0));
    }

    @Test
    void givenANewsItemDatedAtItsTopThatSpeaksOfThisYearWhenItNamesALaterYearThenThePlanYearIsTheDatelines() {
        String text = """
                2024年05月06日 来源:某日报
                今年全省教育重大项目要完成投资10亿元,甲学院新校区要于9月竣工;乙学院项目2025年要开工。
                """;
        ImportReport r = imported(text);

        assertThat(r.planYear()).isEqualTo(2024);
        assertThat(r.commitments()).filteredOn(c -> c.commitment().kind() == Kind.MILESTONE)
                .extracting(CommitmentCandidate::project, c -> c.commitment().stage())
                .containsExactly(tuple("甲学院新校区", Stage.COMPLETED));
    }

    @Test
    void givenRailAndRoadNamesAfterAStageVerbWhenImportingThenEachIsAProjectAndOpeningAndWaterAreInUse() {
        String text = """
                2025年工作安排
                建成甲乙高铁,建成S12甲丙段、S30丙丁高速,开工建设G100丁戊段;确保甲市机场建成通航,实现某引水一期、二期工程全线通水。确保早一天开工、早一天达产。
                """;

        assertThat(milestones(text)).extracting(CommitmentCandidate::project, c -> c.commitment().stage())
                .containsExactly(tuple("甲乙高铁", Stage.COMPLETED), tuple("S12甲丙段", Stage.COMPLETED),
                        tuple("S30丙丁高速", Stage.COMPLETED), tuple("G100丁戊段", Stage.STARTED),
                        tuple("甲市机场", Stage.IN_USE), tuple("某引水一期工程", Stage.IN_USE),
                        tuple("某引水二期工程", Stage.IN_USE));
    }

    @Test
    void givenPlacesListedBeforeAFacilityWhenTheyStartTogetherThenEachPlaceIsGivenTheSharedHeadNoun() {
        String text = """
                2025年工作安排
                推动甲前旗、甲中旗、乙盖通用机场开工建设。
                """;

        assertThat(milestones(text)).extracting(CommitmentCandidate::project)
                .containsExactly("甲前旗通用机场", "甲中旗通用机场", "乙盖通用机场");
    }

    @Test
    void givenNamedProjectsFollowedByTheirCountWhenTheyStartThenEachNamedOneStartsAndTheListedOnesToo() {
        String text = """
                2025年工作安排
                甲学院新校区、乙学院新校区扩建、丙大学东校区3个新开工项目要于10月底前开工建设。启动丁集团物流基地等项目。
                """;

        assertThat(milestones(text)).extracting(CommitmentCandidate::project, c -> c.commitment().stage())
                .containsExactly(tuple("甲学院新校区", Stage.STARTED), tuple("乙学院新校区扩建", Stage.STARTED),
                        tuple("丙大学东校区", Stage.STARTED), tuple("丁集团物流基地", Stage.STARTED));
    }

    @Test
    void givenANewsSubheadingOverAPictureCaptionWhenImportingThenItsFigureIsNoTarget() {
        String text = """
                2025年工作安排
                加快6所中小学建设速度
                (网络效果图)
                今年,某区要新建幼儿园2所。
                """;

        assertThat(quantities(text)).extracting(Commitment::target, Commitment::unit)
                .containsExactly(tuple(2.0, "所"));
    }

    @Test
    void givenTheSizeOfTheWorksInAnItemWhenImportingThenAreaLengthAndWidthAreNoTargets() {
        String text = """
                2025年工作安排
                新建甲路跨河桥1座,建设面积约2万平方米,桥长75米,宽12米,桥梁宽度为30米。
                """;

        assertThat(quantities(text)).extracting(Commitment::target, Commitment::unit)
                .containsExactly(tuple(1.0, "座"));
    }
}
