package plancheck.http;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static plancheck.http.Harness.assertProblem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;

import plancheck.ledger.Column;
import plancheck.ledger.Layout;

/** The 台账 import: header variants, row errors, broken files refused whole, and export → import round trips. */
@ExtendWith(VertxExtension.class)
class LedgerImportTest {

    private static final String XLSX = LedgerRoutes.XLSX;
    private static final String IMPORT = "/api/ledger/import?district=fenghuang&year=2025";
    private static final List<String> COMMITMENTS = List.of("""
            {"id": "a-childcare", "district": "fenghuang", "year": 2025, "category": "民生", "title": "新增托位200个以上",
             "kind": "AT_LEAST", "metric": "childcare_places", "unit": "个", "target": 200, "owner": "社会事务办",
             "lead": "张三", "source": {"document": "003", "quote": "新增托位200个以上"}}""", """
            {"id": "b-tower", "district": "fenghuang", "year": 2025, "category": "经济", "title": "科达利总部大厦开工建设",
             "kind": "MILESTONE", "stage": "STARTED", "deadline": "2025-09-30", "owner": "经济服务办",
             "source": {"document": "003", "quote": "科达利总部大厦开工建设"}}""", """
            {"id": "c-volunteers", "district": "fenghuang", "year": 2025, "category": "民生",
             "title": "成立街道志愿者联合会", "kind": "BINARY", "deadline": "2025-03-31", "owner": "社会事务办",
             "source": {"document": "003", "quote": "成立街道志愿者联合会"}}""");
    /** What a round trip must keep of a commitment. */
    private static final List<String> TERMS = List.of("district", "year", "category", "title", "kind", "unit",
            "target", "stage", "deadline", "owner", "lead");

