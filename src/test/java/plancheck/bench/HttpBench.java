package plancheck.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import plancheck.App;
import plancheck.Config;

/**
 * HTTP load run against 127.0.0.1 only, bounded in time: loads N commitments through the batch endpoint, then
 * measures {@code GET /api/evaluations/{id}} and durable {@code POST /api/commitments/{id}/results} with a closed
 * loop of concurrent connections, printing throughput and latency percentiles.
 *
 * <pre>
 * bench/http.sh \
 *     [commitments=100000] [seconds=15] [getConnections=32] [postConnections=32] [only=get,post]
 *     [url=http://127.0.0.1:PORT]
 * </pre>
 * Without {@code url} it starts its own server in this JVM on a fresh temporary database.
 */
public final class HttpBench {

    private static final int BATCH = 1000;

    public static void main(String[] args) throws Exception {
        int commitments = intArg(args, "commitments", 100_000);
        int seconds = intArg(args, "seconds", 15);
        int getConnections = intArg(args, "getConnections", 32);
        int postConnections = intArg(args, "postConnections", 32);
        String url = arg(args, "url", null);
        String only = arg(args, "only", "get,post");

        System.out.printf("machine: %d cores, %d MiB max heap, %s %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("os.name"), System.getProperty("java.version"));
        Vertx server = null;
        App app = null;
        Path data = null;
        String host = "127.0.0.1";
        int port;
        if (url == null) {
            data = Files.createTempDirectory("plancheck-bench");
            server = Vertx.vertx();
            app = App.start(server, Config.defaults().withData(data).withPort(0).withHost(host)
                    .withMaxBodyBytes(8L << 20), Clock.systemDefaultZone());
            port = app.port();
            System.out.println("server: in this JVM, database " + data);
        } else {
            URI uri = URI.create(url);
            if (!"127.0.0.1".equals(uri.getHost())) {
                throw new IllegalArgumentException("load runs target 127.0.0.1 only, not " + uri.getHost());
            }
            port = uri.getPort();
            System.out.println("server: " + url);
        }

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(host).setDefaultPort(port)
                .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(Math.max(getConnections, postConnections)));
        try {
            String prefix = "bench-" + Long.toString(System.currentTimeMillis(), 36) + "-";
            int year = LocalDate.now().getYear();
            long t0 = System.nanoTime();
            for (int from = 0; from < commitments; from += BATCH) {
                StringBuilder body = new StringBuilder("[");
                for (int i = from; i < Math.min(commitments, from + BATCH); i++) {
                    if (i > from) {
                        body.append(',');
                    }
                    body.append(String.format(Locale.ROOT, "{\"id\":\"%s%d\",\"district\":\"d%d\",\"year\":%d,"
                            + "\"category\":\"c%d\",\"title\":\"新增托位%d个以上\",\"kind\":\"AT_LEAST\",\"target\":%d}",
                            prefix, i, i % 10, year, i % 7, 100 + i % 50, 100 + i % 50));
                }
                int status = send(client, HttpMethod.POST, "/api/commitments/batch", body.append(']').toString())
                        .get(120, TimeUnit.SECONDS);
                if (status != 201) {
                    throw new IllegalStateException("loading failed with " + status);
                }
            }
            System.out.printf("load: %d commitments in %.1f s through POST /api/commitments/batch (%d per batch)%n",
                    commitments, (System.nanoTime() - t0) / 1e9, BATCH);

            String today = LocalDate.now().toString();
            String who = app == null ? "client only" : "client + server";
            if (only.contains("get")) {
                run("GET /api/evaluations/{id}", who, client, getConnections, seconds, 200,
                    i -> new String[] {"GET", "/api/evaluations/" + prefix + ThreadLocalRandom.current().nextInt(commitments),
                            null});
            }
            if (only.contains("post")) {
                run("POST /api/commitments/{id}/results", who, client, postConnections, seconds, 201,
                    i -> new String[] {"POST", "/api/commitments/" + prefix
                            + ThreadLocalRandom.current().nextInt(commitments) + "/results",
                            "{\"value\":" + ThreadLocalRandom.current().nextInt(200) + ",\"asOf\":\"" + today
                                    + "\",\"sample\":true}"});
            }
        } finally {
            client.close();
            vertx.close();
            if (app != null) {
                app.close();
                server.close();
                deleteTree(data);
            }
        }
    }

