package plancheck.http;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.PUT;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static plancheck.http.Harness.assertProblem;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;

import plancheck.domain.Role;

/**
 * The import, report and review flows as three different users: a planner imports 凤凰's plan, an evaluator
 * reports, a reviewer approves or returns; evaluations count submitted and approved results, never returned ones.
 */
@ExtendWith(VertxExtension.class)
class ReviewApiTest {

    @TempDir
    static Path data;
    static Harness h;
    static String planner;
    static String evaluator;
    static String reviewer;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        h = Harness.start(vertx, data);
        planner = h.userToken("planner-fh", Role.PLANNER, "fenghuang", null);
        evaluator = h.userToken("evaluator-fh", Role.EVALUATOR, "fenghuang", null);
        reviewer = h.userToken("duban-gm", Role.REVIEWER, "guangming", null);
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    /** The planner imports a plan line and accepts it; answers the stored commitment's id. */
    private static String imported(String text) throws Exception {
        Harness.Answer draft = h.call(POST, "/api/imports", "{\"text\": \"二、2025年工作计划\\n" + text + "\","
                + " \"district\": \"fenghuang\"}", "importReport", Harness.as(planner));
        assertThat(draft.status()).as(draft.text()).isEqualTo(201);
        Harness.Answer accepted = h.call(POST, "/api/imports/" + draft.json().get("id").asText() + "/accept",
                "{\"commitments\": [\"c1\"]}", "acceptImport", Harness.as(planner));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        return accepted.json().get("commitments").get(0).get("commitmentId").asText();
    }

    private static JsonNode report(String id, int value, String asOf) throws Exception {
        Harness.Answer a = h.call(POST, "/api/commitments/" + id + "/results", "{\"value\": " + value + ", \"asOf\": \""
                + asOf + "\"}", "reportResult", Harness.as(evaluator));
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        return a.json();
    }

    @Test
    void givenAReportWhenTheReviewerApprovesThenTheWarningGoesAndTheAuditNamesEachOfTheThree() throws Exception {
        String id = imported("推动新增托位200个以上。");
        JsonNode reported = report(id, 120, "2025-06-30");
        assertThat(reported.get("result").get("review").asText()).isEqualTo("SUBMITTED");
        assertThat(reported.get("result").get("reportedBy").asText()).isEqualTo("evaluator-fh");
        assertThat(reported.get("evaluation").get("warnings").findValuesAsText("code")).contains("UNREVIEWED");
        assertThat(h.call(GET, "/api/scorecard?district=fenghuang", null, "scorecard", Harness.as(reviewer)).json()
                .get("unreviewed").asInt()).isPositive();
        long resultId = reported.get("result").get("id").asLong();
        JsonNode queue = h.call(GET, "/api/reviews?district=fenghuang", null, "listReviews", Harness.as(reviewer))
                .json();
        assertThat(queue.findValuesAsText("commitmentId")).contains(id);

        assertProblem(h.call(POST, "/api/results/" + resultId + "/approve", null, "approveResult",
                Harness.as(evaluator)), 403, "");
        Harness.Answer approved = h.call(POST, "/api/results/" + resultId + "/approve", null, "approveResult",
                Harness.as(reviewer));
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.json().get("evaluation").get("warnings").findValuesAsText("code"))
                .doesNotContain("UNREVIEWED");
        assertProblem(h.call(POST, "/api/results/" + resultId + "/approve", null, "approveResult",
                Harness.as(reviewer)), 409, "id");

