package plancheck.http;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;

@ExtendWith(VertxExtension.class)
class DurabilityTest {

    private static final int COMMITMENTS = 12;
    private static final int RESULTS_EACH = 10;

    private static String commitment(int i) {
        String district = i % 3 == 0 ? "guanhu" : i % 3 == 1 ? "fenghuang" : "huaqiangbei";
        return i % 4 == 3
                ? """
                  {"id": "c%02d", "district": "%s", "year": 2025, "category": "城市建设", "title": "工程%d开工建设",
                   "kind": "MILESTONE", "stage": "STARTED"}""".formatted(i, district, i)
                : """
                  {"id": "c%02d", "district": "%s", "year": 2025, "category": "民生", "title": "新增托位%d个以上",
                   "kind": "AT_LEAST", "target": %d}""".formatted(i, district, 100 + i, 100 + i);
    }

    /** Results with distinct dates per commitment, so their order of arrival cannot matter. */
    private static List<String[]> results() {
        List<String[]> out = new ArrayList<>();
        String[] stages = {"PLANNED", "APPROVED", "APPROVED", "STARTED", "STARTED"};
        for (int i = 0; i < COMMITMENTS; i++) {
            for (int k = 0; k < RESULTS_EACH; k++) {
                LocalDate asOf = LocalDate.of(2025, 1, 10).plusDays(17L * k + i);
                String body = i % 4 == 3
                        ? "{\"stage\": \"%s\", \"asOf\": \"%s\"}".formatted(stages[(k * 7 + i) % 5], asOf)
                        : "{\"value\": %d, \"asOf\": \"%s\"}".formatted((k * 37 + i * 11) % 130, asOf);
                out.add(new String[] {"/api/commitments/c%02d/results".formatted(i), body});
            }
        }
        return out;
    }

    private static void seed(Harness h) throws Exception {
        for (int i = 0; i < COMMITMENTS; i++) {
            assertThat(h.call(POST, "/api/commitments", commitment(i), null).status()).isEqualTo(201);
        }
    }

    /** Every answer that depends on stored state. */
    private static List<String> answers(Harness h) throws Exception {
        List<String> out = new ArrayList<>();
        out.add(h.call(GET, "/api/evaluations?limit=1000", null, "listEvaluations").text());
        out.add(h.call(GET, "/api/evaluations?limit=1000&asOf=2025-03-31", null, "listEvaluations").text());
        out.add(h.call(GET, "/api/scorecard", null, "scorecard").text());
        out.add(h.call(GET, "/api/commitments?limit=1000", null, "listCommitments").text());
        for (int i = 0; i < COMMITMENTS; i++) {
            out.add(h.call(GET, "/api/commitments/c%02d/results".formatted(i), null, "listResults").text());
            out.add(h.call(GET, "/api/commitments/c%02d/revisions".formatted(i), null, "listRevisions").text());
        }
        return out;
    }

    @Test
    void givenStoredDataWhenTheServerRestartsOnTheSameFolderThenEveryAnswerIsTheSame(Vertx vertx,
            @TempDir Path data) throws Exception {
        List<String> before;
        try (Harness h = Harness.start(vertx, data)) {
            seed(h);
            for (String[] r : results().subList(0, 40)) {
                assertThat(h.call(POST, r[0], r[1], "reportResult").status()).isEqualTo(201);
            }
            String revised = commitment(1).replace("\"target\": 101", "\"target\": 90")
                    .replaceFirst("\\{", "{\"reason\": \"指标调整\", ");
            assertThat(h.call(PUT, "/api/commitments/c01", revised, "reviseCommitment").status()).isEqualTo(200);
            assertThat(h.call(io.vertx.core.http.HttpMethod.DELETE, "/api/commitments/c02", null, null).status())
                    .isEqualTo(204);
            before = answers(h);
        }
        try (Harness h = Harness.start(vertx, data)) {
            assertThat(answers(h)).isEqualTo(before);
        }
    }

    @Test
    void givenManyClientsPostingAtOnceThenTheEvaluationsEqualThoseOfPostingOneByOne(Vertx vertx,
            @TempDir Path sequentialData, @TempDir Path concurrentData) throws Exception {
        List<String[]> results = results();
        List<String> sequential;
        try (Harness h = Harness.start(vertx, sequentialData)) {
            seed(h);
            for (String[] r : results) {
                assertThat(h.call(POST, r[0], r[1], null).status()).isEqualTo(201);
            }
            sequential = answers(h);
        }
        List<String> concurrent;
        try (Harness h = Harness.start(vertx, concurrentData)) {
            seed(h);
            List<Future<?>> sent = new ArrayList<>();
            List<String[]> shuffled = new ArrayList<>(results);
            java.util.Collections.shuffle(shuffled, new java.util.Random(7));
            for (String[] r : shuffled) {
                sent.add(h.client.post(r[0]).bearerTokenAuthentication(h.adminToken)
                        .putHeader("content-type", "application/json")
                        .sendBuffer(Buffer.buffer(r[1])).map(response -> {
                            assertThat(response.statusCode()).isEqualTo(201);
                            return response;
                        }));
            }
            Harness.await(Future.all(sent));
            concurrent = answers(h);
        }
        // result ids and stored order differ between the two runs; the evaluations and scorecard must not
        assertThat(concurrent.subList(0, 4)).isEqualTo(sequential.subList(0, 4));
    }
}
