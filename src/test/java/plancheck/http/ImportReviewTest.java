package plancheck.http;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static plancheck.http.Harness.assertProblem;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import io.vertx.junit5.VertxExtension;

import plancheck.store.Json;

/** Reviewing an import: the kept draft, accepting candidates as proposed or edited, and refused accepts. */
@ExtendWith(VertxExtension.class)
class ImportReviewTest {

    /**
     * A half-year report: its summary reports on the plan year itself, so its result measures a commitment of the
     * same import. The page number line and the broken line are PDF extraction marks the spans must survive.
     */
    static final String REPORT = """
            一、2025年上半年工作总结
            新增托位120个，建成鹭湖网球馆。
            - 3 -
            二、2025年下半年工作计划
            推动新增托位200
            个以上。
            成立街道志愿者联合会。
            """;

    @TempDir
    static Path data;
    static Harness h;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        h = Harness.start(vertx, data);
        importer = h.userToken("importer", plancheck.domain.Role.ADMIN, null, null);
        reviewer = h.userToken("reviewer", plancheck.domain.Role.ADMIN, null, null);
    }

    private static String importer;
    private static String reviewer;

    @AfterAll
    static void stop() {
        h.close();
    }

    /** Imports the report for a district of its own, so the tests' commitments do not meet. */
    static JsonNode draft(String district) throws Exception {
        String body = Json.MAPPER.writeValueAsString(Json.MAPPER.createObjectNode().put("text", REPORT)
                .put("district", district).put("document", "half-year.txt"));
        Harness.Answer a = h.call(POST, "/api/imports", body, "importReport", Harness.as(importer));
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        return a.json();
    }

    static Harness.Answer accept(String importId, String body) throws Exception {
        return h.call(POST, "/api/imports/" + importId + "/accept", body, "acceptImport",
                Harness.as(reviewer));
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static String whitespaceless(String s) {
        return s.replaceAll("\\s+", "");
    }

    @Test
    void givenADraftWhenReadThenItKeepsDocumentDistrictAuthorAndCandidateIds() throws Exception {
        JsonNode d = draft("review-read");

        Harness.Answer read = h.call(GET, "/api/imports/" + d.get("id").asText(), null, "getImport");

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("document").asText()).isEqualTo("half-year.txt");
        assertThat(read.json().get("district").asText()).isEqualTo("review-read");
        assertThat(read.json().get("createdBy").asText()).isEqualTo("importer");
        assertThat(read.json().get("textLength").asInt()).isEqualTo(REPORT.length());
        assertThat(list(read.json().get("commitments"))).extracting(c -> c.get("id").asText())
                .containsExactly("c1", "c2");
        assertThat(list(read.json().get("results"))).extracting(c -> c.get("id").asText())
                .containsExactly("r1", "r2");
    }

    @Test
    void givenAnAcceptedCandidateThenItsSourceSpanPointsAtTheQuoteInTheKeptText() throws Exception {
        JsonNode d = draft("review-span");
        String id = d.get("id").asText();

        Harness.Answer a = accept(id, "{\"commitments\": [\"c1\", \"c2\"]}");

        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json().get("counts").get("STORED").asInt()).isEqualTo(2);
        String text = h.call(GET, "/api/imports/" + id + "/text", null, "getImportText").text();
        for (JsonNode outcome : list(a.json().get("commitments"))) {
            JsonNode c = h.call(GET, "/api/commitments/" + outcome.get("commitmentId").asText(), null,
                    "getCommitment").json();
            JsonNode source = c.get("source");
            assertThat(source.get("importId").asText()).isEqualTo(id);
            assertThat(source.get("document").asText()).isEqualTo("half-year.txt");
            assertThat(c.get("revision").asInt()).isEqualTo(1);
            String atSpan = text.substring(source.get("span").get("start").asInt(),
                    source.get("span").get("end").asInt());
            assertThat(whitespaceless(atSpan)).isEqualTo(whitespaceless(source.get("quote").asText()));
        }
        JsonNode childcare = h.call(GET, "/api/commitments/" + a.json().get("commitments").get(0)
                .get("commitmentId").asText(), null, "getCommitment").json();
        assertThat(childcare.get("source").get("quote").asText()).isEqualTo("推动新增托位200个以上");
        Harness.Answer revisions = h.call(GET, "/api/commitments/" + childcare.get("id").asText() + "/revisions",
                null, "listRevisions");
        assertThat(revisions.json().get("revisions").get(0).get("by").asText()).isEqualTo("reviewer");
    }

    @Test
    void givenACandidateAcceptedTwiceThenTheSecondAnswerNamesTheSameCommitmentAndNothingIsStoredAgain()
            throws Exception {
        String id = draft("review-twice").get("id").asText();
        Harness.Answer first = accept(id, "{\"commitments\": [\"c1\"]}");
        String listed = h.call(GET, "/api/commitments?district=review-twice", null, "listCommitments").text();

        Harness.Answer second = accept(id, "{\"commitments\": [\"c1\"]}");

        assertThat(second.status()).isEqualTo(200);
        JsonNode again = second.json().get("commitments").get(0);
        assertThat(again.get("outcome").asText()).isEqualTo("ACCEPTED_BEFORE");
        assertThat(again.get("commitmentId")).isEqualTo(first.json().get("commitments").get(0).get("commitmentId"));
        assertThat(h.call(GET, "/api/commitments?district=review-twice", null, "listCommitments").text())
                .isEqualTo(listed);
        assertThat(h.call(GET, "/api/imports/" + id, null, "getImport").json().get("commitments").get(0)
                .get("accepted")).isEqualTo(again.get("commitmentId"));
    }

    @Test
    void givenManyAcceptsOfOneCandidateAtOnceThenItIsStoredOnceAndEveryAnswerNamesTheSameCommitment()
            throws Exception {
        String id = draft("review-race").get("id").asText();
        List<io.vertx.core.Future<io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer>>> sent =
                new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sent.add(h.client.post("/api/imports/" + id + "/accept").putHeader("content-type", "application/json")
                    .bearerTokenAuthentication(reviewer)
                    .sendBuffer(io.vertx.core.buffer.Buffer.buffer("{\"commitments\": [\"c1\"]}")));
        }
        List<JsonNode> answers = new java.util.ArrayList<>();
        for (var f : sent) {
            var r = Harness.await(f);
            assertThat(r.statusCode()).isEqualTo(200);
            answers.add(Json.MAPPER.readTree(r.body().getBytes()).get("commitments").get(0));
        }

        assertThat(answers).extracting(a -> a.get("outcome").asText()).containsOnlyOnce("STORED");
        assertThat(answers).extracting(a -> a.get("commitmentId").asText()).containsOnly(
                answers.get(0).get("commitmentId").asText());
        assertThat(h.call(GET, "/api/commitments?district=review-race", null, "listCommitments").json()
                .get("total").asInt()).isEqualTo(1);
    }

    @Test
    void givenTheSameReportImportedAgainThenItsCandidatesAreDuplicatesOfTheAcceptedOnes() throws Exception {
        String first = draft("review-again").get("id").asText();
        JsonNode stored = accept(first, "{\"commitments\": [\"c1\", \"c2\"]}").json().get("commitments");

        JsonNode second = draft("review-again");
        Harness.Answer a = accept(second.get("id").asText(), "{\"commitments\": [\"c1\", \"c2\"]}");

        assertThat(list(second.get("commitments"))).extracting(c -> c.get("duplicateOf").asText())
                .containsExactly(stored.get(0).get("commitmentId").asText(), stored.get(1).get("commitmentId").asText());
        assertThat(list(a.json().get("commitments"))).extracting(c -> c.get("outcome").asText())
                .containsExactly("DUPLICATE", "DUPLICATE");
        assertThat(h.call(GET, "/api/commitments?district=review-again", null, "listCommitments").json()
                .get("total").asInt()).isEqualTo(2);
    }

    @Test
    void givenAResultOfACommitmentAcceptedInTheSameCallThenItIsLinkedToItAndEvaluated() throws Exception {
        String id = draft("review-link").get("id").asText();

        Harness.Answer a = accept(id, """
                {"commitments": ["c1"],
                 "results": [{"id": "r1", "asOf": "2025-06-30", "note": "上半年"}, "r2"]}""");

        assertThat(a.status()).as(a.text()).isEqualTo(200);
        String commitment = a.json().get("commitments").get(0).get("commitmentId").asText();
        JsonNode r1 = a.json().get("results").get(0);
        assertThat(r1.get("outcome").asText()).isEqualTo("STORED");
        assertThat(r1.get("commitmentId").asText()).isEqualTo(commitment);
        JsonNode r2 = a.json().get("results").get(1);
        assertThat(r2.get("outcome").asText()).isEqualTo("NOT_LINKED");
        assertThat(r2.get("reason").asText()).contains("project_stage").contains("鹭湖网球馆");
        JsonNode results = h.call(GET, "/api/commitments/" + commitment + "/results", null, "listResults").json();
        assertThat(results).hasSize(1);
        assertThat(results.get(0).get("value").asInt()).isEqualTo(120);
        assertThat(results.get(0).get("id").asLong()).isEqualTo(r1.get("resultId").asLong());
        assertThat(results.get(0).get("evidence").get("quote").asText()).isEqualTo("新增托位120个");
        assertThat(results.get(0).get("reportedBy").asText()).isEqualTo("reviewer");
        JsonNode evaluation = h.call(GET, "/api/evaluations/" + commitment, null, "getEvaluation").json();
        assertThat(evaluation.get("progress").asDouble()).isEqualTo(0.6);
    }

    @Test
    void givenAResultNamingACandidateAcceptedBeforeThenItIsLinkedToThatCommitment() throws Exception {
        String id = draft("review-named").get("id").asText();
        String commitment = accept(id, "{\"commitments\": [\"c1\"]}").json().get("commitments").get(0)
                .get("commitmentId").asText();

        Harness.Answer a = accept(id, "{\"results\": [{\"id\": \"r1\", \"commitmentId\": \"c1\", \"asOf\": \"2025-06-30\"}]}");

        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.json().get("results").get(0).get("commitmentId").asText()).isEqualTo(commitment);
        assertThat(h.call(GET, "/api/imports/" + id, null, "getImport").json().get("results").get(0)
                .get("accepted").asLong()).isEqualTo(a.json().get("results").get(0).get("resultId").asLong());
    }

    @Test
    void givenACandidateAcceptedAndThenRetiredWhenAResultNamesItThenTheResultIsRefused() throws Exception {
        String id = draft("review-retired").get("id").asText();
        String commitment = accept(id, "{\"commitments\": [\"c1\"]}").json().get("commitments").get(0)
                .get("commitmentId").asText();
        assertThat(h.call(io.vertx.core.http.HttpMethod.DELETE, "/api/commitments/" + commitment + "?reason=typo",
                null, "retireCommitment").status()).isEqualTo(204);

        Harness.Answer a = accept(id, "{\"results\": [{\"id\": \"r1\", \"commitmentId\": \"c1\", \"asOf\": \"2025-06-30\"}]}");

        assertProblem(a, 400, "results[0].commitmentId");
        assertThat(h.call(GET, "/api/commitments/" + commitment + "/results", null, "listResults").json()).isEmpty();
    }

    @Test
    void givenEditedFieldsThenTheyOverrideTheCandidates() throws Exception {
        String id = draft("review-edit").get("id").asText();

        Harness.Answer a = accept(id, """
                {"commitments": [{"id": "c1", "target": 250, "owner": "社区事务办", "year": 2026}]}""");

        assertThat(a.status()).as(a.text()).isEqualTo(200);
        JsonNode c = h.call(GET, "/api/commitments/" + a.json().get("commitments").get(0).get("commitmentId")
                .asText(), null, "getCommitment").json();
        assertThat(c.get("target").asInt()).isEqualTo(250);
        assertThat(c.get("owner").asText()).isEqualTo("社区事务办");
        assertThat(c.get("year").asInt()).isEqualTo(2026);
        assertThat(c.get("metric").asText()).isEqualTo("childcare_places");
        assertThat(c.get("source").get("quote").asText()).isEqualTo("推动新增托位200个以上");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvFileSource(resources = "/broken/accept/cases.csv")
    void givenABrokenAcceptBodyThenAProblemNamesTheFieldAndNothingChanges(String file, int status, String field)
            throws Exception {
        String id = draft("review-broken").get("id").asText();
        String body;
        try (InputStream in = ImportReviewTest.class.getResourceAsStream("/broken/accept/" + file)) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String commitments = h.call(GET, "/api/commitments?district=review-broken", null, "listCommitments").text();
        String before = h.call(GET, "/api/imports/" + id, null, "getImport").text();

        Harness.Answer a = accept(id, body);

        assertProblem(a, status, field.isEmpty() ? null : field);
        assertThat(h.call(GET, "/api/commitments?district=review-broken", null, "listCommitments").text())
                .isEqualTo(commitments);
        assertThat(h.call(GET, "/api/imports/" + id, null, "getImport").text()).isEqualTo(before);
    }

    @Test
    void givenAnUnknownImportThenReadingOrAcceptingItIs404() throws Exception {
        assertProblem(h.call(GET, "/api/imports/imp-none", null, "getImport"), 404, "id");
        assertProblem(h.call(GET, "/api/imports/imp-none/text", null, "getImportText"), 404, "id");
        assertProblem(accept("imp-none", "{\"commitments\": [\"c1\"]}"), 404, "id");
    }

    @Test
    void givenASeedIdThenItsTextIsServedAndHoldsTheQuotesOfTheDataSet() throws Exception {
        Harness.Answer byId = h.call(GET, "/api/documents/003_af213d65b87cb190", null, "getDocument");
        Harness.Answer byFile = h.call(GET, "/api/documents/003_af213d65b87cb190.txt", null, "getDocument");

        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(byFile.text()).isEqualTo(byId.text());
        assertThat(byId.text()).isEqualTo(java.nio.file.Files.readString(Path.of("data/seeds/003_af213d65b87cb190.txt")));
        JsonNode dataSet = Json.MAPPER.readTree(Path.of("data/reference/003_af213d65b87cb190.json").toFile());
        for (JsonNode c : list(dataSet.get("commitments"))) {
            assertThat(whitespaceless(byFile.text())).contains(whitespaceless(c.get("source").get("quote").asText()));
        }
        assertProblem(h.call(GET, "/api/documents/999_nothing", null, "getDocument"), 404, "document");
        assertProblem(h.call(GET, "/api/documents/..%2Fmetrics.json", null, "getDocument"), 404, "document");
    }
}