        JsonNode audit = h.call(GET, "/api/audit?entity=result&entityId=" + resultId, null, "listAudit").json();
        assertThat(audit.findValuesAsText("action")).containsExactly("result.create", "result.approve");
        assertThat(audit.findValuesAsText("actor")).containsExactly("evaluator-fh", "duban-gm");
        JsonNode created = h.call(GET, "/api/audit?entity=commitment&entityId=" + id, null, "listAudit").json();
        assertThat(created.findValuesAsText("actor")).containsExactly("planner-fh");
        assertThat(created.findValuesAsText("role")).containsExactly("planner");
    }

    @Test
    void givenAReturnedResultThenItStopsCountingTheReporterSeesWhyAndAReportAgainCounts() throws Exception {
        String id = imported("推动新增托位300个以上。");
        long first = report(id, 150, "2025-03-31").get("result").get("id").asLong();
        h.call(POST, "/api/results/" + first + "/approve", null, "approveResult", Harness.as(reviewer));
        long second = report(id, 290, "2025-06-30").get("result").get("id").asLong();

        assertProblem(h.call(POST, "/api/results/" + second + "/return", "{}", "returnResult", Harness.as(reviewer)),
                400, "reason");
        Harness.Answer returned = h.call(POST, "/api/results/" + second + "/return", "{\"reason\": \"缺少验收材料\"}",
                "returnResult", Harness.as(reviewer));
        assertThat(returned.status()).as(returned.text()).isEqualTo(200);
        assertThat(returned.json().get("evaluation").get("progress").asDouble()).isEqualTo(0.5);

        JsonNode listed = h.call(GET, "/api/commitments/" + id + "/results", null, "listResults",
                Harness.as(evaluator)).json();
        JsonNode mine = listed.get(1);
        assertThat(mine.get("review").asText()).isEqualTo("RETURNED");
        assertThat(mine.get("reviewReason").asText()).isEqualTo("缺少验收材料");
        assertThat(mine.get("reviewedBy").asText()).isEqualTo("duban-gm");

        JsonNode again = report(id, 280, "2025-06-30");
        assertThat(again.get("evaluation").get("progress").asDouble()).isCloseTo(0.9333, org.assertj.core.data
                .Offset.offset(0.001));
    }

    @Test
    void givenAResultOutOfTheReviewersScopeThenItIsNotFoundAndUnchanged() throws Exception {
        String outsider = h.userToken("duban-lh", Role.REVIEWER, "longhua", null);
        String id = imported("推动新增托位400个以上。");
        long r = report(id, 100, "2025-06-30").get("result").get("id").asLong();
        assertProblem(h.call(POST, "/api/results/" + r + "/approve", null, "approveResult", Harness.as(outsider)),
                404, "id");
        assertProblem(h.call(GET, "/api/reviews?district=fenghuang", null, "listReviews", Harness.as(outsider)), 403,
                "district");
        assertThat(h.call(GET, "/api/commitments/" + id + "/results", null, "listResults").json().get(0)
                .get("review").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void givenAThingOfAnotherDistrictThenNeitherImportLinksNorRetiredAnswersRevealIt() throws Exception {
        String id = imported("推动新增托位500个以上。");
        long r = report(id, 100, "2025-06-30").get("result").get("id").asLong();
        assertThat(h.call(DELETE, "/api/commitments/" + id + "?reason=%E5%B9%B6%E5%85%A5", null, "retireCommitment",
                Harness.as(planner)).status()).isEqualTo(204);
        String outsider = h.userToken("planner-gh", Role.PLANNER, "guanhu", null);
        String live = imported("新建口袋公园3个。");

        String reviewerOutside = h.userToken("duban-gh", Role.REVIEWER, "guanhu", null);
        assertProblem(h.call(POST, "/api/results/" + r + "/approve", null, "approveResult",
                Harness.as(reviewerOutside)), 404, "id");
        assertProblem(h.call(PUT, "/api/commitments/" + id, "{\"reason\": \"改\", \"district\": \"fenghuang\","
                + " \"year\": 2025, \"title\": \"t\", \"kind\": \"BINARY\", \"metric\": \"x\"}", "reviseCommitment",
                Harness.as(outsider)), 404, "commitmentId");

        Harness.Answer draft = h.call(POST, "/api/imports", "{\"text\": \"一、2025年上半年工作总结\\n新增托位120个。\","
                + " \"district\": \"guanhu\"}", "importReport", Harness.as(outsider));
        String linkTo = "{\"results\": [{\"id\": \"r1\", \"commitmentId\": \"%s\"}]}";
        Harness.Answer probe = h.call(POST, "/api/imports/" + draft.json().get("id").asText() + "/accept",
                linkTo.formatted(live), "acceptImport", Harness.as(outsider));
        Harness.Answer missing = h.call(POST, "/api/imports/" + draft.json().get("id").asText() + "/accept",
                linkTo.formatted("no-such-commitment"), "acceptImport", Harness.as(outsider));
        assertProblem(probe, 400, "results[0].commitmentId");
        assertThat(probe.json().get("errors").toString()).isEqualTo(missing.json().get("errors").toString()
                .replace("no-such-commitment", live));
    }
}
