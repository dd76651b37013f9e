package plancheck.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ResultTest {

    private static Result of(Double value, Stage stage, Boolean done) {
        return new Result(null, "c1", value, stage, done, LocalDate.of(2025, 6, 30), null, null, null, false);
    }

    @Test
    void givenEachKindThenAResultMeasuresItOnlyWithThatKindsField() {
        assertThat(of(120.0, null, null).measures(Kind.AT_LEAST)).isTrue();
        assertThat(of(null, Stage.STARTED, null).measures(Kind.AT_LEAST)).isFalse();
        assertThat(of(null, Stage.STARTED, null).measures(Kind.MILESTONE)).isTrue();
        assertThat(of(120.0, null, null).measures(Kind.MILESTONE)).isFalse();
        assertThat(of(null, null, true).measures(Kind.BINARY)).isTrue();
        assertThat(of(null, null, null).measures(Kind.BINARY)).isFalse();
        assertThat(of(null, null, null).measures(Kind.ONGOING)).isTrue();
    }

    @Test
    void eachKindNamesTheResultFieldItIsMeasuredBy() {
        assertThat(Kind.RANGE.resultField()).isEqualTo("value");
        assertThat(Kind.MILESTONE.resultField()).isEqualTo("stage");
        assertThat(Kind.BINARY.resultField()).isEqualTo("done");
        assertThat(Kind.ONGOING.resultField()).isNull();
    }
}
