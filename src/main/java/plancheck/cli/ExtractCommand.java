package plancheck.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import plancheck.ingest.ImportJson;
import plancheck.ingest.MetricVocabulary;
import plancheck.ingest.ReportImporter;
import plancheck.store.Json;

/**
 * {@code extract FILE}: prints the commitments and results proposed from a report's text (the candidates
 * {@code POST /api/imports} keeps as a draft), storing nothing.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Propose commitments (plan section) and results (summary section) from a work report's"
                + " plain text (UTF-8). Prints JSON; stores nothing.")
public final class ExtractCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the report as UTF-8 text")
    Path file;

    @Option(names = "--district", paramLabel = "ID", description = "district id, e.g. guanhu; default: the 街道 the"
            + " text names most")
    String district;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            spec.commandLine().getErr().println("extract: " + file + " is not UTF-8 text");
            return 1;
        } catch (IOException e) {
            spec.commandLine().getErr().println("extract: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        ReportImporter importer = new ReportImporter(MetricVocabulary.load());
        var report = importer.importText(text, district, file.getFileName().toString());
        try {
            spec.commandLine().getOut().println(Json.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(ImportJson.tree(report, Json.MAPPER)));
        } catch (IOException e) {
            spec.commandLine().getErr().println("extract: " + e.getMessage());
            return 1;
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
