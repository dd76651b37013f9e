package plancheck.http;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static plancheck.http.Harness.assertProblem;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;

/** A wrong figure is corrected by a new result: the old one stays listed, marked, and stops counting. */
@ExtendWith(VertxExtension.class)
class CorrectionApiTest {

    private static final String CHILDCARE = """
            {"id": "%s", "district": "fenghuang", "year": 2025, "title": "新增托位200个以上", "kind": "AT_LEAST",
             "unit": "个", "target": 200}
            """;

    private static long post(Harness h, String id, String body) throws Exception {
        Harness.Answer a = h.call(POST, "/api/commitments/" + id + "/results", body, "reportResult");
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        return a.json().get("result").get("id").asLong();
    }

    @Test
    void givenAWrongFigureWhenACorrectionIsPostedThenItCountsTheOldOneIsMarkedAndNoDecreaseIsWarned(Vertx vertx,
            @TempDir Path data) throws Exception {
        try (Harness h = Harness.start(vertx, data)) {
            h.call(POST, "/api/commitments", CHILDCARE.formatted("fix"), "createCommitment");
            post(h, "fix", "{\"value\": 60, \"asOf\": \"2025-03-31\"}");
            long wrong = post(h, "fix", "{\"value\": 1400, \"asOf\": \"2025-06-30\"}");

            long fixed = post(h, "fix", "{\"value\": 140, \"asOf\": \"2025-06-30\", \"corrects\": " + wrong
                    + ", \"reason\": \"多录了一个0\"}");

            JsonNode list = h.call(GET, "/api/commitments/fix/results", null, "listResults").json();
            assertThat(list).hasSize(3);
            assertThat(list.get(1).get("correctedBy").asLong()).isEqualTo(fixed);
            assertThat(list.get(2).get("corrects").asLong()).isEqualTo(wrong);
            assertThat(list.get(2).get("reason").asText()).isEqualTo("多录了一个0");
            JsonNode e = h.call(GET, "/api/evaluations/fix?asOf=2025-07-02", null, "getEvaluation").json();
            assertThat(e.get("progress").asDouble()).isEqualTo(0.7);
            assertThat(e.get("warnings").findValuesAsText("code")).doesNotContain("DECREASING", "IMPLAUSIBLE");
            JsonNode early = h.call(GET, "/api/commitments/fix/results?asOf=2025-04-30", null, "listResults").json();
            assertThat(early).hasSize(1);
        }
    }

    @Test
    void givenACorrectionThatBreaksTheRulesWhenPostedThenEachIsRefusedAndNothingIsAdded(Vertx vertx,
            @TempDir Path data) throws Exception {
        try (Harness h = Harness.start(vertx, data)) {
            h.call(POST, "/api/commitments", CHILDCARE.formatted("fix"), "createCommitment");
            h.call(POST, "/api/commitments", CHILDCARE.formatted("other"), "createCommitment");
            long first = post(h, "fix", "{\"value\": 60, \"asOf\": \"2025-06-30\"}");
            long elsewhere = post(h, "other", "{\"value\": 60, \"asOf\": \"2025-06-30\"}");
            post(h, "fix", "{\"value\": 50, \"asOf\": \"2025-06-30\", \"corrects\": " + first
                    + ", \"reason\": \"复核\"}");

            String url = "/api/commitments/fix/results";
            assertProblem(h.call(POST, url, "{\"value\": 40, \"asOf\": \"2025-06-30\", \"corrects\": " + first
                    + ", \"reason\": \"again\"}", "reportResult"), 400, "corrects");
            assertProblem(h.call(POST, url, "{\"value\": 40, \"asOf\": \"2025-06-30\", \"corrects\": " + elsewhere
                    + ", \"reason\": \"wrong item\"}", "reportResult"), 400, "corrects");
            assertProblem(h.call(POST, url, "{\"value\": 40, \"asOf\": \"2025-06-30\", \"corrects\": " + first
                    + "}", "reportResult"), 400, "reason");
            assertProblem(h.call(POST, url, "{\"value\": 40, \"asOf\": \"2025-06-30\", \"reason\": \"no target\"}",
                    "reportResult"), 400, "reason");
            assertThat(h.call(GET, url, null, "listResults").json()).hasSize(2);
        }
    }
}
