package plancheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

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
    void givenNoFolder_whenChecked_thenExitTwo() {
        Run r = run("rules", "check", "no/such/folder");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is not a folder");
    }
}
