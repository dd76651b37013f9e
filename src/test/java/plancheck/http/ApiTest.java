package plancheck.http;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.PATCH;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;
import static org.assertj.core.api.Assertions.assertThat;
import static plancheck.http.Harness.assertProblem;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.junit5.VertxExtension;

import plancheck.domain.Role;
import plancheck.domain.Status;

@ExtendWith(VertxExtension.class)
class ApiTest {

    private static final String CHILDCARE = """
            {"id": "%s", "district": "fenghuang", "districtName": "凤凰街道", "year": 2025, "category": "民生",
             "title": "新增托位200个以上", "kind": "AT_LEAST", "metric": "childcare_places", "unit": "个",
             "target": 200, "source": {"document": "003", "section": "二、2025年工作计划", "quote": "新增托位200个以上"}}
            """;
    private static final String KEDALI = """
            {"id": "%s", "district": "guanhu", "districtName": "观湖街道", "year": 2025, "category": "城市建设",
             "title": "推动科达利总部大厦开工建设", "kind": "MILESTONE", "stage": "STARTED"}
            """;
    private static final String NUMERIC = "api-childcare";
    private static final String MILESTONE = "api-kedali";

    @TempDir
    static Path data;
    static Harness h;

    private static String planner;
    private static String duban;
    private static String office;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        h = Harness.start(vertx, data);
        planner = h.userToken("planner", Role.PLANNER, "fenghuang", null);
        duban = h.userToken("duban", Role.REVIEWER, "guangming", null);
        office = h.userToken("fenghuang-office", Role.EVALUATOR, "fenghuang", null);
        for (String body : new String[] {CHILDCARE.formatted(NUMERIC), KEDALI.formatted(MILESTONE)}) {
            Harness.Answer created = h.call(POST, "/api/commitments", body, "createCommitment");
            assertThat(created.status()).as(created.text()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void givenACommitmentWithoutIdWhenPostedThenItIsStoredWithAGeneratedIdAsRevisionOne() throws Exception {
        Harness.Answer created = h.call(POST, "/api/commitments", CHILDCARE.replace("\"id\": \"%s\", ", ""),
                "createCommitment", Harness.as(planner));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(id).isNotBlank();
        assertThat(created.json().get("revision").asInt()).isEqualTo(1);
        assertThat(created.text()).contains("\"target\":200,").doesNotContain("200.0");

        Harness.Answer read = h.call(GET, "/api/commitments/" + id, null, "getCommitment");
        assertThat(read.json()).isEqualTo(created.json());
        assertThat(read.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(read.json().get("title").asText()).isEqualTo("新增托位200个以上");
    }

    @Test
    void givenLongFreeTextThenItIsStoredWhole() throws Exception {
        String who = "督办".repeat(300);
        String body = CHILDCARE.formatted("long-text").replaceFirst("\\{", "{\"owner\": \"" + who + "\", ");
        Harness.Answer created = h.call(POST, "/api/commitments", body, "createCommitment");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("owner").asText()).isEqualTo(who);
    }

    @Test
    void givenABatchThenAllAreStoredAndListedByFilter() throws Exception {
        String batch = "[" + CHILDCARE.formatted("batch-a") + "," + KEDALI.formatted("batch-b") + "]";
        Harness.Answer created = h.call(POST, "/api/commitments/batch", batch, "createCommitments");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().findValuesAsText("id")).containsExactly("batch-a", "batch-b");

        Harness.Answer guanhu = h.call(GET, "/api/commitments?district=guanhu&year=2025&kind=MILESTONE&limit=1000",
                null, "listCommitments");
        assertThat(guanhu.json().get("items").findValuesAsText("district")).containsOnly("guanhu");
        assertThat(guanhu.json().get("items").findValuesAsText("id")).contains("batch-b", MILESTONE)
                .doesNotContain("batch-a");

        Harness.Answer page = h.call(GET, "/api/commitments?limit=1&offset=1", null, "listCommitments");
        assertThat(page.json().get("items")).hasSize(1);
        assertThat(page.json().get("offset").asInt()).isEqualTo(1);
        assertThat(page.json().get("total").asInt()).isGreaterThanOrEqualTo(4);

        Harness.Answer category = h.call(GET, "/api/commitments?category=" + encode("民生"), null, "listCommitments");
        assertThat(category.json().get("items").findValuesAsText("category")).isNotEmpty().containsOnly("民生");
    }

    @Test
    void givenATakenIdWhenPostedAgainThenConflictAndTheFirstStays() throws Exception {
        Harness.Answer again = h.call(POST, "/api/commitments", KEDALI.formatted(NUMERIC), "createCommitment");
        assertProblem(again, 409, "id");
        assertThat(h.call(GET, "/api/commitments/" + NUMERIC, null, "getCommitment").json().get("kind").asText())
                .isEqualTo("AT_LEAST");
    }

    @Test
    void givenAChangeWhenPutThenANewRevisionIsMadeAndTheOldOneStaysReadable() throws Exception {
        h.call(POST, "/api/commitments", CHILDCARE.formatted("revised"), "createCommitment");
        String body = CHILDCARE.formatted("revised").replace("\"target\": 200", "\"target\": 250")
                .replaceFirst("\\{", "{\"reason\": \"区里下达新指标\", ");
        Harness.Answer put = h.call(PUT, "/api/commitments/revised", body, "reviseCommitment", Harness.as(planner));
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(put.json().get("revision").asInt()).isEqualTo(2);
        assertThat(put.json().get("target").asInt()).isEqualTo(250);

        Harness.Answer history = h.call(GET, "/api/commitments/revised/revisions", null, "listRevisions");
        JsonNode revisions = history.json().get("revisions");
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(0).get("commitment").get("target").asInt()).isEqualTo(200);
        assertThat(revisions.get(0).has("reason")).isFalse();
        assertThat(revisions.get(1).get("reason").asText()).isEqualTo("区里下达新指标");
        assertThat(revisions.get(1).get("by").asText()).as("who the credential names").isEqualTo("planner");
        assertThat(revisions.get(1).get("at").asText()).startsWith("2025-06-30T");
    }

