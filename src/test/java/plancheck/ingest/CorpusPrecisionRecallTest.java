package plancheck.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The real reports of src/test/resources/ingest/corpus, labelled before the importer first ran on them. */
class CorpusPrecisionRecallTest {

    private final ReportImporter importer = new ReportImporter(MetricVocabulary.load());

    @Test
    void givenTheLabelledCorpusWhenImportingThenQuantitiesMilestonesAndOwnersReachTheTargets() {
        List<GoldScore.DocumentScore> scores = GoldScore.CORPUS.stream().map(d -> GoldScore.scoreCorpus(importer, d))
                .toList();
        String detail = scores.stream().map(s -> s.document() + " missed " + s.missed() + " extra " + s.extra())
                .reduce("", (a, b) -> a + "\n" + b);
        GoldScore.Counts quantities = GoldScore.total(scores, GoldScore.QUANTITATIVE);
        GoldScore.Counts milestones = GoldScore.total(scores, GoldScore.MILESTONE);
        GoldScore.Counts owners = GoldScore.total(scores, GoldScore.OWNER);

        assertThat(quantities.precision()).as("quantity precision%s", detail).isGreaterThanOrEqualTo(0.9);
        assertThat(quantities.recall()).as("quantity recall%s", detail).isGreaterThanOrEqualTo(0.9);
        assertThat(milestones.recall()).as("milestone recall%s", detail).isGreaterThanOrEqualTo(0.85);
        assertThat(owners.labelled()).isPositive();
        assertThat(owners.recall()).as("owners%s", detail).isEqualTo(1.0);
    }

    @Test
    void givenReportsOfWorkDoneOnlyThenNothingIsProposed() {
        for (String d : List.of("guandu-2023-midyear-execution", "guzhen-2024-county-report-review")) {
            GoldScore.DocumentScore s = GoldScore.scoreCorpus(importer, d);
            assertThat(s.extra()).as(d).isEmpty();
        }
    }
}
