package plancheck.http;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;
import static org.assertj.core.api.Assertions.assertThat;
import static plancheck.http.Harness.assertProblem;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;

/** Answers about a past date stay as they were when a target is revised later or a commitment is retired. */
@ExtendWith(VertxExtension.class)
class HistoryApiTest {

    private static final String CHILDCARE = """
            {"id": "%s", "district": "fenghuang", "year": 2025, "category": "民生", "title": "新增托位200个以上",
             "kind": "AT_LEAST", "unit": "个", "target": 200%s}
            """;

    /** Due by 31 March 2025, 60 of 200 reported for that date; the harness's today is 30 June 2025. */
    private static void create(Harness h, String id) throws Exception {
        Harness.Answer a = h.call(POST, "/api/commitments", CHILDCARE.formatted(id,
                ", \"deadline\": \"2025-03-31\""), "createCommitment");
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        Harness.Answer r = h.call(POST, "/api/commitments/" + id + "/results",
                "{\"value\": 60, \"asOf\": \"2025-03-31\"}", "reportResult");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    private static JsonNode evaluation(Harness h, String id, String asOf) throws Exception {
        return h.call(GET, "/api/evaluations/" + id + "?asOf=" + asOf, null, "getEvaluation").json();
    }

    @Test
    void givenAMissedItemWhenItsDeadlineIsPutOffThenThePastEvaluationStaysAndTheNewOneFollowsTheNewDeadline(
            Vertx vertx, @TempDir Path data) throws Exception {
        try (Harness h = Harness.start(vertx, data)) {
            create(h, "delayed");
            JsonNode before = evaluation(h, "delayed", "2025-04-15");
            assertThat(before.get("status").asText()).isEqualTo("MISSED");
            assertThat(before.get("commitmentRevision").asInt()).isEqualTo(1);

            Harness.Answer put = h.call(PUT, "/api/commitments/delayed", CHILDCARE.formatted("delayed",
                    ", \"deadline\": \"2025-12-31\", \"reason\": \"区里批准延期\", \"effectiveFrom\": \"2025-05-01\""),
                    "reviseCommitment");
            assertThat(put.status()).as(put.text()).isEqualTo(200);

            JsonNode past = evaluation(h, "delayed", "2025-04-15");
            assertThat(past.get("status").asText()).isEqualTo("MISSED");
            assertThat(past.get("commitmentRevision").asInt()).isEqualTo(1);
            assertThat(past.get("explanation")).isEqualTo(before.get("explanation"));
            JsonNode after = evaluation(h, "delayed", "2025-06-30");
            assertThat(after.get("status").asText()).isEqualTo("BEHIND");
            assertThat(after.get("commitmentRevision").asInt()).isEqualTo(2);
            assertThat(h.call(GET, "/api/evaluations/delayed", null, "getEvaluation").json()
                    .get("commitmentRevision").asInt()).isEqualTo(2);

            JsonNode revisions = h.call(GET, "/api/commitments/delayed/revisions", null, "listRevisions").json()
                    .get("revisions");
            assertThat(revisions).hasSize(2);
            assertThat(revisions.get(0).has("effectiveFrom")).isFalse();
            assertThat(revisions.get(1).get("effectiveFrom").asText()).isEqualTo("2025-05-01");
            assertThat(revisions.get(1).get("reason").asText()).isEqualTo("区里批准延期");
            assertThat(h.call(GET, "/api/commitments/delayed?asOf=2025-04-15", null, "getCommitment").json()
                    .get("revision").asInt()).isEqualTo(1);
            assertThat(h.call(GET, "/api/commitments/delayed?asOf=2025-06-30", null, "getCommitment").json()
                    .get("deadline").asText()).isEqualTo("2025-12-31");
        }
    }

    @Test
    void givenARevisionWhenItWouldApplyFromAFutureDateThenItIsRefusedAndNothingChanges(Vertx vertx,
            @TempDir Path data) throws Exception {
        try (Harness h = Harness.start(vertx, data)) {
            create(h, "later");
            String tomorrow = Harness.TODAY.plusDays(1).toString();
            assertProblem(h.call(PUT, "/api/commitments/later", CHILDCARE.formatted("later",
                    ", \"reason\": \"延期\", \"effectiveFrom\": \"" + tomorrow + "\""), "reviseCommitment"), 400,
                    "effectiveFrom");
            assertProblem(h.call(PUT, "/api/commitments/later", CHILDCARE.formatted("later",
                    ", \"reason\": \"延期\", \"effectiveFrom\": \"2025-02-30\""), "reviseCommitment"), 400,
                    "effectiveFrom");
            assertThat(h.call(GET, "/api/commitments/later/revisions", null, "listRevisions").json()
                    .get("revisions")).hasSize(1);
        }
    }

    @Test
    void givenARetiredCommitmentThenItStillCountsAtDatesBeforeItsRetirementOnly(Vertx vertx, @TempDir Path data)
            throws Exception {
        try (Harness h = Harness.start(vertx, data)) {
            create(h, "kept");
            create(h, "dropped");
            h.call(DELETE, "/api/commitments/dropped?reason=" + java.net.URLEncoder.encode("并入区级任务",
                    java.nio.charset.StandardCharsets.UTF_8), null, "retireCommitment");

            String past = "/api/scorecard?district=fenghuang&asOf=2025-06-29";
            assertThat(h.call(GET, past, null, "scorecard").json().get("total").asInt()).isEqualTo(2);
            assertThat(h.call(GET, "/api/scorecard?district=fenghuang", null, "scorecard").json().get("total")
                    .asInt()).isEqualTo(1);
            assertThat(h.call(GET, "/api/commitments?asOf=2025-06-29", null, "listCommitments").json().get("items")
                    .findValuesAsText("id")).containsExactly("dropped", "kept");
            assertThat(h.call(GET, "/api/evaluations?asOf=2025-06-29", null, "listEvaluations").json().get("total")
                    .asInt()).isEqualTo(2);
            assertThat(evaluation(h, "dropped", "2025-04-15").get("status").asText()).isEqualTo("MISSED");
            assertThat(h.call(GET, "/api/commitments/dropped?asOf=2025-06-29", null, "getCommitment").status())
                    .isEqualTo(200);
            assertProblem(h.call(GET, "/api/commitments/dropped?asOf=" + Harness.TODAY, null,
                    "getCommitment"), 410, "asOf");
            assertProblem(h.call(GET, "/api/evaluations/dropped?asOf=" + Harness.TODAY, null,
                    "getEvaluation"), 404, "commitmentId");
        }
    }

    @Test
    void givenAStoreWithHistoryWhenTheServerRestartsThenPastAnswersAreTheSame(Vertx vertx, @TempDir Path data)
            throws Exception {
        String past;
        try (Harness h = Harness.start(vertx, data)) {
            create(h, "delayed");
            create(h, "dropped");
            h.call(PUT, "/api/commitments/delayed", CHILDCARE.formatted("delayed",
                    ", \"deadline\": \"2025-12-31\", \"reason\": \"延期\", \"effectiveFrom\": \"2025-05-01\""),
                    "reviseCommitment");
            h.call(DELETE, "/api/commitments/dropped?reason=x", null, "retireCommitment");
            past = h.call(GET, "/api/evaluations?asOf=2025-06-30", null, "listEvaluations").text();
        }
        try (Harness h = Harness.start(vertx, data)) {
            assertThat(h.call(GET, "/api/evaluations?asOf=2025-06-30", null, "listEvaluations").text())
                    .isEqualTo(past);
        }
    }
}