    @Test
    void givenResultsWhenTheKindWouldChangeThenThePutIsRefused() throws Exception {
        h.call(POST, "/api/commitments", CHILDCARE.formatted("kind-fixed"), "createCommitment");
        h.call(POST, "/api/commitments/kind-fixed/results", "{\"value\": 10, \"asOf\": \"2025-03-31\"}",
                "reportResult");
        String milestone = KEDALI.formatted("kind-fixed").replace("{", "{\"reason\": \"改为工程\", ");
        assertProblem(h.call(PUT, "/api/commitments/kind-fixed", milestone, "reviseCommitment"), 400, "kind");
    }

    @Test
    void givenARetiredCommitmentThenItLeavesListsAndEvaluationsButItsHistoryStays() throws Exception {
        h.call(POST, "/api/commitments", CHILDCARE.formatted("retired"), "createCommitment");
        h.call(POST, "/api/commitments/retired/results", "{\"value\": 10, \"asOf\": \"2025-03-31\"}", "reportResult");

        Harness.Answer deleted = h.call(DELETE, "/api/commitments/retired?reason=" + encode("并入区级任务"), null,
                "retireCommitment", Harness.as(duban));
        assertThat(deleted.status()).isEqualTo(204);

        assertProblem(h.call(GET, "/api/commitments/retired", null, "getCommitment"), 410, "id");
        assertProblem(h.call(GET, "/api/evaluations/retired", null, "getEvaluation"), 404, "commitmentId");
        assertProblem(h.call(DELETE, "/api/commitments/retired", null, "retireCommitment"), 409, "commitmentId");
        assertProblem(h.call(POST, "/api/commitments/retired/results", "{\"value\": 10, \"asOf\": \"2025-04-30\"}",
                "reportResult"), 409, "commitmentId");
        Harness.Answer history = h.call(GET, "/api/commitments/retired/revisions", null, "listRevisions");
        assertThat(history.json().get("retired").get("reason").asText()).isEqualTo("并入区级任务");
        assertThat(history.json().get("retired").get("by").asText()).isEqualTo("duban");
        assertThat(h.call(GET, "/api/commitments/retired/results", null, "listResults").json()).hasSize(1);
        assertThat(h.call(GET, "/api/commitments?limit=1000", null, "listCommitments").json().get("items")
                .findValuesAsText("id")).doesNotContain("retired");
    }

