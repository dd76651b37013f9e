package plancheck.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class GoldPrecisionRecallTest {

    private final ReportImporter importer = new ReportImporter(MetricVocabulary.load());

    @Test
    void givenTheLabelledSeedsWhenImportingThenQuantitativeAndMilestoneCommitmentsReachPrecisionAndRecall() {
        List<GoldScore.DocumentScore> scores = GoldScore.DOCUMENTS.stream().map(d -> GoldScore.score(importer, d))
                .toList();
        for (String group : List.of(GoldScore.QUANTITATIVE, GoldScore.MILESTONE)) {
            GoldScore.Counts total = GoldScore.total(scores, group);
            String detail = scores.stream().map(s -> s.document() + " missed " + s.missed() + " extra " + s.extra())
                    .reduce("", (a, b) -> a + "\n" + b);
            assertThat(total.labelled()).as("labels for %s", group).isPositive();
            assertThat(total.precision()).as("%s precision%s", group, detail).isGreaterThanOrEqualTo(0.9);
            assertThat(total.recall()).as("%s recall%s", group, detail).isGreaterThanOrEqualTo(0.9);
        }
    }

    @Test
    void givenTheLabelledSeedsWhenImportingThenThePlanYearIsTheLabelledOne() {
        for (String d : GoldScore.DOCUMENTS) {
            GoldScore.DocumentScore s = GoldScore.score(importer, d);
            assertThat(s.planYear()).as(d).isEqualTo(s.expectedPlanYear());
        }
    }
}
