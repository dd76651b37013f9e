package plancheck.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import plancheck.domain.Commitment;
import plancheck.domain.Kind;
import plancheck.domain.Source;
import plancheck.store.Json;
import plancheck.store.Store;

/**
 * The data set of {@code bench/versus-sql.sh}, loaded into plancheck's PostgreSQL schema and into a plain SQL schema
 * with a status view computed per request, and the SQL side of the measures.
 *
 * <p>Made-up sample data, deterministic: {@code n} commitments (ids v0…, kind AT_LEAST, plan year 2023 + i mod 3)
 * spread at random over {@code districts} streets (vs-s0…) under 100 districts (vs-q0…) under one city (vs-city),
 * with 0–6 results each, on distinct dates of the plan year before 31 December (left for the posts of the run).
 *
 * <p>{@code load n=… districts=…}: drops and refills schemas vs_plancheck (through plancheck's migrations, then COPY)
 * and vs_sql. {@code sql n=… districts=… seconds=… connections=…}: measures the SQL side and prints one
 * {@code key value} line per figure.
 */
public final class VersusSql {

    static final String SERVER = System.getProperty("versus.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("versus.user", "postgres");
    static final String PLANCHECK = "vs_plancheck";
    static final String SQL = "vs_sql";
    private static final String[] CATEGORIES = {"经济发展", "民生保障", "城市建设", "生态环境", "社会治理", "党的建设"};
    private static final String[] OWNERS = {"区发展和改革局", "区住房和建设局", "区教育局", "区卫生健康局", "区民政局",
        "区城市管理和综合执法局", "区生态环境分局", "区应急管理局", "街道办事处", "社区工作站", "区财政局", "区文化广电旅游体育局"};
    private static final int QUS = 100;
    private static final int CHUNK = 50_000;
    private static final long SEED = 14;

    private VersusSql() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            a.put(kv[0], kv[1]);
        }
        int n = Integer.parseInt(a.getOrDefault("n", "1000000"));
        int districts = Integer.parseInt(a.getOrDefault("districts", "10000"));
        switch (args[0]) {
            case "load" -> load(n, districts);
            case "sql" -> measure(n, districts, Integer.parseInt(a.getOrDefault("seconds", "10")),
                    Integer.parseInt(a.getOrDefault("connections", "32")));
            default -> throw new IllegalArgumentException("load or sql");
        }
    }

    // ---- the data set

    /** One commitment of the data set and its results (values rising, dates distinct and sorted). */
    record Item(Commitment commitment, LocalDate[] dates, double[] values) {
    }

    static Item item(int i, SplittableRandom random, int districts) {
        int year = 2023 + i % 3;
        double target = 10 + random.nextInt(991);
        Commitment c = new Commitment("v" + i, "vs-s" + random.nextInt(districts), null, year,
                CATEGORIES[random.nextInt(CATEGORIES.length)], "新增托位" + (int) target + "个以上（样例）", Kind.AT_LEAST,
                "childcare_places", "个", target, null, null, null, null, null, null, null, null,
                OWNERS[random.nextInt(OWNERS.length)], null, new Source("sample", "二、工作计划", "sample data"), null, 1);
        int k = random.nextInt(7);
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        int days = jan1.lengthOfYear() - 1;
        int[] picked = random.ints(0, days).distinct().limit(k).sorted().toArray();
        double last = Math.floor(random.nextDouble() * 1.3 * target);
        double[] values = new double[k];
        for (int j = 0; j < k; j++) {
            values[j] = Math.floor(last * (j + 1) / k);
        }
        LocalDate[] dates = new LocalDate[k];
        for (int j = 0; j < k; j++) {
            dates[j] = jan1.plusDays(picked[j]);
        }
        return new Item(c, dates, values);
    }

    // ---- loading

    static void load(int n, int districts) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER, USER, null); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + PLANCHECK + " CASCADE");
            s.execute("DROP SCHEMA IF EXISTS " + SQL + " CASCADE");
            s.execute("CREATE SCHEMA " + PLANCHECK);
            s.execute("CREATE SCHEMA " + SQL);
        }
        // plancheck's own migrations make its tables
        Store.open(SERVER + "?currentSchema=" + PLANCHECK, USER, null).close();
        long t0 = System.nanoTime();
        long results;
        try (Connection c = DriverManager.getConnection(SERVER, USER, null)) {
            results = copyAll(c, n, districts);
        }
        double copied = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(SERVER, USER, null); Statement s = c.createStatement()) {
            s.execute("CREATE INDEX result_latest ON " + SQL + ".result (commitment_id, as_of DESC, id DESC)");
            s.execute("CREATE INDEX commitment_by_district ON " + SQL + ".commitment (district, year)");
            s.execute("CREATE INDEX commitment_by_year ON " + SQL + ".commitment (year)");
            s.execute(statusView());
            s.execute("ANALYZE");
        }
        System.out.println("load.commitments " + n);
        System.out.println("load.results " + results);
        System.out.println("load.districts " + (1 + QUS + districts));
        System.out.printf("load.copy.seconds %.1f%n", copied);
        System.out.printf("load.sql.index.seconds %.1f%n", (System.nanoTime() - t1) / 1e9);
    }

    private static long copyAll(Connection c, int n, int districts) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + SQL + ".district (id TEXT PRIMARY KEY, parent TEXT)");
            s.execute("CREATE TABLE " + SQL + ".district_ancestor (ancestor TEXT, district TEXT,"
                    + " PRIMARY KEY (ancestor, district))");
            s.execute("CREATE TABLE " + SQL + ".commitment (id TEXT PRIMARY KEY, district TEXT NOT NULL,"
                    + " year INTEGER NOT NULL, category TEXT, owner TEXT, target DOUBLE PRECISION NOT NULL,"
                    + " baseline DOUBLE PRECISION, start_day DATE NOT NULL, deadline DATE NOT NULL)");
            s.execute("CREATE TABLE " + SQL + ".result (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                    + " commitment_id TEXT NOT NULL REFERENCES " + SQL + ".commitment (id),"
                    + " value DOUBLE PRECISION NOT NULL, as_of DATE NOT NULL)");
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder pcDistricts = new StringBuilder();
        StringBuilder sqlDistricts = new StringBuilder();
        StringBuilder ancestors = new StringBuilder();
        pcDistricts.append("vs-city\t样例市\t市\t\\N\n");
        sqlDistricts.append("vs-city\t\\N\n");
        ancestors.append("vs-city\tvs-city\n");
        for (int q = 0; q < QUS; q++) {
            pcDistricts.append("vs-q").append(q).append("\t样例区").append(q).append("\t区\tvs-city\n");
            sqlDistricts.append("vs-q").append(q).append("\tvs-city\n");
            ancestors.append("vs-q").append(q).append("\tvs-q").append(q).append('\n');
            ancestors.append("vs-city\tvs-q").append(q).append('\n');
        }
        for (int d = 0; d < districts; d++) {
            String q = "vs-q" + d % QUS;
            pcDistricts.append("vs-s").append(d).append("\t样例街道").append(d).append("\t街道\t").append(q).append('\n');
            sqlDistricts.append("vs-s").append(d).append('\t').append(q).append('\n');
            for (String up : new String[] {"vs-s" + d, q, "vs-city"}) {
                ancestors.append(up).append("\tvs-s").append(d).append('\n');
            }
        }
        copy.copyIn("COPY " + PLANCHECK + ".district (id, name, level, parent) FROM STDIN", reader(pcDistricts));
        copy.copyIn("COPY " + SQL + ".district (id, parent) FROM STDIN", reader(sqlDistricts));
        copy.copyIn("COPY " + SQL + ".district_ancestor (ancestor, district) FROM STDIN", reader(ancestors));
        SplittableRandom random = new SplittableRandom(SEED);
        String at = Instant.parse("2025-01-01T00:00:00Z").toString();
        long results = 0;
        for (int lo = 0; lo < n; lo += CHUNK) {
            StringBuilder pc = new StringBuilder();
            StringBuilder rev = new StringBuilder();
            StringBuilder pcr = new StringBuilder();
            StringBuilder sc = new StringBuilder();
            StringBuilder sr = new StringBuilder();
            for (int i = lo; i < Math.min(n, lo + CHUNK); i++) {
                Item it = item(i, random, districts);
                Commitment k = it.commitment();
                String body = escape(Json.MAPPER.writeValueAsString(k));
                pc.append(k.id()).append("\t1\t").append(k.district()).append('\t').append(k.year()).append('\t')
                        .append(k.category()).append("\tAT_LEAST\t").append(body).append('\n');
                rev.append(k.id()).append("\t1\t").append(body).append("\tbench\t").append(at).append('\n');
                sc.append(k.id()).append('\t').append(k.district()).append('\t').append(k.year()).append('\t')
                        .append(k.category()).append('\t').append(k.owner()).append('\t').append(k.target())
                        .append("\t\\N\t").append(k.effectiveStart()).append('\t').append(k.effectiveDeadline())
                        .append('\n');
                for (int j = 0; j < it.dates().length; j++) {
                    pcr.append(k.id()).append('\t').append(it.values()[j]).append('\t').append(it.dates()[j])
                            .append("\tbench\tt\t").append(at).append("\tAPPROVED\n");
                    sr.append(k.id()).append('\t').append(it.values()[j]).append('\t').append(it.dates()[j])
                            .append('\n');
                    results++;
                }
            }
            copy.copyIn("COPY " + PLANCHECK + ".commitment (id, revision, district, plan_year, category, kind, body)"
                    + " FROM STDIN", reader(pc));
            copy.copyIn("COPY " + PLANCHECK + ".commitment_revision (commitment_id, revision, body, changed_by,"
                    + " changed_at) FROM STDIN", reader(rev));
            copy.copyIn("COPY " + PLANCHECK + ".result (commitment_id, result_value, as_of, reported_by, sample,"
                    + " recorded_at, review) FROM STDIN", reader(pcr));
            copy.copyIn("COPY " + SQL + ".commitment FROM STDIN", reader(sc));
            copy.copyIn("COPY " + SQL + ".result (commitment_id, value, as_of) FROM STDIN", reader(sr));
        }
        return results;
    }

    /**
     * The main status logic of the shipped rules for AT_LEAST commitments, in plain SQL: the latest result counts;
     * before the deadline 已完成 when met, else 序时推进 or 进度滞后 by 10 points against linear 序时进度; after it
     * 超额完成 from 110 %, 已完成, 基本完成 from 90 %, else 未完成; 未报送 without a result. Today in Asia/Shanghai.
     */
    static String statusView() {
        String progress = "(l.value - coalesce(c.baseline, 0)) / (c.target - coalesce(c.baseline, 0))";
        String expected = "least(1.0, greatest(0.0, (t.today - c.start_day)::float8 / (c.deadline - c.start_day)))";
        return "CREATE VIEW " + SQL + ".status AS SELECT c.id, c.district, c.year, c.category, c.owner, CASE"
                + " WHEN l.value IS NULL THEN 'NO_DATA'"
                + " WHEN t.today <= c.deadline AND l.value >= c.target THEN 'ACHIEVED'"
                + " WHEN t.today <= c.deadline AND " + progress + " >= " + expected + " - 0.10 THEN 'ON_TRACK'"
                + " WHEN t.today <= c.deadline THEN 'BEHIND'"
                + " WHEN l.value >= c.target AND " + progress + " >= 1.10 THEN 'EXCEEDED'"
                + " WHEN l.value >= c.target THEN 'ACHIEVED'"
                + " WHEN " + progress + " >= 0.90 THEN 'BASICALLY_ACHIEVED'"
                + " ELSE 'MISSED' END AS status"
                + " FROM " + SQL + ".commitment c"
                + " CROSS JOIN (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS today) t"
                + " LEFT JOIN LATERAL (SELECT r.value FROM " + SQL + ".result r WHERE r.commitment_id = c.id"
                + " ORDER BY r.as_of DESC, r.id DESC LIMIT 1) l ON true";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static StringReader reader(StringBuilder b) {
        return new StringReader(b.toString());
    }

    // ---- measuring

    /** The scorecard's figures in one query: by status, and by status per category, 责任单位 and district. */
    static final String SCORECARD = "SELECT category, owner, district, status, count(*) FROM " + SQL + ".status s"
            + " WHERE s.year = ? %s GROUP BY GROUPING SETS ((status), (category, status), (owner, status),"
            + " (district, status))";

    interface Call {
        void run(Connection c, SplittableRandom random) throws SQLException;
    }

    record Stats(long calls, double seconds, double p50, double p99) {
        double perSecond() {
            return calls / seconds;
        }
    }

    static void measure(int n, int districts, int seconds, int connections) throws Exception {
        int years2025 = n / 3;
        Call status = (c, r) -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT status FROM " + SQL + ".status WHERE id = ?")) {
                ps.setString(1, "v" + r.nextInt(n));
                drain(ps);
            }
        };
        Call district = (c, r) -> {
            try (PreparedStatement ps = c.prepareStatement(String.format(SCORECARD, "AND s.district IN (SELECT"
                    + " district FROM " + SQL + ".district_ancestor WHERE ancestor = ?)"))) {
                ps.setInt(1, 2025);
                ps.setString(2, "vs-s" + r.nextInt(districts));
                drain(ps);
            }
        };
        Call year = (c, r) -> {
            try (PreparedStatement ps = c.prepareStatement(String.format(SCORECARD, ""))) {
                ps.setInt(1, 2025);
                drain(ps);
            }
        };
        Call post = (c, r) -> {
            // durable (synchronous_commit on): the result stored, then its fresh status, in one transaction
            String id = "v" + (3 * r.nextInt(Math.max(1, years2025)) + 2);
            try (PreparedStatement in = c.prepareStatement("INSERT INTO " + SQL + ".result (commitment_id, value,"
                    + " as_of) VALUES (?, ?, DATE '2025-12-31')");
                 PreparedStatement out = c.prepareStatement("SELECT status FROM " + SQL + ".status WHERE id = ?")) {
                in.setString(1, id);
                in.setDouble(2, r.nextInt(1300));
                in.executeUpdate();
                out.setString(1, id);
                drain(out);
                c.commit();
            }
        };
        // the statuses before any post, to compare with plancheck's
        try (Connection c = DriverManager.getConnection(SERVER, USER, null);
             PreparedStatement ps = c.prepareStatement("SELECT status, count(*) FROM " + SQL + ".status"
                     + " WHERE year = 2025 GROUP BY status ORDER BY status")) {
            Map<String, Long> counts = new TreeMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            System.out.println("sql.year2025.byStatus " + counts);
        }
        print("sql.status", run(status, connections, seconds, true));
        print("sql.district", run(district, connections, seconds, true));
        print("sql.year", times(year, 5));
        print("sql.post", run(post, connections, seconds, false));
    }

    private static void drain(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rs.getString(1);
            }
        }
    }

    /** A closed loop on {@code connections} connections: a warm-up of a third of the time, then the measured time. */
    static Stats run(Call call, int connections, int seconds, boolean autoCommit) throws Exception {
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> latencies = new ArrayList<>();
        int[] sizes = new int[connections];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            int me = t;
            long[][] mine = {new long[1 << 16]};
            latencies.add(null);
            Thread th = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(SEED + me);
                try (Connection c = DriverManager.getConnection(SERVER, USER, null)) {
                    c.setAutoCommit(autoCommit);
                    while (!stop.get()) {
                        long t0 = System.nanoTime();
                        call.run(c, random);
                        long took = System.nanoTime() - t0;
                        if (counting.get()) {
                            if (sizes[me] == mine[0].length) {
                                mine[0] = Arrays.copyOf(mine[0], mine[0].length * 2);
                            }
                            mine[0][sizes[me]++] = took;
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                synchronized (latencies) {
                    latencies.set(me, Arrays.copyOf(mine[0], sizes[me]));
                }
            });
            threads.add(th);
            th.start();
        }
        Thread.sleep(seconds * 1000L / 3);
        counting.set(true);
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        counting.set(false);
        double took = (System.nanoTime() - t0) / 1e9;
        stop.set(true);
        for (Thread th : threads) {
            th.join();
        }
        long[] all = latencies.stream().filter(java.util.Objects::nonNull).flatMapToLong(Arrays::stream).sorted()
                .toArray();
        if (all.length == 0) {
            return new Stats(0, took, Double.NaN, Double.NaN);
        }
        return new Stats(all.length, took, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6);
    }

    /** {@code times} calls one after another on one connection, after one not counted (for a slow query). */
    static Stats times(Call call, int times) throws Exception {
        long[] took = new long[times];
        try (Connection c = DriverManager.getConnection(SERVER, USER, null)) {
            SplittableRandom random = new SplittableRandom(SEED);
            call.run(c, random);
            for (int i = 0; i < times; i++) {
                long t0 = System.nanoTime();
                call.run(c, random);
                took[i] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(took);
        return new Stats(times, Arrays.stream(took).sum() / 1e9, took[times / 2] / 1e6, took[times - 1] / 1e6);
    }

    private static void print(String name, Stats s) {
        System.out.printf("%s.rps %.0f%n%s.p50 %.2f%n%s.p99 %.2f%n", name, s.perSecond(), name, s.p50(), name,
                s.p99());
    }
}