    @Test
    void givenAResultWhenPostedThenItIsStoredAndTheFreshEvaluationComesBack() throws Exception {
        h.call(POST, "/api/commitments", CHILDCARE.formatted("reported"), "createCommitment");
        JsonNode before = h.call(GET, "/api/evaluations/reported", null, "getEvaluation").json();
        assertThat(before.get("status").asText()).isEqualTo("NO_DATA");

        Harness.Answer posted = h.call(POST, "/api/commitments/reported/results",
                "{\"value\": 150, \"asOf\": \"2025-06-30\", \"evidence\": {\"document\": \"季度报表\"}}",
                "reportResult", Harness.as(office));
        assertThat(posted.status()).isEqualTo(201);
        JsonNode result = posted.json().get("result");
        assertThat(result.get("id").asLong()).isPositive();
        assertThat(result.get("reportedBy").asText()).isEqualTo("fenghuang-office");
        assertThat(result.get("value").asText()).isEqualTo("150");
        JsonNode evaluation = posted.json().get("evaluation");
        assertThat(evaluation.get("status").asText()).isNotEqualTo("NO_DATA");
        assertThat(evaluation.get("statusLabel").asText())
                .isEqualTo(Status.valueOf(evaluation.get("status").asText()).label());
        assertThat(evaluation.get("asOf").asText()).isEqualTo("2025-06-30");
        assertThat(evaluation.get("explanation").get("zh").asText()).isNotBlank();

        assertThat(h.call(GET, "/api/evaluations/reported", null, "getEvaluation").json()).isEqualTo(evaluation);
        assertThat(h.call(GET, "/api/commitments/reported/results", null, "listResults").json().get(0))
                .isEqualTo(result);
    }

    @Test
    void givenAnAsOfDateThenTheEvaluationIsMadeAtThatDate() throws Exception {
        h.call(POST, "/api/commitments", CHILDCARE.formatted("as-of"), "createCommitment");
        h.call(POST, "/api/commitments/as-of/results", "{\"value\": 100, \"asOf\": \"2025-06-30\"}", "reportResult");
        JsonNode march = h.call(GET, "/api/evaluations/as-of?asOf=2025-03-31", null, "getEvaluation").json();
        assertThat(march.get("asOf").asText()).isEqualTo("2025-03-31");
        assertThat(march.get("status").asText()).isEqualTo("NO_DATA");
        JsonNode afterDeadline = h.call(GET, "/api/evaluations/as-of?asOf=2026-01-31", null, "getEvaluation").json();
        assertThat(afterDeadline.get("status").asText()).isEqualTo("MISSED");
    }

    @Test
    void givenEvaluationFiltersThenOnlyMatchingEvaluationsAreListed() throws Exception {
        Harness.Answer noData = h.call(GET, "/api/evaluations?status=NO_DATA&district=guanhu&year=2025", null,
                "listEvaluations");
        assertThat(noData.json().get("items").findValuesAsText("status")).isNotEmpty().containsOnly("NO_DATA");
        assertThat(noData.json().get("items").findValuesAsText("commitmentId")).contains(MILESTONE);
        Harness.Answer asOf = h.call(GET, "/api/evaluations?district=fenghuang&asOf=2025-01-15&limit=2", null,
                "listEvaluations");
        assertThat(asOf.json().get("items").findValuesAsText("asOf")).isNotEmpty().containsOnly("2025-01-15");
        assertThat(asOf.json().get("items").size()).isLessThanOrEqualTo(2);
        assertThat(h.call(GET, "/api/evaluations?category=" + encode("城市建设"), null, "listEvaluations").json().get("items")
                .findValuesAsText("commitmentId")).contains(MILESTONE).doesNotContain(NUMERIC);
    }

