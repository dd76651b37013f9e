package plancheck.http;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /**
     * Killing the server (SIGKILL: no shutdown hook, no flush) while clients post results, then starting it again
     * on the same store, many times: every result that was answered 201 is found afterwards, with its value.
     */
    @Test
    void givenTheServerKilledUnderWriteLoadManyTimesThenEveryAcknowledgedResultIsFoundAfterARestart(
            @TempDir Path data) throws Exception {
        String token;
        try (plancheck.store.Store store = plancheck.store.Store.open(plancheck.TestStores.url(data),
                plancheck.TestStores.user(), null)) {
            token = plancheck.service.Accounts.standalone(store, java.time.Clock.systemDefaultZone()).bootstrap(
                    new plancheck.domain.User("admin", "管理员", List.of(new plancheck.domain.Grant(
                            plancheck.domain.Role.ADMIN, null)), false), null, "tests", LocalDate.now().plusDays(2))
                    .secret();
        }
        Path log = data.resolveSibling(data.getFileName() + "-server.log");
        Map<Long, String> acknowledged = new java.util.concurrent.ConcurrentHashMap<>();
        try (ServerProcess first = ServerProcess.start(data, log)) {
            Load load = new Load(first.base(), token);
            for (int i = 0; i < COMMITMENTS; i++) {
                assertThat(load.send("/api/commitments", commitment(i)).statusCode()).isEqualTo(201);
            }
            first.kill();
        }
        java.util.Random random = new java.util.Random(11);
        for (int round = 0; round < KILLS; round++) {
            try (ServerProcess server = ServerProcess.start(data, log)) {
                assertFound(new Load(server.base(), token), acknowledged);
                Load load = new Load(server.base(), token);
                load.run(4, acknowledged);
                // kill once writes are flowing, at a moment the writers are sure to be mid-flight
                load.awaitAnswered(WRITES_BEFORE_KILL);
                Thread.sleep(random.nextInt(200));
                server.kill();
                load.stop();
            }
        }
        try (ServerProcess last = ServerProcess.start(data, log)) {
            assertFound(new Load(last.base(), token), acknowledged);
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILLS * WRITES_BEFORE_KILL);
    }

    private static final int KILLS = 5;
    private static final int WRITES_BEFORE_KILL = 20;

    /** Every acknowledged result is listed under its commitment with the value it was posted with. */
    private static void assertFound(Load load, Map<Long, String> acknowledged) throws Exception {
        Map<Long, String> found = new java.util.HashMap<>();
        for (int i = 0; i < COMMITMENTS; i++) {
            java.net.http.HttpResponse<String> r = load.get("/api/commitments/c%02d/results".formatted(i));
            assertThat(r.statusCode()).isEqualTo(200);
            for (com.fasterxml.jackson.databind.JsonNode n : plancheck.store.Json.MAPPER.readTree(r.body())) {
                found.put(n.get("id").asLong(), what(n));
            }
        }
        assertThat(found).containsAllEntriesOf(acknowledged);
    }

    /** A result's commitment, date and value or stage. */
    private static String what(com.fasterxml.jackson.databind.JsonNode result) {
        com.fasterxml.jackson.databind.JsonNode value = result.path("value");
        return result.get("commitmentId").asText() + " " + result.get("asOf").asText() + " "
                + (value.isNumber() ? String.valueOf(value.asDouble()) : result.path("stage").asText());
    }

    /** Clients posting results as fast as answers come, noting each one answered 201. */
    private static final class Load {
        private final String base;
        private final String token;
        private final java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(5)).build();
        private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        private final List<Thread> writers = new ArrayList<>();
        private final java.util.concurrent.Semaphore answered = new java.util.concurrent.Semaphore(0);

        Load(String base, String token) {
            this.base = base;
            this.token = token;
        }

        java.net.http.HttpResponse<String> send(String path, String body) throws Exception {
            return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(java.time.Duration.ofSeconds(20))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        }

        java.net.http.HttpResponse<String> get(String path) throws Exception {
            return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                    .header("Authorization", "Bearer " + token).timeout(java.time.Duration.ofSeconds(20)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        }

        void run(int clients, Map<Long, String> acknowledged) {
            for (int w = 0; w < clients; w++) {
                int writer = w;
                Thread t = new Thread(() -> write(writer, acknowledged), "writer-" + w);
                writers.add(t);
                t.start();
            }
        }

        private void write(int writer, Map<Long, String> acknowledged) {
            List<String[]> all = results();
            for (int k = writer; !stopped.get(); k += 4) {
                String[] r = all.get(k % all.size());
                try {
                    java.net.http.HttpResponse<String> answer = send(r[0], r[1]);
                    if (answer.statusCode() == 201) {
                        com.fasterxml.jackson.databind.JsonNode n = plancheck.store.Json.MAPPER.readTree(answer.body())
                                .get("result");
                        acknowledged.put(n.get("id").asLong(), what(n));
                        answered.release();
                    }
                } catch (Exception killed) {
                    // no answer: the write may or may not be stored, both are right
                    return;
                }
            }
        }

        /** Waits until this many writes were answered 201 (a minute at most: the server is slow, not broken). */
        void awaitAnswered(int writes) throws InterruptedException {
            assertThat(answered.tryAcquire(writes, 60, java.util.concurrent.TimeUnit.SECONDS))
                    .as("%d writes answered 201 within a minute", writes).isTrue();
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            for (Thread t : writers) {
                t.join(30_000);
            }
        }
    }
}
