package plancheck.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricVocabularyTest {

    private final MetricVocabulary vocabulary = MetricVocabulary.load();

    @Test
    void givenTheLongerPhraseWhenFindingThenTheMoreSpecificMetricWins() {
        assertThat(vocabulary.find("新增小初学位1480个")).map(MetricVocabulary.Metric::key)
                .contains("school_places_primary_middle");
        assertThat(vocabulary.find("新增托位287个")).map(MetricVocabulary.Metric::key).contains("childcare_places");
    }

    @Test
    void givenIllegalBuildingThenLowerIsBetter() {
        assertThat(vocabulary.byKey("illegal_building_increase")).map(MetricVocabulary.Metric::direction)
                .contains(MetricVocabulary.Direction.LOWER);
    }

    @Test
    void givenOverlappingPhrasesThenOccurrencesKeepTheLongestAndEveryMetricSharingIt() {
        assertThat(vocabulary.occurrences("新增小初学位1480个")).extracting(o -> o.metric().key())
                .containsExactly("school_places_primary_middle");
        assertThat(vocabulary.occurrences("固定资产投资增长10%")).extracting(o -> o.metric().key())
                .contains("fixed_asset_investment", "fixed_asset_investment_growth");
    }

    @Test
    void givenTextNamingNoMetricThenNothingIsFound() {
        assertThat(vocabulary.find("深学笃行习近平新时代中国特色社会主义思想")).isEmpty();
    }
}
