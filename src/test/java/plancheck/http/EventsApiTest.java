package plancheck.http;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import plancheck.domain.Role;

/**
 * {@code GET /api/events}: a result, its review, a revision and a retirement each reach a listener who may read the
 * district as an event naming the commitment, its district and the kind of change; a listener of another district
 * hears none of them.
 */
@ExtendWith(VertxExtension.class)
class EventsApiTest {

    private static final String CHILDCARE = """
            {"id": "ev-childcare", "district": "fenghuang", "year": 2025, "category": "民生", "title": "新增托位200个以上",
             "kind": "AT_LEAST", "unit": "个", "target": 200, "owner": "社会事务办"}""";

    /** The frames a listener has received, as "type data". */
    private static List<String> listen(Vertx vertx, int port, String token) throws Exception {
        List<String> frames = new CopyOnWriteArrayList<>();
        StringBuilder pending = new StringBuilder();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(port));
        client.request(new RequestOptions().setURI("/api/events").putHeader("Authorization", "Bearer " + token))
                .compose(r -> r.send()).onSuccess(resp -> resp.handler(buf -> {
                    pending.append(buf.toString());
                    int end;
                    while ((end = pending.indexOf("\n\n")) >= 0) {
                        String frame = pending.substring(0, end);
                        pending.delete(0, end + 2);
                        String type = null;
                        String body = "";
                        for (String line : frame.split("\n")) {
                            if (line.startsWith("event: ")) {
                                type = line.substring(7);
                            } else if (line.startsWith("data: ")) {
                                body = line.substring(6);
                            }
                        }
                        if (type != null) {
                            frames.add(type + " " + body);
                        }
                    }
                })).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        until(() -> frames.contains("hello {}"));
        return frames;
    }

    /** Waits up to 10 s for the condition. */
    private static void until(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void givenListenersWhenAResultIsReportedReviewedRevisedAndRetiredThenEachEventNamesItsCommitmentInScopeOnly(
            Vertx vertx, @TempDir Path data) throws Exception {
        try (Harness h = Harness.start(vertx, data)) {
            assertThat(h.call(POST, "/api/commitments", CHILDCARE, "createCommitment").status()).isEqualTo(201);
            String futian = h.userToken("viewer-futian", Role.VIEWER, "futian", null);
            String guangming = h.userToken("viewer-guangming", Role.VIEWER, "guangming", null);
            List<String> outside = listen(vertx, h.app.port(), futian);
            List<String> inside = listen(vertx, h.app.port(), guangming);

            Harness.Answer reported = h.call(POST, "/api/commitments/ev-childcare/results",
                    "{\"value\": 120, \"asOf\": \"2025-06-15\"}", "reportResult");
            long result = reported.json().get("result").get("id").asLong();
            // a reviewer other than the reporter
            String reviewer = h.userToken("reviewer", Role.REVIEWER, "guangming", null);
            assertThat(h.call(POST, "/api/results/" + result + "/return", "{\"reason\": \"佐证材料缺失\"}",
                    "returnResult", Harness.as(reviewer)).status()).isEqualTo(200);
            JsonNode c = h.call(io.vertx.core.http.HttpMethod.GET, "/api/commitments/ev-childcare", null, null).json();
            ((com.fasterxml.jackson.databind.node.ObjectNode) c).put("target", 250).put("reason", "区里调高目标")
                    .remove("revision");
            Harness.Answer revised = h.call(PUT, "/api/commitments/ev-childcare", c.toString(), null);
            assertThat(revised.status()).as(revised.text()).isEqualTo(200);
            assertThat(h.call(DELETE, "/api/commitments/ev-childcare?reason=%E5%B9%B6%E5%85%A5", null, null)
                    .status()).isEqualTo(204);

            String about = "{\"commitmentId\":\"ev-childcare\",\"district\":\"fenghuang\",\"kind\":";
            until(() -> inside.size() >= 5);
            assertThat(inside).containsExactly("hello {}", "result " + about + "\"result\"}",
                    "review " + about + "\"review\"}", "commitment " + about + "\"revision\"}",
                    "commitment " + about + "\"retire\"}");
            // a bare change (a creation names no commitment in its path) reaches every listener; nothing else did
            assertThat(h.call(POST, "/api/commitments", CHILDCARE.replace("ev-childcare", "ev-other"), null).status())
                    .isEqualTo(201);
            until(() -> outside.size() >= 2);
            assertThat(outside).containsExactly("hello {}", "changed {}");
        }
    }
}
