package plancheck.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Commit → event at a connected client: a client listens on {@code GET /api/events}, another posts results one at a
 * time; for each, the time from sending the POST (its answer comes after the commit) to the frame naming the
 * commitment arriving at the listener, and from the answer to the frame. 127.0.0.1 only, bounded in count.
 * Usage: bench/events.sh [results=2000] [warmup=300]
 */
public final class EventLatencyBench {

    public static void main(String[] args) throws Exception {
        int results = arg(args, "results", 2000);
        int warmup = arg(args, "warmup", 300);
        Vertx vertx = Vertx.vertx();
        Path data = Files.createTempDirectory("plancheck-events");
        try (Harness h = Harness.start(vertx, data.resolve("db"))) {
            String id = "bench-events";
            h.call(HttpMethod.POST, "/api/commitments", "{\"id\": \"" + id + "\", \"district\": \"fenghuang\","
                    + " \"year\": 2025, \"title\": \"新增托位200个\", \"kind\": \"AT_LEAST\", \"metric\":"
                    + " \"childcare_places\", \"unit\": \"个\", \"target\": 200}", null);
            AtomicReference<CompletableFuture<Long>> next = new AtomicReference<>(new CompletableFuture<>());
            HttpClient listener = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
                    .setDefaultPort(h.app.port()));
            StringBuilder pending = new StringBuilder();
            listener.request(new RequestOptions().setURI("/api/events").putHeader("Authorization",
                    "Bearer " + h.adminToken)).compose(r -> r.send()).onSuccess(resp -> resp.handler(buf -> {
                        long at = System.nanoTime();
                        pending.append(buf.toString());
                        int end;
                        while ((end = pending.indexOf("\n\n")) >= 0) {
                            String frame = pending.substring(0, end);
                            pending.delete(0, end + 2);
                            if (frame.startsWith("event: result") && frame.contains(id)) {
                                next.get().complete(at);
                            }
                        }
                    })).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            long[] sendToEvent = new long[results];
            long[] answerToEvent = new long[results];
            for (int i = -warmup; i < results; i++) {
                CompletableFuture<Long> event = new CompletableFuture<>();
                next.set(event);
                long sent = System.nanoTime();
                Harness.Answer a = h.call(HttpMethod.POST, "/api/commitments/" + id + "/results",
                        "{\"value\": " + (i + warmup + 1) + ", \"asOf\": \"2025-06-30\"}", null);
                long answered = System.nanoTime();
                if (a.status() != 201) {
                    throw new IllegalStateException(a.text());
                }
                long at = event.get(10, TimeUnit.SECONDS);
                if (i >= 0) {
                    sendToEvent[i] = at - sent;
                    answerToEvent[i] = Math.max(0, at - answered);
                }
            }
            System.out.printf("results %d (after %d warm-up), cores %d%n", results, warmup,
                    Runtime.getRuntime().availableProcessors());
            report("POST sent -> event at client", sendToEvent);
            report("answer received -> event at client", answerToEvent);
            listener.close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static void report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("%-36s p50 %.2f ms  p99 %.2f ms  max %.2f ms%n", what, s[s.length / 2] / 1e6,
                s[(int) (s.length * 0.99)] / 1e6, s[s.length - 1] / 1e6);
    }

    private static int arg(String[] args, String name, int otherwise) {
        return Arrays.stream(args).filter(a -> a.startsWith(name + "=")).findFirst()
                .map(a -> Integer.parseInt(a.substring(name.length() + 1))).orElse(otherwise);
    }
}
