package plancheck.http;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static plancheck.http.Harness.assertProblem;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;

/** Many results in one request: stored all together, or none of them. */
@ExtendWith(VertxExtension.class)
class ResultBatchApiTest {

    private static final String CHILDCARE = """
            {"id": "%s", "district": "fenghuang", "year": 2025, "title": "新增托位200个以上", "kind": "AT_LEAST",
             "unit": "个", "target": 200}
            """;
    private static final String KEDALI = """
            {"id": "kedali", "district": "guanhu", "year": 2025, "title": "科达利总部大厦开工建设",
             "kind": "MILESTONE", "stage": "STARTED"}
            """;

    private static Harness seeded(Vertx vertx, Path data) throws Exception {
        Harness h = Harness.start(vertx, data);
        for (String body : new String[] {CHILDCARE.formatted("tuowei"), KEDALI}) {
            assertThat(h.call(POST, "/api/commitments", body, "createCommitment").status()).isEqualTo(201);
        }
        return h;
    }

    private static int stored(Harness h, String id) throws Exception {
        return h.call(GET, "/api/commitments/" + id + "/results", null, "listResults").json().size();
    }

    @Test
    void givenResultsOfSeveralCommitmentsWhenPostedAsABatchThenEachIsStoredAndAnsweredInTheOrderSent(Vertx vertx,
            @TempDir Path data) throws Exception {
        try (Harness h = seeded(vertx, data)) {
            Harness.Answer a = h.call(POST, "/api/results/batch", """
                    [{"commitmentId": "tuowei", "value": 80, "asOf": "2025-03-31"},
                     {"commitmentId": "kedali", "stage": "APPROVED", "asOf": "2025-04-30"},
                     {"commitmentId": "tuowei", "value": 150, "asOf": "2025-06-30"}]""", "reportResults");

            assertThat(a.status()).as(a.text()).isEqualTo(201);
            assertThat(a.json()).extracting(n -> n.get("result").get("commitmentId").asText())
                    .containsExactly("tuowei", "kedali", "tuowei");
            assertThat(a.json().get(2).get("result").get("value").asDouble()).isEqualTo(150.0);
            assertThat(a.json().get(2).get("evaluation").get("progress").asDouble()).isEqualTo(0.75);
            assertThat(stored(h, "tuowei")).isEqualTo(2);
            assertThat(stored(h, "kedali")).isEqualTo(1);
        }
    }

    @Test
    void givenOneBrokenResultInABatchThenTheBatchIsRefusedNamingItAndNothingIsStored(Vertx vertx,
            @TempDir Path data) throws Exception {
        try (Harness h = seeded(vertx, data)) {
            Harness.Answer wrongKind = h.call(POST, "/api/results/batch", """
                    [{"commitmentId": "tuowei", "value": 80, "asOf": "2025-03-31"},
                     {"commitmentId": "kedali", "value": 3, "asOf": "2025-04-30"}]""", "reportResults");
            assertProblem(wrongKind, 400, "[1].value");

            Harness.Answer unknown = h.call(POST, "/api/results/batch", """
                    [{"commitmentId": "tuowei", "value": 80, "asOf": "2025-03-31"},
                     {"commitmentId": "nope", "value": 3, "asOf": "2025-04-30"}]""", "reportResults");
            assertProblem(unknown, 404, "[1].commitmentId");

            Harness.Answer unnamed = h.call(POST, "/api/results/batch",
                    "[{\"value\": 80, \"asOf\": \"2025-03-31\"}]", "reportResults");
            assertProblem(unnamed, 400, "[0].commitmentId");

            assertProblem(h.call(POST, "/api/results/batch", "[]", "reportResults"), 400, "");
            assertProblem(h.call(POST, "/api/results/batch", "[null]", "reportResults"), 400, "[0]");
            assertProblem(h.call(POST, "/api/results/batch", "{\"commitmentId\": \"tuowei\"}", "reportResults"), 400,
                    null);

            assertThat(stored(h, "tuowei")).isZero();
            assertThat(stored(h, "kedali")).isZero();
        }
    }
}