    @TempDir
    static Path data;
    @TempDir
    static Path other;
    static Harness h;
    static Harness fresh;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        h = Harness.start(vertx, data);
        fresh = Harness.start(vertx, other);
        for (String c : COMMITMENTS) {
            assertThat(h.call(POST, "/api/commitments", c, "createCommitment").status()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        h.close();
        fresh.close();
    }

    @ParameterizedTest(name = "{0} → {2}")
    @CsvFileSource(resources = "/broken/ledger/cases.csv", numLinesToSkip = 1)
    void givenABrokenFileThenItIsRefusedWholeAndNothingIsKept(String file, String type, int status, String problem,
            String field) throws Exception {
        byte[] body = Files.readAllBytes(Path.of("src/test/resources/broken/ledger", file));
        int before = fresh.call(GET, "/api/commitments", null, "listCommitments").json().get("total").asInt();
        Harness.Answer a = fresh.send(POST, IMPORT, body, type, "importLedger");
        assertProblem(a, status, field);
        assertThat(a.json().get("type").asText()).endsWith("/" + problem);
        assertThat(fresh.call(GET, "/api/commitments", null, "listCommitments").json().get("total").asInt())
                .isEqualTo(before);
    }

    @Test
    void givenAnUploadOverTheLedgerBodyLimitThenItIs413AndNothingIsKept() throws Exception {
        // the test server takes 台账 uploads up to 1 MiB (Harness.LIMITS) and JSON bodies up to 64 KiB
        StringBuilder csv = new StringBuilder("序号,任务内容\n");
        for (int i = 1; csv.length() < 200_000; i++) {
            csv.append(i).append(",新增托位200个以上\n");
        }
        byte[] within = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(within.length).isBetween(64 * 1024, 1 << 20);
        assertProblem(fresh.send(POST, IMPORT, within, "text/csv", "importLedger"), 413, "csv!row 52");
        byte[] over = new byte[(1 << 20) + 1];
        java.util.Arrays.fill(over, (byte) 'a');
        int before = fresh.call(GET, "/api/commitments", null, "listCommitments").json().get("total").asInt();
        Harness.Answer a = fresh.send(POST, IMPORT, over, "text/csv", "importLedger");
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(fresh.call(GET, "/api/commitments", null, "listCommitments").json().get("total").asInt())
                .isEqualTo(before);
    }

    @Test
    void givenAnotherContentTypeThenTheImportIs415() throws Exception {
        byte[] csv = "序号,任务内容\n1,新增托位200个以上\n".getBytes(StandardCharsets.UTF_8);
        assertProblem(fresh.send(POST, IMPORT, csv, "application/json", "importLedger"), 415, "content-type");
        assertProblem(fresh.send(POST, IMPORT, csv, "application/vnd.ms-excel", "importLedger"), 415,
                "content-type");
        assertProblem(fresh.send(POST, IMPORT, csv, null, "importLedger"), 415, "content-type");
    }

    @Test
    void givenNoDistrictOrAnUnknownOneOrNoYearThenTheImportIs400() throws Exception {
        byte[] csv = "序号,任务内容\n1,新增托位200个以上\n".getBytes(StandardCharsets.UTF_8);
        assertProblem(fresh.send(POST, "/api/ledger/import?year=2025", csv, "text/csv", "importLedger"), 400,
                "district");
        assertProblem(fresh.send(POST, "/api/ledger/import?district=atlantis&year=2025", csv, "text/csv",
                "importLedger"), 400, "district");
        assertProblem(fresh.send(POST, "/api/ledger/import?district=fenghuang", csv, "text/csv", "importLedger"),
                400, "year");
    }

    static Stream<Arguments> variants() {
        Layout layout = Layout.load();
        List<Arguments> out = new ArrayList<>();
        for (Column c : List.of(Column.NUMBER, Column.TASK, Column.OWNER, Column.DEADLINE, Column.LEAD,
                Column.CATEGORY, Column.PROGRESS)) {
            for (String name : layout.names(c)) {
                out.add(Arguments.of(c, name));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} is {0}")
    @MethodSource("variants")
    void givenAHeaderVariantThenItsColumnIsRecognised(Column column, String name) throws Exception {
        Layout layout = Layout.load();
        List<String> headers = new ArrayList<>(List.of(layout.header(Column.NUMBER), layout.header(Column.TASK),
                layout.header(Column.OWNER), layout.header(Column.DEADLINE), layout.header(Column.LEAD),
                layout.header(Column.CATEGORY), layout.header(Column.PROGRESS)));
        headers.set(List.of(Column.NUMBER, Column.TASK, Column.OWNER, Column.DEADLINE, Column.LEAD, Column.CATEGORY,
                Column.PROGRESS).indexOf(column), name);
        String csv = String.join(",", headers) + "\n1,新增托位200个以上,社会事务办,2025-10-31,张三,民生,2025-06-30：120个\n";
        Harness.Answer a = fresh.send(POST, IMPORT, csv.getBytes(StandardCharsets.UTF_8), "text/csv", "importLedger");
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        assertThat(a.json().get("errors")).isEmpty();
        JsonNode c = a.json().get("draft").get("commitments").get(0).get("commitment");
        assertThat(c.get("title").asText()).isEqualTo("新增托位200个以上");
        assertThat(c.get("target").asDouble()).isEqualTo(200);
        assertThat(c.get("owner").asText()).isEqualTo("社会事务办");
        assertThat(c.get("deadline").asText()).isEqualTo("2025-10-31");
        assertThat(c.get("lead").asText()).isEqualTo("张三");
        assertThat(c.get("category").asText()).isEqualTo("民生");
    }

    @Test
    void givenRowsThatCannotBeReadThenEachIsARowErrorAndTheOthersAreProposed() throws Exception {
        String csv = "编号,工作任务,时间节点\n1,新增托位200个以上,2025-10-31\n2,,2025-10-31\n3,成立街道志愿者联合会,十月底\n";
        Harness.Answer a = fresh.send(POST, IMPORT, csv.getBytes(StandardCharsets.UTF_8), "text/csv", "importLedger");
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        assertThat(a.json().get("rows").asInt()).isEqualTo(3);
        assertThat(a.json().get("draft").get("commitments")).hasSize(1);
        JsonNode errors = a.json().get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).toString()).isEqualTo(
                "{\"sheet\":\"csv\",\"row\":3,\"column\":\"任务内容\",\"reason\":\"empty: every row needs its task\"}");
        assertThat(errors.get(1).get("row").asInt()).isEqualTo(4);
        assertThat(errors.get(1).get("column").asText()).isEqualTo("完成时限");
        assertThat(a.json().get("draft").get("skipped").findValuesAsText("reason")).hasSize(2);
    }

    @Test
    void givenAnExportedWorkbookThenImportingAndAcceptingItElsewhereGivesTheSameCommitments() throws Exception {
        roundTrip("/api/ledger.xlsx", XLSX);
    }

    @Test
    void givenAnExportedCsvThenImportingAndAcceptingItElsewhereGivesTheSameCommitments() throws Exception {
        roundTrip("/api/ledger.csv", "text/csv");
    }

    @Test
    void givenAnExportImportedWhereItCameFromThenEveryRowIsItsCommitmentUnchanged() throws Exception {
        Harness.Answer a = h.send(POST, IMPORT, download(h, "/api/ledger.xlsx"), XLSX, "importLedger");
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        assertThat(a.json().get("draft").get("commitments")).isEmpty();
        List<String> unchanged = new ArrayList<>();
        a.json().get("preview").forEach(p -> unchanged.add(p.get("outcome").asText() + " " + p.get("commitmentId")
                .asText()));
        assertThat(unchanged).containsExactly("UNCHANGED a-childcare", "UNCHANGED b-tower", "UNCHANGED c-volunteers");
    }

    @Test
    void givenACadenceColumnThenANewCommitmentTakesItAndAnUnknownWordIsARowError() throws Exception {
        String csv = "序号,任务内容,报送频次\n1,新增托位200个以上,每季度\n2,成立街道志愿者联合会,每周\n";
        Harness.Answer a = fresh.send(POST, IMPORT, csv.getBytes(StandardCharsets.UTF_8), "text/csv", "importLedger");
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        assertThat(a.json().get("draft").get("commitments").get(0).get("commitment").get("cadence").asText())
                .isEqualTo("QUARTERLY");
        assertThat(a.json().get("errors").get(0).get("column").asText()).isEqualTo("报送频次");
        assertThat(a.json().get("counts").toString()).isEqualTo("{\"NEW\":1,\"UNCHANGED\":0,\"REVISED\":0,\"ERROR\":1}");
    }

    private static void roundTrip(String export, String type) throws Exception {
        Path folder = Files.createTempDirectory(other, "round");
        try (Harness target = Harness.start(h.vertx, folder)) {
            Harness.Answer a = target.send(POST, IMPORT, download(h, export), type, "importLedger");
            assertThat(a.status()).as(a.text()).isEqualTo(201);
            assertThat(a.json().get("errors")).isEmpty();
            List<String> ids = new ArrayList<>();
            a.json().get("draft").get("commitments").forEach(c -> ids.add(c.get("id").asText()));
            String accept = "{\"commitments\": [\"" + String.join("\", \"", ids) + "\"]}";
            Harness.Answer accepted = target.call(POST, "/api/imports/" + a.json().get("draft").get("id").asText()
                    + "/accept", accept, "acceptImport");
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
            assertThat(terms(target)).isEqualTo(terms(h));
        }
    }

    /** The terms of every live commitment, ordered by title. */
    private static List<String> terms(Harness server) throws Exception {
        JsonNode items = server.call(GET, "/api/commitments", null, "listCommitments").json().get("items");
        List<String> out = new ArrayList<>();
        for (JsonNode c : items) {
            StringBuilder t = new StringBuilder();
            for (String f : TERMS) {
                t.append(f).append('=').append(c.has(f) ? c.get(f).asText() : "").append(';');
            }
            out.add(t.toString());
        }
        out.sort(null);
        return out;
    }

    private static byte[] download(Harness server, String uri) throws Exception {
        return server.download(uri);
    }
}
