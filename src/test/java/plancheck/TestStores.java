package plancheck;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store the tests run on. By default the embedded H2 database in each test's data folder; with
 * {@code -Dplancheck.test.jdbc=postgresql} a PostgreSQL schema per data folder instead (fresh the first time a
 * folder is used in this run, the same one when a test restarts on the same folder), so tests stay independent.
 * The server is {@code -Dplancheck.test.postgresql.url} (default {@value #DEFAULT_URL}), user
 * {@code -Dplancheck.test.postgresql.user} (default postgres); the schemas are dropped when the run ends.
 */
public final class TestStores {

    public static final String PROPERTY = "plancheck.test.jdbc";
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestStores::dropCreated, "drop-test-schemas"));
    }

    private TestStores() {
    }

    /** True when this run is on PostgreSQL. */
    public static boolean postgresql() {
        String store = System.getProperty(PROPERTY, "h2");
        return switch (store) {
            case "h2" -> false;
            case "postgresql" -> true;
            default -> throw new IllegalStateException("-D" + PROPERTY + " is h2 or postgresql, not " + store);
        };
    }

    /** The default configuration with the store of this run for {@code data}. */
    public static Config config(Path data) {
        Config base = Config.defaults().withData(data);
        return postgresql() ? base.withJdbc(url(data), user(), null) : base;
    }

    /** The JDBC URL of the store of {@code data}. */
    public static String url(Path data) {
        if (!postgresql()) {
            return Config.defaults().withData(data).effectiveJdbcUrl();
        }
        String schema = schema(data);
        if (CREATED.add(schema)) {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
        }
        return server() + "?currentSchema=" + schema;
    }

    /** The database user for {@link #url}; null for H2. */
    public static String user() {
        return postgresql() ? System.getProperty("plancheck.test.postgresql.user", "postgres") : null;
    }

    /** The command-line flags that name the store of {@code data}. */
    public static List<String> flags(Path data) {
        return postgresql() ? List.of("--jdbc-url", url(data), "--jdbc-user", user())
                : List.of("--data", data.toString());
    }

    /** A plain connection to the store of {@code data} (auto-commit), for tests that tamper with rows. */
    public static Connection connect(Path data) throws SQLException {
        return DriverManager.getConnection(url(data), user(), null);
    }

    private static String server() {
        return System.getProperty("plancheck.test.postgresql.url", DEFAULT_URL);
    }

    /** A schema name that depends only on the folder: a restart on the same folder finds the same data. */
    private static String schema(Path data) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(data.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
            return "plancheck_test_" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String... statements) {
        try (Connection c = DriverManager.getConnection(server(), user(), null); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the PostgreSQL test run (-D" + PROPERTY + "=postgresql) cannot use "
                    + server() + " as " + user() + ": " + e.getMessage() + ". Start PostgreSQL (e.g. pg_ctlcluster"
                    + " --skip-systemctl-redirect 15 main start) or run ./test.sh --skip-postgresql", e);
        }
    }

    private static void dropCreated() {
        if (CREATED.isEmpty()) {
            return;
        }
        try {
            execute(CREATED.stream().map(s -> "DROP SCHEMA IF EXISTS " + s + " CASCADE").toArray(String[]::new));
        } catch (IllegalStateException ignored) {
            // the server went away: the schemas stay until the next run of the same folders (never) or a cleanup
        }
    }
}
