package plancheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import plancheck.domain.Policy;
import plancheck.engine.RuleBuildException.Problem;

/** Reading the policy sheet: the shipped one, and broken ones refused with sheet, row, column and reason. */
class PolicySheetTest {

    private static final Path BROKEN = Path.of("src/test/resources/broken/policy");

    private static List<Problem> problems(String file) throws Exception {
        List<Problem> problems = new ArrayList<>();
        assertThat(PolicySheet.read(Files.readAllBytes(BROKEN.resolve(file)), problems)).isNull();
        assertThat(problems).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo(PolicySheet.PATH);
            assertThat(p.error()).isTrue();
        });
        return problems;
    }

    private static Problem only(String file) throws Exception {
        List<Problem> problems = problems(file);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void givenTheShippedSheet_thenItHoldsTheDefaultsAndNoOverride() {
        PolicyTable t = PolicySheets.shipped();
        Policy d = t.defaults();
        assertThat(t.rows()).containsExactly(d);
        assertThat(d.isDefault()).isTrue();
        assertThat(d.row()).isEqualTo(2);
        assertThat(List.of(d.onTrackTolerance(), d.exceededFrom(), d.basicallyAchievedFrom(),
                d.striveBasicallyAchievedFrom(), d.implausibleAbove(), d.yellowLagFrom(), d.redLagFrom()))
                .containsExactly(0.10, 1.10, 0.90, 0.80, 5.0, 10.0, 30.0);
        assertThat(List.of(d.staleAfterDays(), d.redDeadlineDays(), d.unreviewedAfterDays()))
                .containsExactly(90, 3, 14);
    }

    @Test
    void givenTextInANumberCell_thenTheProblemNamesSheetRowColumnAndTheText() throws Exception {
        Problem p = only("text-in-a-number-cell.xlsx");
        assertThat(p.sheet()).isEqualTo("policy");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(3);
        assertThat(p.message()).isEqualTo("onTrackTolerance must be a number from 0 to 1, found text '10%' (cell C2)");
        assertThat(p.toString()).startsWith("plancheck/policy.xlsx[policy]:2:3: ");
    }

    @Test
    void givenAFractionOfADay_thenItIsRefusedNotCut() throws Exception {
        Problem p = only("fraction-of-a-day.xlsx");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(7);
        assertThat(p.message()).isEqualTo("staleAfterDays must be a whole number of days, found 30.5 (cell G3)");
    }

    @Test
    void givenAToleranceAboveOne_thenItIsOutOfRange() throws Exception {
        assertThat(only("tolerance-out-of-range.xlsx").message())
                .isEqualTo("onTrackTolerance must be a number from 0 to 1, found 1.5 (cell C2)");
    }

    @Test
    void givenAnUnknownColumn_thenTheHeaderCellAndTheMissingThresholdAreNamed() throws Exception {
        List<Problem> problems = problems("unknown-column.xlsx");
        assertThat(problems).extracting(Problem::line).containsOnly(1);
        assertThat(problems.get(0).column()).isEqualTo(3);
        assertThat(problems.get(0).message()).startsWith("unknown column 'tolerance'; expected one of ");
        assertThat(problems).extracting(Problem::message).contains("column onTrackTolerance is missing");
    }

    @Test
    void givenTwoRowsForOneDistrict_thenTheSecondIsRefused() throws Exception {
        Problem p = only("two-rows-for-one-district.xlsx");
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.message()).startsWith("a second row for district futian and category null");
    }

    @Test
    void givenAStriveFractionAboveTheBasicOne_thenTheRowIsRefused() throws Exception {
        Problem p = only("strive-above-basically-achieved.xlsx");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(6);
        assertThat(p.message()).contains("striveBasicallyAchievedFrom 0.95 is above basicallyAchievedFrom 0.9");
    }

    @Test
    void givenADefaultsRowWithAnEmptyThreshold_thenItIsMissing() throws Exception {
        Problem p = only("defaults-row-missing-a-threshold.xlsx");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(11);
        assertThat(p.message()).startsWith("redLagFrom is missing: the defaults row gives every threshold");
    }

    @Test
    void givenADistrictNameInsteadOfItsId_thenItIsRefused() throws Exception {
        Problem p = only("district-name-not-id.xlsx");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(1);
        assertThat(p.message()).startsWith("district '福田区' is not a district id");
    }

    @Test
    void givenATextFileNamedXlsx_thenItIsNotAWorkbook() throws Exception {
        Problem p = only("not-a-workbook.xlsx");
        assertThat(p.line()).isZero();
        assertThat(p.message()).isEqualTo("not an .xlsx workbook");
    }

    @Test
    void givenNoSheetInTheRulesFolder_thenTheRulesDoNotCompile() {
        var files = new java.util.TreeMap<>(RuleSources.read(Fixtures.RULES));
        files.remove(PolicySheet.PATH);
        RuleBase.Compilation c = RuleBase.compile(files);
        assertThat(c.ruleBase()).isNull();
        assertThat(c.problems()).extracting(Problem::toString)
                .contains("plancheck/policy.xlsx:0: the policy sheet is missing: every threshold the rules use is in"
                        + " it");
    }
}
