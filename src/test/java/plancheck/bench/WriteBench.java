package plancheck.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * Writes that must not block each other, against 127.0.0.1 only, bounded in count: small result posts (closed loop)
 * alone, then while large batches of results run through {@code POST /api/results/batch}; then, in its own fresh
 * database, the size of the H2 file under a stream of single-result commits.
 *
 * <pre>
 * bench/writes.sh [commitments=20000] [batch=10000] [batches=3] [smallConnections=4] [commits=200000] [decisions=1]
 * </pre>
 * {@code decisions=0} leaves the decision log off.
 */
public final class WriteBench {

    public static void main(String[] args) throws Exception {
        int commitments = intArg(args, "commitments", 20_000);
        int batch = intArg(args, "batch", 10_000);
        int batches = intArg(args, "batches", 3);
        int small = intArg(args, "smallConnections", 4);
        int commits = intArg(args, "commits", 200_000);
        decisions = intArg(args, "decisions", 1) == 1;
        System.out.printf("machine: %d cores, %d MiB max heap, java %s, load average %.2f; decision log %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), load(), decisions ? "on" : "off");
        if (batches > 0) {
            withServer(commitments, (client, ids) -> batches(client, ids, batch, batches, small));
        }
        if (commits > 0) {
            withServer(1000, (client, ids) -> growth(client, ids, commits));
        }
    }

    interface Run {
        void run(HttpClient client, int commitments) throws Exception;
    }

    private static Path data;
    /** with the decision log on (as serve runs), or off (as the benchmark ran before it had the option) */
    private static boolean decisions;
    /** an admin's API token, sent with every request */
    private static String token;

    private static void withServer(int commitments, Run run) throws Exception {
        data = Files.createTempDirectory("plancheck-writes");
        Vertx server = Vertx.vertx();
        Config config = Config.defaults().withData(data).withPort(0).withHost("127.0.0.1").withMaxBodyBytes(64L << 20);
        // with the decision log, as serve runs: every write also stores the status changes it causes
        App app = App.start(server, config, Clock.systemDefaultZone(), decisions ? List.of(plancheck.http.RuleRoutes
                .on(config.rules(), false, config.maxBodyBytes())) : List.of(), s -> { });
        token = app.service().accounts().bootstrap(new plancheck.domain.User("admin", "bench", List.of(
                new plancheck.domain.Grant(plancheck.domain.Role.ADMIN, null)), false), null, "bench",
                LocalDate.now().plusDays(1)).secret();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(app.port()).setKeepAlive(true).setIdleTimeout(600), new PoolOptions().setHttp1MaxSize(64));
        try {
            int year = LocalDate.now().getYear();
            for (int from = 0; from < commitments; from += 1000) {
                StringBuilder body = new StringBuilder("[");
                for (int i = from; i < Math.min(commitments, from + 1000); i++) {
                    body.append(i > from ? "," : "").append(String.format(Locale.ROOT, "{\"id\":\"w%d\",\"district\":"
                            + "\"d%d\",\"year\":%d,\"title\":\"新增托位%d个以上\",\"kind\":\"AT_LEAST\",\"target\":%d}",
                            i, i % 10, year, 100 + i % 50, 100 + i % 50));
                }
                expect(201, send(client, "/api/commitments/batch", body.append(']').toString()));
            }
            run.run(client, commitments);
        } finally {
            client.close();
            vertx.close();
            app.close();
            server.close();
            try (var paths = Files.walk(data)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String one(int commitments) {
        return "{\"value\":" + ThreadLocalRandom.current().nextInt(200) + ",\"asOf\":\"" + LocalDate.now()
                + "\",\"sample\":true}";
    }

    private static void batches(HttpClient client, int commitments, int size, int batches, int small)
            throws Exception {
        Latencies alone = smallWrites(client, commitments, small, () -> sleep(5000));
        alone.print("small writes alone (5 s)");
        List<Double> took = new ArrayList<>();
        Latencies during = smallWrites(client, commitments, small, () -> {
            for (int b = 0; b < batches; b++) {
                StringBuilder body = new StringBuilder("[");
                for (int i = 0; i < size; i++) {
                    body.append(i > 0 ? "," : "").append("{\"commitmentId\":\"w")
                            .append(ThreadLocalRandom.current().nextInt(commitments)).append("\",\"value\":")
                            .append(ThreadLocalRandom.current().nextInt(200)).append(",\"asOf\":\"")
                            .append(LocalDate.now()).append("\",\"sample\":true}");
                }
                long t0 = System.nanoTime();
                expect(201, send(client, "/api/results/batch", body.append(']').toString()));
                took.add((System.nanoTime() - t0) / 1e6);
            }
        });
        during.print("small writes while " + batches + " batches of " + size + " results ran one after another");
        System.out.printf(Locale.ROOT, "batches of %d: %s ms each; load average %.2f%n", size,
                took.stream().map(t -> String.format(Locale.ROOT, "%.0f", t)).toList(), load());
    }

    private static void growth(HttpClient client, int commitments, int commits) throws Exception {
        long t0 = System.nanoTime();
        Path file = data.resolve("plancheck.mv.db");
        for (int i = 1; i <= commits; i++) {
            expect(201, send(client, "/api/commitments/w" + ThreadLocalRandom.current().nextInt(commitments)
                    + "/results", one(commitments)));
            if (i % (commits / 10) == 0) {
                System.out.printf(Locale.ROOT, "after %d single-result commits: H2 file %.1f MB (%.0f s)%n", i,
                        Files.size(file) / 1e6, (System.nanoTime() - t0) / 1e9);
            }
        }
        System.out.printf(Locale.ROOT, "load average %.2f%n", load());
    }

    /** Closed loops of single-result posts while {@code during} runs; their latencies. */
    private static Latencies smallWrites(HttpClient client, int commitments, int connections, Runnable during)
            throws Exception {
        Latencies l = new Latencies();
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<?>[] loops = new CompletableFuture<?>[connections];
        for (int c = 0; c < connections; c++) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            loops[c] = f;
            next(client, commitments, l, stop, f);
        }
        during.run();
        stop.set(true);
        CompletableFuture.allOf(loops).get(120, TimeUnit.SECONDS);
        return l;
    }

    private static void next(HttpClient client, int commitments, Latencies l, AtomicBoolean stop,
            CompletableFuture<Void> done) {
        if (stop.get()) {
            done.complete(null);
            return;
        }
        long t0 = System.nanoTime();
        exchange(client, "/api/commitments/w" + ThreadLocalRandom.current().nextInt(commitments) + "/results",
                one(commitments)).onComplete(ar -> {
                    l.add(System.nanoTime() - t0, ar.succeeded() && ar.result() == 201);
                    next(client, commitments, l, stop, done);
                });
    }

    static final class Latencies {
        private long[] ns = new long[1 << 16];
        private int n;
        private int errors;

        synchronized void add(long took, boolean ok) {
            if (!ok) {
                errors++;
                return;
            }
            if (n == ns.length) {
                ns = Arrays.copyOf(ns, n * 2);
            }
            ns[n++] = took;
        }

        synchronized void print(String what) {
            long[] s = Arrays.copyOf(ns, n);
            Arrays.sort(s);
            System.out.printf(Locale.ROOT, "%s: %d answered 201, %d errors, p50 %.2f ms, p99 %.2f ms, max %.2f ms;"
                    + " load average %.2f%n", what, n, errors, pct(s, 0.5), pct(s, 0.99),
                    n == 0 ? 0 : s[n - 1] / 1e6, load());
        }

        private static double pct(long[] s, double p) {
            return s.length == 0 ? 0 : s[Math.min(s.length - 1, (int) (p * s.length))] / 1e6;
        }
    }

    private static void expect(int status, int got) {
        if (got != status) {
            throw new IllegalStateException("expected " + status + ", got " + got);
        }
    }

    private static int send(HttpClient client, String uri, String body) {
        return exchange(client, uri, body).toCompletionStage().toCompletableFuture().orTimeout(300, TimeUnit.SECONDS)
                .join();
    }

    private static Future<Integer> exchange(HttpClient client, String uri, String body) {
        return client.request(new RequestOptions().setMethod(HttpMethod.POST).setURI(uri).setTimeout(300_000))
                .compose(req -> req.putHeader("content-type", "application/json")
                        .putHeader("Authorization", "Bearer " + token).send(Buffer.buffer(body))
                        .compose(resp -> resp.body().map(b -> resp.statusCode())));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return Integer.parseInt(a.substring(name.length() + 1));
            }
        }
        return fallback;
    }
}