    @Test
    void givenTheScorecardThenCountsAddUpAndRatesFollowTheStatedFormulas() throws Exception {
        JsonNode card = h.call(GET, "/api/scorecard?district=fenghuang&year=2025", null, "scorecard").json();
        int total = card.get("total").asInt();
        JsonNode by = card.get("byStatus");
        int sum = 0;
        for (Status s : Status.values()) {
            sum += by.get(s.name()).asInt();
        }
        assertThat(sum).isEqualTo(total);
        assertThat(total).isEqualTo(h.call(GET, "/api/evaluations?district=fenghuang&year=2025&limit=1000", null,
                "listEvaluations").json().get("total").asInt());
        int assessable = total - by.get("ONGOING").asInt();
        double completion = (by.get("EXCEEDED").asInt() + by.get("ACHIEVED").asInt()) / (double) assessable;
        assertThat(card.get("completionRate").asDouble()).isCloseTo(completion, org.assertj.core.data.Offset.offset(1e-4));
        double onPace = (by.get("EXCEEDED").asInt() + by.get("ACHIEVED").asInt() + by.get("BASICALLY_ACHIEVED").asInt()
                + by.get("ON_TRACK").asInt()) / (double) assessable;
        assertThat(card.get("onPaceRate").asDouble()).isCloseTo(onPace, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(card.get("statusLabels").get("ON_TRACK").asText()).isEqualTo("序时推进");
        assertThat(card.get("formulas").get("completionRate").asText()).contains("EXCEEDED", "ACHIEVED", "ONGOING");
        assertThat(card.get("byCategory").get("民生").get("total").asInt()).isPositive();
        assertThat(h.call(GET, "/api/scorecard?asOf=2025-12-31", null, "scorecard").json().get("asOf").asText())
                .isEqualTo("2025-12-31");
    }

    @Test
    void givenHealthRulesAndContractThenTheyAreServed() throws Exception {
        JsonNode health = h.call(GET, "/health", null, "health").json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("today").asText()).isEqualTo("2025-06-30");
        JsonNode rules = h.call(GET, "/api/rules", null, "rules").json();
        assertThat(rules.get("revision").asText()).isEqualTo(health.get("rulesetRevision").asText());
        assertThat(rules.get("files")).isNotEmpty();
        assertThat(rules.get("rules")).isNotEmpty();
        Harness.Answer contract = h.call(GET, "/openapi.yaml", null, "openapi");
        assertThat(contract.contentType()).startsWith("application/yaml");
        assertThat(contract.text()).startsWith("openapi: 3.1.0").contains("/api/scorecard");
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
    @CsvFileSource(resources = "/broken/cases.csv")
    void givenABrokenInputThenAProblemNamesTheFieldAndNothingChanges(String file, String method, String path,
            int status, String field, String contentType) throws Exception {
        byte[] body;
        try (InputStream in = ApiTest.class.getResourceAsStream("/broken/" + file)) {
            body = in.readAllBytes();
        }
        String uri = path.replace("{numeric}", NUMERIC).replace("{milestone}", MILESTONE);
        String before = snapshot();
        long audited = h.app.service().verifyAudit().entries();

        // the bytes as they are in the file, under the content type of the case
        Harness.Answer a = h.send(HttpMethod.valueOf(method), uri, io.vertx.core.buffer.Buffer.buffer(body),
                contentType.isEmpty() ? null : contentType, null,
                Map.of());

        assertProblem(a, status, field.isEmpty() && status == 400 ? null : field);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(h.app.service().verifyAudit().entries()).isEqualTo(audited);
    }

    @Test
    void givenBadQueryParametersThenEachIsNamed() throws Exception {
        Harness.Answer a = h.call(GET, "/api/evaluations?year=abc&status=DONE&limit=0&offset=-1&asOf=2025-02-30",
                null, "listEvaluations");
        assertProblem(a, 400, "year");
        assertThat(a.json().get("errors").findValuesAsText("field")).contains("status", "limit", "offset", "asOf");
        assertProblem(h.call(GET, "/api/commitments?kind=SOME", null, "listCommitments"), 400, "kind");
        assertProblem(h.call(GET, "/api/scorecard?asOf=%2B99999-01-01", null, "scorecard"), 400, "asOf");
    }

    @Test
    void givenUnknownIdsThen404() throws Exception {
        assertProblem(h.call(GET, "/api/commitments/nope", null, "getCommitment"), 404, "commitmentId");
        assertProblem(h.call(GET, "/api/commitments/nope/revisions", null, "listRevisions"), 404, "commitmentId");
        assertProblem(h.call(GET, "/api/commitments/nope/results", null, "listResults"), 404, "commitmentId");
        assertProblem(h.call(GET, "/api/evaluations/nope", null, "getEvaluation"), 404, "commitmentId");
        assertProblem(h.call(DELETE, "/api/commitments/nope", null, "retireCommitment"), 404, "commitmentId");
        assertProblem(h.call(GET, "/api/commitments/%ZZ", null, null), 400, null);
    }

    @Test
    void givenAnUnknownRouteOrAWrongMethodThen404Or405() throws Exception {
        assertProblem(h.call(GET, "/api/nothing-here", null, null), 404, null);
        assertProblem(h.call(PATCH, "/api/commitments/" + NUMERIC, "{}", null), 405, null);
        assertProblem(h.call(DELETE, "/api/scorecard", null, null), 405, null);
    }

    @Test
    void givenABodyOverTheLimitThen413AndNothingStored() throws Exception {
        String before = snapshot();
        String huge = CHILDCARE.formatted("huge").replace("新增托位200个以上\",", "新增托位200个以上\", \"owner\": \""
                + "托".repeat(40_000) + "\",");
        assertProblem(h.call(POST, "/api/commitments", huge, "createCommitment"), 413, null);
        assertThat(snapshot()).isEqualTo(before);
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Everything a rejected request could have changed. */
    private static String snapshot() throws Exception {
        return h.call(GET, "/api/commitments?limit=1000", null, null).text()
                + h.call(GET, "/api/commitments/" + NUMERIC + "/results", null, null).text()
                + h.call(GET, "/api/commitments/" + MILESTONE + "/results", null, null).text()
                + h.call(GET, "/api/commitments/" + NUMERIC + "/revisions", null, null).text();
    }
}