    /** A closed loop: each connection sends its next request when the previous answer is in. */
    private static void run(String name, String who, HttpClient client, int connections, int seconds, int expected,
            IntFunction<String[]> request) throws Exception {
        // warm-up of a third of the time, not counted
        loop(client, connections, Math.max(1, seconds / 3), expected, request);
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long cpu0 = processCpuNanos();
        Recorded r = loop(client, connections, seconds, expected, request);
        long cpu = processCpuNanos() - cpu0;
        long[] lat = Arrays.copyOf(r.latencies, r.count.get());
        Arrays.sort(lat);
        System.out.printf(Locale.ROOT, "%s: %d connections, %d s, %d requests, %d errors, %.0f req/s,"
                + " p50 %.2f ms, p99 %.2f ms, max %.2f ms; this JVM (%s) used %.2f cores,"
                + " %.0f µs CPU per request; load average %.1f before%n", name, connections, seconds, lat.length,
                r.errors.get(), lat.length / r.elapsedSeconds, pct(lat, 0.50), pct(lat, 0.99),
                lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6, who, cpu / 1e9 / r.elapsedSeconds,
                lat.length == 0 ? 0 : cpu / 1e3 / lat.length, load);
    }

    private record Recorded(long[] latencies, AtomicInteger count, AtomicInteger errors, double elapsedSeconds) {
    }

    private static Recorded loop(HttpClient client, int connections, int seconds, int expected,
            IntFunction<String[]> request) throws Exception {
        long[] latencies = new long[20_000_000];
        AtomicInteger count = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        CompletableFuture<?>[] done = new CompletableFuture<?>[connections];
        for (int c = 0; c < connections; c++) {
            CompletableFuture<Void> finished = new CompletableFuture<>();
            done[c] = finished;
            next(client, request, expected, end, latencies, count, errors, finished);
        }
        CompletableFuture.allOf(done).get(seconds + 60L, TimeUnit.SECONDS);
        return new Recorded(latencies, count, errors, (System.nanoTime() - start) / 1e9);
    }

    private static void next(HttpClient client, IntFunction<String[]> request, int expected, long end,
            long[] latencies, AtomicInteger count, AtomicInteger errors, CompletableFuture<Void> finished) {
        long t0 = System.nanoTime();
        if (t0 >= end) {
            finished.complete(null);
            return;
        }
        String[] r = request.apply(0);
        Future<Integer> answer = exchange(client, HttpMethod.valueOf(r[0]), r[1], r[2]);
        answer.onComplete(ar -> {
            long took = System.nanoTime() - t0;
            if (ar.succeeded() && ar.result() == expected) {
                int i = count.getAndIncrement();
                if (i < latencies.length) {
                    latencies[i] = took;
                }
            } else {
                errors.incrementAndGet();
            }
            next(client, request, expected, end, latencies, count, errors, finished);
        });
    }

    private static Future<Integer> exchange(HttpClient client, HttpMethod method, String uri, String body) {
        return client.request(new RequestOptions().setMethod(method).setURI(uri)).compose(req -> {
            Future<io.vertx.core.http.HttpClientResponse> sent = body == null ? req.send()
                    : req.putHeader("content-type", "application/json").send(Buffer.buffer(body));
            return sent.compose(resp -> resp.body().map(b -> resp.statusCode()));
        });
    }

    private static CompletableFuture<Integer> send(HttpClient client, HttpMethod method, String uri, String body) {
        return exchange(client, method, uri, body).toCompletionStage().toCompletableFuture();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
    }

    private static String arg(String[] args, String name, String fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return fallback;
    }

    private static int intArg(String[] args, String name, int fallback) {
        String v = arg(args, name, null);
        return v == null ? fallback : Integer.parseInt(v);
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
