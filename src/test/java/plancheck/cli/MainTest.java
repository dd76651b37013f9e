package plancheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import plancheck.Config;

class MainTest {

    @Test
    void givenServeHelpThenEveryOptionIsListed() {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("serve", "--help");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("--port", "--host", "--data", "--rules", "--jdbc-url", "--jdbc-user",
                "--jdbc-password", "--partitions", "--max-body-bytes", "plancheck-data");
    }

    @Test
    void givenFlagsThenTheyOverrideTheDefaults() {
        CommandLine cli = Main.commandLine();
        CommandLine.ParseResult parsed = cli.parseArgs("serve", "--port", "9090", "--data", "/tmp/x");
        ServeCommand serve = (ServeCommand) parsed.subcommand().commandSpec().userObject();
        Config config = serve.config();
        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.data()).isEqualTo(Path.of("/tmp/x"));
        assertThat(config.rules()).isEqualTo(Config.defaults().rules());
    }

    @Test
    void givenEnvironmentVariablesThenTheyOverrideTheBuiltInDefaults() {
        Config config = Config.fromEnvironment(Map.of("PLANCHECK_PORT", "7070", "PLANCHECK_JDBC_URL",
                "jdbc:postgresql://db/plancheck"));
        assertThat(config.port()).isEqualTo(7070);
        assertThat(config.effectiveJdbcUrl()).isEqualTo("jdbc:postgresql://db/plancheck");
        assertThat(Config.defaults().effectiveJdbcUrl()).startsWith("jdbc:h2:file:").contains("plancheck-data");
    }
}
