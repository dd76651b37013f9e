package plancheck.http;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static plancheck.http.Harness.assertProblem;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;

import plancheck.store.Json;

@ExtendWith(VertxExtension.class)
class ImportApiTest {

    private static final Path SEEDS = Path.of("data", "seeds");
    /** A stored 2024 commitment of 凤凰街道 that the 2024 summary of seed 003 reports on (新增托位287个). */
    private static final String CHILDCARE_2024 = """
            {"id": "import-test-childcare-2024", "district": "fenghuang", "districtName": "凤凰街道", "year": 2024,
             "title": "新增托位", "kind": "AT_LEAST", "metric": "childcare_places", "unit": "个", "target": 200,
             "assumed": ["target"]}
            """;

    @TempDir
    static Path data;
    static Harness h;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        h = Harness.start(vertx, data);
        Harness.Answer created = h.call(POST, "/api/commitments", CHILDCARE_2024, "createCommitment");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    private static String body(String text, String district) throws Exception {
        var node = Json.MAPPER.createObjectNode().put("text", text).put("document", "report.txt");
        if (district != null) {
            node.put("district", district);
        }
        return Json.MAPPER.writeValueAsString(node);
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    @Test
    void givenThePlanOfSeed004WhenImportedThenADraftIsKeptWhoseSpansPointAtTheQuotesInItsTextAndNoCommitmentIsStored()
            throws Exception {
        String text = Files.readString(SEEDS.resolve("004_fa4dcfe65d210400.txt"));
        String before = h.call(GET, "/api/commitments?limit=1000", null, "listCommitments").text();

        Harness.Answer a = h.call(POST, "/api/imports", body(text, null), "importReport");

        assertThat(a.status()).as(a.text()).isEqualTo(201);
        String id = a.json().get("id").asText();
        assertThat(a.json().get("planYear").asInt()).isEqualTo(2023);
        assertThat(a.json().get("summaryYear").asInt()).isEqualTo(2022);
        assertThat(a.json().get("district").asText()).isEqualTo("guanhu");
        assertThat(a.json().get("document").asText()).isEqualTo("report.txt");
        JsonNode places = list(a.json().get("commitments")).stream().map(c -> c.get("commitment"))
                .filter(c -> "school_places_primary_middle".equals(c.path("metric").asText())).findFirst().orElseThrow();
        assertThat(places.get("target").asInt()).isEqualTo(1480);
        assertThat(places.get("district").asText()).isEqualTo("guanhu");
        assertThat(places.get("source").get("document").asText()).isEqualTo("report.txt");
        assertThat(places.get("source").get("importId").asText()).isEqualTo(id);
        Harness.Answer kept = h.call(GET, "/api/imports/" + id, null, "getImport");
        assertThat(kept.json()).isEqualTo(a.json());
        Harness.Answer stored = h.call(GET, "/api/imports/" + id + "/text", null, "getImportText");
        assertThat(stored.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(stored.text()).isEqualTo(text);
        for (JsonNode c : list(a.json().get("commitments"))) {
            int start = c.get("span").get("start").asInt();
            int end = c.get("span").get("end").asInt();
            assertThat(text.substring(start, end)).isEqualTo(c.get("quote").asText());
            assertThat(c.get("commitment").get("source").get("span")).isEqualTo(c.get("span"));
        }
        assertThat(h.call(GET, "/api/commitments?limit=1000", null, "listCommitments").text()).isEqualTo(before);
    }

    @Test
    void givenAStoredCommitmentOfTheSummaryYearWhenImportingThenTheResultIsLinkedToIt() throws Exception {
        String text = Files.readString(SEEDS.resolve("003_af213d65b87cb190.txt"));

        Harness.Answer a = h.call(POST, "/api/imports", body(text, "fenghuang"), "importReport");

        assertThat(a.status()).as(a.text()).isEqualTo(201);
        JsonNode childcare = list(a.json().get("results")).stream()
                .filter(r -> "childcare_places".equals(r.path("metric").asText())).findFirst().orElseThrow();
        assertThat(childcare.get("result").get("value").asInt()).isEqualTo(287);
        assertThat(childcare.get("year").asInt()).isEqualTo(2024);
        assertThat(childcare.get("result").get("commitmentId").asText()).isEqualTo("import-test-childcare-2024");
        assertThat(childcare.has("unlinked")).isFalse();
        assertThat(childcare.get("result").get("evidence").get("quote").asText()).contains("新增托位287个");
        JsonNode schools = list(a.json().get("results")).stream()
                .filter(r -> "school_places".equals(r.path("metric").asText())).findFirst().orElseThrow();
        assertThat(schools.get("result").get("value").asInt()).isEqualTo(2730);
        assertThat(schools.get("result").has("commitmentId")).isFalse();
        assertThat(schools.get("unlinked").asText()).contains("fenghuang 2024").contains("school_places");
    }

    @Test
    void givenTextWithoutAPlanSectionThenTheAnswerIsEmptyWithTheReason() throws Exception {
        String text = Files.readString(SEEDS.resolve("001_50ffda074b4495d5.txt"));

        Harness.Answer a = h.call(POST, "/api/imports", body(text, "maluan"), "importReport");

        assertThat(a.status()).as(a.text()).isEqualTo(201);
        assertThat(a.json().get("commitments")).isEmpty();
        assertThat(a.json().has("planYear")).isFalse();
        assertThat(a.json().get("skipped").findValuesAsText("reason")).anyMatch(r -> r.contains("no plan section"));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvFileSource(resources = "/broken/import/cases.csv")
    void givenABrokenImportRequestThenAProblemNamesTheField(String file, int status, String field) throws Exception {
        byte[] body;
        try (InputStream in = ImportApiTest.class.getResourceAsStream("/broken/import/" + file)) {
            body = in.readAllBytes();
        }
        HttpResponse<Buffer> r = Harness.await(h.client.post("/api/imports").bearerTokenAuthentication(h.adminToken)
                .putHeader("content-type", "application/json").sendBuffer(Buffer.buffer(body)));
        Harness.Answer a = new Harness.Answer(r.statusCode(), r.getHeader("content-type"),
                Json.MAPPER.readTree(r.body().getBytes()), r.bodyAsString());

        assertProblem(a, status, field.isEmpty() ? null : field);
    }

    @Test
    void givenA20MegabyteBodyThenItIsRefusedWith413() throws Exception {
        String huge = body("二、2023年工作计划\n" + "新增托位200个以上。".repeat(2_000_000), null);
        assertThat(huge.length()).isGreaterThan(20_000_000);

        Harness.Answer a = h.call(POST, "/api/imports", huge, "importReport");

        assertProblem(a, 413, null);
    }

    @Test
    void givenAReportOfMoreThanOneMegabyteThenItIsImportedDespiteTheApiBodyLimit() throws Exception {
        String report = Files.readString(SEEDS.resolve("004_fa4dcfe65d210400.txt"));
        String text = report.repeat(1 + (1 << 20) / report.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        String big = body(text, "guanhu");
        assertThat(big.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(1 << 20);

        Harness.Answer a = h.call(POST, "/api/imports", big, "importReport");

        assertThat(a.status()).as(a.text()).isEqualTo(201);
        assertThat(a.json().get("commitments").size()).isPositive();
        assertThat(h.call(GET, "/api/imports/" + a.json().get("id").asText() + "/text", null, "getImportText").text())
                .isEqualTo(text);
    }
}
