package plancheck.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;

import plancheck.App;
import plancheck.Config;
import plancheck.http.LedgerRoutes;
import plancheck.service.Service;

/**
 * 台账 export and import at size: loads N sample commitments of every kind (one result each) into a server in this
 * JVM, then downloads {@code GET /api/ledger.xlsx} (today, from the index), {@code GET /api/ledger.xlsx?asOf=}
 * (evaluated aside at a past date) and {@code GET /api/ledger.csv} over 127.0.0.1, reading the body as it streams in
 * without keeping it. Then posts the .xlsx and .csv export to {@code POST /api/ledger/import}: back to the same
 * server (every row names a stored commitment: compared, all unchanged) and to an empty one (every row read by the
 * report importer as a new commitment). Prints the time to the last byte, the size, and the heap: in use before
 * (after a full collection) and the peak sampled every 5 ms during the request.
 *
 * <pre>
 * bench/ledger.sh [sizes=10000,100000] [repeat=3] [steps=export,import]
 * </pre>
 */
public final class LedgerBench {

    private static final int BATCH = 1000;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final plancheck.domain.Actor BENCH = plancheck.domain.Actor.system("bench");
    /** an admin's token on the server of the current size */
    private static String token;
    /** export, import: which requests to time */
    private static List<String> steps;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-31T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

    public static void main(String[] args) throws Exception {
        String sizes = arg(args, "sizes", "10000,100000");
        int repeat = Integer.parseInt(arg(args, "repeat", "3"));
        steps = List.of(arg(args, "steps", "export,import").split(","));
        System.out.printf("machine: %d cores, %d MiB max heap, %s %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("os.name"),
                System.getProperty("java.version"));
        for (String size : sizes.split(",")) {
            run(Integer.parseInt(size.strip()), repeat);
        }
    }

