package plancheck.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static plancheck.ingest.MadeUpReports.candidates;
import static plancheck.ingest.MadeUpReports.imported;
import static plancheck.ingest.MadeUpReports.milestones;
import static plancheck.ingest.MadeUpReports.quantities;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import plancheck.domain.Commitment;
import plancheck.domain.Kind;
import plancheck.domain.Stage;

/**
 * Plans with no heading (a news article, a yearless list), stages dated under an item's title, and figures that are
 * no targets. The sentences are made up in the shapes of real reports (the real ones are scored in
 * {@link CorpusPrecisionRecallTest}).
 */
class HeadlessPlansAndDatedStagesTest {

    @Test
    void givenANewsArticleOfResultsThenPlanWithNoHeadingWhenImportingThenOnlyThePlanPartIsProposed() {
        String text = """
                某县民生工程扎实推进
                多年以前，当地农牧民用水不得不依赖河水，影响了生活质量，也制约了畜牧业发展。
                近年来，该县投入300万元实施打井工程，新建20口抗旱井，解决了800户农牧民的饮水难题。
                “水井让我们的牧场焕发了新生机！”牧民说。
                今年，某县将新建牧区道路50公里，涉及甲镇、乙乡约900户农牧民。同时新建基站12个。
                """;

        assertThat(quantities(text)).extracting(Commitment::target, Commitment::unit)
                .containsExactly(tuple(50.0, "公里"), tuple(12.0, "个"));
    }

    @Test
    void givenAListWhoseTextNamesNoYearWhenImportingThenTheYearOfImportIsTakenAndSaidToBeAssumed() {
        String text = """
                报告明确，今年将扎实办好“五件民生实事”。
                （一）
                开展职业技能培训1.5万人次，村级就业服务覆盖率达60%左右。
                """;
        ImportReport r = imported(text);

        assertThat(r.planYear()).isEqualTo(2026);
        assertThat(r.commitments()).extracting(c -> c.commitment().kind(), c -> c.commitment().target())
                .containsExactly(tuple(Kind.AT_LEAST, 15000.0), tuple(Kind.EXACT, 60.0));
        assertThat(r.commitments()).allSatisfy(c -> {
            assertThat(c.commitment().year()).isEqualTo(2026);
            assertThat(c.commitment().assumed()).contains("year");
        });
    }

    @Test
    void givenItemsTitledByTheirWorksWhenStagesAreDatedWithoutAProjectThenTheTitleIsTheProjectWithOneMilestone() {
        String text = """
                2025年民生实事
                乡村公路提质改造。提质改造乡村公路4条20公里，计划4月开工建设，10月完工。
                建设乡村饮水工程。做好管网铺设，预计6月上旬全部开工，年底完成工程项目。
                """;
        List<CommitmentCandidate> milestones = milestones(text);

        assertThat(milestones).extracting(CommitmentCandidate::project, c -> c.commitment().stage())
                .containsExactly(tuple("乡村公路提质改造", Stage.COMPLETED), tuple("乡村饮水工程", Stage.COMPLETED));
        assertThat(milestones.get(0).commitment().plannedStages()).isEqualTo(Map.of(
                Stage.STARTED, LocalDate.of(2025, 4, 30), Stage.COMPLETED, LocalDate.of(2025, 10, 31)));
    }

    @Test
    void givenFiguresThatDefineTheThingsCountedOrTheWholeOfAResultThenNoneIsATarget() {
        String text = """
                2025年工作计划
                完成超100个30户以上木质房屋连片村寨管网建设，建成社区3人制篮球场8个。
                全区12个城中村已经完成9个村的拆除任务。
                """;

        assertThat(quantities(text)).extracting(Commitment::target, Commitment::unit)
                .containsExactly(tuple(100.0, "个"), tuple(8.0, "个"));
    }

    @Test
    void givenAHeadlineRepeatingAFigureOfTheBodyThenTheFigureIsProposedOnce() {
        String text = """
                某区将改造12个老旧小区

                来源：某某日报
                今年某区计划实施12个老旧小区改造项目。
                """;

        assertThat(quantities(text)).extracting(Commitment::target).containsExactly(12.0);
    }
}
