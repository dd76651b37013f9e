package plancheck.http;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;

/**
 * Reloads while clients read and write: no request fails, and every evaluation is the one its own rules revision
 * decides (40 of 200 is BEHIND under a 10-point tolerance, ON_TRACK under 40), never a mix.
 */
@ExtendWith(VertxExtension.class)
class ReloadUnderLoadTest {

    private static final int COMMITMENTS = 20;
    private static final int CLIENTS = 4;
    private static final int RELOADS = 4;

    @Test
    void givenReadsAndWritesDuringReloads_thenNoneFailsAndEachEvaluationMatchesItsRevision(Vertx vertx,
            @TempDir Path data, @TempDir Path dir) throws Exception {
        Path rules = RulesApiTest.copyRules(dir);
        Path policy = rules.resolve(RulesApiTest.POLICY);
        byte[] narrow = Files.readAllBytes(policy);
        byte[] wide = plancheck.engine.PolicySheets.defaultsWith("onTrackTolerance", 0.40);
        try (Harness h = Harness.start(vertx, data, rules, false, s -> { })) {
            for (int i = 0; i < COMMITMENTS; i++) {
                RulesApiTest.createBehind(h, "load-" + i);
            }
            Map<String, String> statusByRevision = new ConcurrentHashMap<>();
            statusByRevision.put(h.call(GET, "/api/rules", null, "rules").json().get("revision").asText(), "BEHIND");

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger requests = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<JsonNode> seen = new ConcurrentLinkedQueue<>();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Thread t = new Thread(() -> {
                    int n = 0;
                    while (!stop.get()) {
                        String id = "load-" + (n++ * CLIENTS + client) % COMMITMENTS;
                        try {
                            Harness.Answer a = client % 2 == 0
                                    ? h.call(GET, "/api/evaluations/" + id, null, null)
                                    : h.call(POST, "/api/commitments/" + id + "/results",
                                            "{\"value\": 40, \"asOf\": \"2025-06-30\"}", null);
                            requests.incrementAndGet();
                            if (a.status() / 100 != 2) {
                                failures.add(a.status() + " " + a.text());
                            } else {
                                seen.add(client % 2 == 0 ? a.json() : a.json().get("evaluation"));
                            }
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                }, "client-" + c);
                t.start();
                clients.add(t);
            }
            for (int i = 0; i < RELOADS; i++) {
                boolean widen = i % 2 == 0;
                Files.write(policy, widen ? wide : narrow);
                Harness.Answer r = h.call(POST, "/api/rules/reload", null, "reloadRules");
                assertThat(r.status()).as(r.text()).isEqualTo(200);
                assertThat(r.json().get("changes")).hasSize(COMMITMENTS);
                statusByRevision.put(r.json().get("revision").asText(), widen ? "ON_TRACK" : "BEHIND");
            }
            Thread.sleep(200);
            stop.set(true);
            for (Thread t : clients) {
                t.join();
            }
            assertThat(failures).isEmpty();
            assertThat(requests.get()).isGreaterThan(CLIENTS * RELOADS);
            assertThat(statusByRevision).hasSize(2);
            for (JsonNode e : seen) {
                String revision = e.get("rulesetRevision").asText();
                assertThat(statusByRevision).containsKey(revision);
                assertThat(e.get("status").asText()).as(e.toString()).isEqualTo(statusByRevision.get(revision));
            }
        }
    }
}
