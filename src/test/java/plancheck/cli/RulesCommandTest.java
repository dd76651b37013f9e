package plancheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class RulesCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void givenTheShippedRules_whenChecked_thenExitZeroWithTheRevision() {
        Run r = run("rules", "check", "rules");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("ok: revision [0-9a-f]{16}, 3 files, \\d+ rules");
    }

    @Test
    void givenARuleNamingAMissingProperty_whenChecked_thenExitOneNamingFileLineAndColumn() {
        Run r = run("rules", "check", "src/test/resources/rules-broken");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("plancheck/status/broken.drl:11:").contains("noSuchProperty")
                .contains("1 error(s)");
    }

    @Test
    void givenAPolicySheetWithTextInANumberCell_whenChecked_thenExitOneNamingSheetRowAndColumn(@TempDir Path dir)
            throws Exception {
        for (String f : List.of("plancheck/status/decide.drl", "plancheck/status/warn.drl")) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.copy(Path.of("rules").resolve(f), dir.resolve(f));
        }
        Files.copy(Path.of("src/test/resources/broken/policy/text-in-a-number-cell.xlsx"),
                dir.resolve("plancheck/policy.xlsx"));
        Run r = run("rules", "check", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("plancheck/policy.xlsx[policy]:2:3: onTrackTolerance must be a number from 0 to 1,"
                + " found text '10%' (cell C2)").contains("1 error(s)");
    }

    @Test
    void givenNoFolder_whenChecked_thenExitTwo() {
        Run r = run("rules", "check", "no/such/folder");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is not a folder");
    }
}