    private static void run(int n, int repeat) throws Exception {
        Path data = Files.createTempDirectory("plancheck-ledger-bench");
        Vertx vertx = Vertx.vertx();
        App app = start(vertx, data);
        Path emptyData = Files.createTempDirectory("plancheck-ledger-bench-empty");
        App empty = null;
        HttpClient client = client(vertx, app);
        HttpClient emptyClient = null;
        try {
            long t0 = System.nanoTime();
            token = admin(app);
            load(app.service(), Workload.generate(n, 40, 1, 7));
            System.out.printf("%n%d commitments loaded in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            for (String uri : List.of("/api/ledger.xlsx", "/api/ledger.xlsx?asOf=2025-06-30", "/api/ledger.csv")) {
                for (int i = 0; i < repeat && steps.contains("export"); i++) {
                    download(client, uri);
                }
            }
            if (!steps.contains("import")) {
                return;
            }
            byte[] xlsx = fetch(client, "/api/ledger.xlsx");
            byte[] csv = fetch(client, "/api/ledger.csv");
            for (int i = 0; i < repeat; i++) {
                upload(client, "same server", xlsx, XLSX);
                upload(client, "same server", csv, "text/csv");
            }
            empty = start(vertx, emptyData);
            emptyClient = client(vertx, empty);
            String full = token;
            token = admin(empty);
            for (int i = 0; i < repeat; i++) {
                upload(emptyClient, "empty server", xlsx, XLSX);
                upload(emptyClient, "empty server", csv, "text/csv");
            }
            token = full;
        } finally {
            client.close();
            if (emptyClient != null) {
                emptyClient.close();
            }
            app.close();
            if (empty != null) {
                empty.close();
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static App start(Vertx vertx, Path data) throws Exception {
        // the environment applies (PLANCHECK_REQUEST_TIMEOUT_MS: a loaded machine may need more than the default)
        Config config = Config.fromEnvironment(System.getenv()).withData(data).withPort(0).withHost("127.0.0.1");
        return App.start(vertx, config, CLOCK,
                List.of(LedgerRoutes::new, plancheck.http.LedgerImportRoutes::new), s -> { });
    }

    private static HttpClient client(Vertx vertx, App app) {
        return vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(app.port()));
    }

    private static String admin(App app) {
        return app.service().accounts().bootstrap(new plancheck.domain.User("admin", "管理员", List.of(
                new plancheck.domain.Grant(plancheck.domain.Role.ADMIN, null)), false), null, "bench",
                java.time.LocalDate.now(CLOCK).plusDays(30)).secret();
    }

    /** The whole body of a download. */
    private static byte[] fetch(HttpClient client, String uri) throws Exception {
        return client.request(HttpMethod.GET, uri).compose(r -> r.putHeader("Authorization", "Bearer " + token)
                .send()).compose(r -> r.body()).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.MINUTES).getBytes();
    }

    /** Posts a 台账 to the import; prints as {@link #download} does, with what the rows came to. */
    private static void upload(HttpClient client, String where, byte[] file, String type) throws Exception {
        String uri = "/api/ledger/import?district=fenghuang&year=2025";
        StringBuilder counts = new StringBuilder();
        measure("import " + (type.equals("text/csv") ? "csv" : "xlsx") + " → " + where, () -> {
            CompletableFuture<long[]> done = new CompletableFuture<>();
            client.request(HttpMethod.POST, uri).compose(r -> r.putHeader("Authorization", "Bearer " + token)
                    .putHeader("content-type", type).send(io.vertx.core.buffer.Buffer.buffer(file)))
                    .compose(r -> r.body().map(b -> {
                        if (r.statusCode() == 201) {
                            counts.append(new io.vertx.core.json.JsonObject(b).getJsonObject("counts").encode());
                        }
                        return new long[] {r.statusCode(), file.length};
                    }))
                    .onSuccess(done::complete).onFailure(done::completeExceptionally);
            return done;
        }, 201);
        System.out.println("    rows: " + counts);
    }

    private static void load(Service service, Workload w) {
        for (int from = 0; from < w.commitments.size(); from += BATCH) {
            int to = Math.min(w.commitments.size(), from + BATCH);
            service.createCommitments(w.commitments.subList(from, to), BENCH).join();
            service.reportAll(w.results.subList(from, to), BENCH).join();
        }
    }

    private static void download(HttpClient client, String uri) throws Exception {
        measure(uri, () -> {
            AtomicLong bytes = new AtomicLong();
            CompletableFuture<long[]> done = new CompletableFuture<>();
            client.request(HttpMethod.GET, uri).compose(r -> r.putHeader("Authorization", "Bearer " + token).send())
                    .onSuccess(response -> {
                        response.handler(b -> bytes.addAndGet(b.length()));
                        response.endHandler(v -> done.complete(new long[] {response.statusCode(), bytes.get()}));
                        response.exceptionHandler(done::completeExceptionally);
                    }).onFailure(done::completeExceptionally);
            return done;
        }, 200);
    }

    /** Runs one request ({status, bytes}) while sampling the heap; prints time, bytes, heap and CPU. */
    private static void measure(String label, java.util.function.Supplier<CompletableFuture<long[]>> request,
            int expected) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicLong live = new AtomicLong(before);
        List<java.lang.management.MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP && p.getCollectionUsage() != null)
                .toList();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                // what the last collection left: the live data, without the garbage not yet collected
                live.accumulateAndGet(pools.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum(),
                        Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long cpu0 = cpu();
        long t0 = System.nanoTime();
        long[] answer = request.get().get(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - t0) / 1e9;
        running.set(false);
        sampler.join();
        if (answer[0] != expected) {
            throw new IllegalStateException(label + " answered " + answer[0]);
        }
        System.out.printf("%-36s %6.2f s  %6.1f MiB  heap before %4d MiB; peak used %4d MiB, peak after GC %4d MiB"
                + " (+%d); CPU %.1f s%n", label, seconds, answer[1] / 1048576.0, before >> 20, peak.get() >> 20,
                live.get() >> 20, (live.get() - before) >> 20, (cpu() - cpu0) / 1e9);
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String arg(String[] args, String name, String fallback) {
        List<String> found = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                found.add(a.substring(name.length() + 1));
            }
        }
        return found.isEmpty() ? fallback : found.get(found.size() - 1);
    }
}
