package plancheck.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class DatasetLoaderTest {

    @Test
    void givenTheShippedReferenceDataAndDemoThenNothingBreaksTheServiceValidation() {
        LocalDate today = LocalDate.now();
        assertThat(DatasetLoader.problems(DatasetLoader.chosen(true, true, today), today)).isEmpty();
    }

    @Test
    void givenABrokenFileThenEveryProblemIsNamedWithFileAndField() {
        DataFile broken = Dataset.file("broken/dataset/rules-broken.json");
        List<String> problems = DatasetLoader.problems(List.of(broken), LocalDate.of(2024, 1, 1));
        assertThat(problems).containsExactlyInAnyOrder(
                "004_fa4dcfe65d210400.txt: guanhu-2023-001.stage: required for kind MILESTONE",
                "004_fa4dcfe65d210400.txt: guanhu-2023-002.target: required for kind AT_LEAST",
                "004_fa4dcfe65d210400.txt: guanhu-2023-002: id used twice",
                "004_fa4dcfe65d210400.txt: results[0].stage: required for kind MILESTONE",
                "004_fa4dcfe65d210400.txt: results[0].done: only for kind BINARY, this commitment is MILESTONE",
                "004_fa4dcfe65d210400.txt: results[1]: no commitment guanhu-2023-999 in this file");
    }

    @Test
    void givenAResultDatedAfterTheLoadDayThenItIsRejected() {
        DataFile demo = Dataset.demo(LocalDate.of(2026, 3, 15));
        assertThat(DatasetLoader.problems(List.of(demo), LocalDate.of(2026, 3, 15))).isEmpty();
        assertThat(DatasetLoader.problems(List.of(demo), LocalDate.of(2025, 3, 15)))
                .anySatisfy(p -> assertThat(p).contains("asOf: must not be in the future"));
    }

    @Test
    void givenAMisspeltFieldThenReadingFailsNamingTheFileAndTheField() {
        assertThatThrownBy(() -> Dataset.file("broken/dataset/misspelt-field.json"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("broken/dataset/misspelt-field.json")
                .hasMessageContaining("targt");
    }

    @Test
    void givenNeitherPartChosenThenNothingIsRead() {
        assertThat(DatasetLoader.chosen(false, false, LocalDate.now())).isEmpty();
    }
}
