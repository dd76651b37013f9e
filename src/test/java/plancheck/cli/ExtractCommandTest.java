package plancheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;
import plancheck.store.Json;

class ExtractCommandTest {

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
    void givenASeedReportWhenExtractingThenTheImportJsonIsPrinted() throws Exception {
        Run r = run("extract", "data/seeds/003_af213d65b87cb190.txt", "--district", "fenghuang");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertThat(json.get("planYear").asInt()).isEqualTo(2025);
        assertThat(json.get("commitments").findValuesAsText("district")).containsOnly("fenghuang");
        assertThat(json.get("commitments").findValuesAsText("quote")).contains("推动新增托位200个以上");
        assertThat(json.get("commitments").get(0).get("source").get("document").asText())
                .isEqualTo("003_af213d65b87cb190.txt");
    }

    @Test
    void givenAFileThatIsNotUtf8ThenTheCommandFailsWithAMessage(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.txt");
        Files.write(bad, new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});

        Run r = run("extract", bad.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("not UTF-8");
    }

    @Test
    void givenAMissingFileThenTheCommandFailsWithAMessage(@TempDir Path dir) {
        Run r = run("extract", dir.resolve("none.txt").toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("cannot read");
    }
}
