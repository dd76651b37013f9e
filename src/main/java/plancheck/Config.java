package plancheck;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the server needs to start, with the defaults in one place. Environment variables override the
 * defaults and command-line flags override both.
 *
 * @param port         HTTP port; 0 picks a free one
 * @param host         address to bind
 * @param data         folder of the embedded database (ignored when {@code jdbcUrl} is set)
 * @param rules        folder of the .drl files
 * @param jdbcUrl      a JDBC URL to use instead of the embedded database (e.g. PostgreSQL)
 * @param jdbcUser     user for {@code jdbcUrl}
 * @param jdbcPassword password for {@code jdbcUrl}
 * @param partitions   rule sessions, one per thread, districts spread over them
 * @param maxBodyBytes largest accepted request body; larger gets 413
 * @param publicScorecards  scorecards and the district tree readable without credentials (政务公开)
 * @param corsOrigins       origins (https://dashboard.example.cn) whose pages may call the API from a browser
 * @param secureCookies     session cookies only over HTTPS (on behind a TLS proxy)
 * @param idleTimeoutSeconds a connection idle this long is closed
 * @param requestTimeoutMs  a request not answered in this time gets 503
 */
public record Config(int port, String host, Path data, Path rules, String jdbcUrl, String jdbcUser,
        String jdbcPassword, int partitions, long maxBodyBytes, boolean publicScorecards,
        java.util.Set<String> corsOrigins, boolean secureCookies, int idleTimeoutSeconds, long requestTimeoutMs) {

    public Config {
        corsOrigins = java.util.Set.copyOf(corsOrigins);
    }

    /** Default folder of the embedded database; {@code data/} at the repository root holds the reference data set. */
    public static final Path DEFAULT_DATA = Path.of("plancheck-data");

    public static Config defaults() {
        return new Config(8080, "0.0.0.0", DEFAULT_DATA, Path.of("rules"), null, null, null,
                Math.max(1, Runtime.getRuntime().availableProcessors()), 1024 * 1024, false, java.util.Set.of(), false,
                30, 30_000);
    }

    /** The defaults with PLANCHECK_* environment variables applied. */
    public static Config fromEnvironment(Map<String, String> env) {
        Config d = defaults();
        return new Config(
                intOr(env, "PLANCHECK_PORT", d.port),
                env.getOrDefault("PLANCHECK_HOST", d.host),
                env.containsKey("PLANCHECK_DATA") ? Path.of(env.get("PLANCHECK_DATA")) : d.data,
                env.containsKey("PLANCHECK_RULES") ? Path.of(env.get("PLANCHECK_RULES")) : d.rules,
                env.getOrDefault("PLANCHECK_JDBC_URL", d.jdbcUrl),
                env.getOrDefault("PLANCHECK_JDBC_USER", d.jdbcUser),
                env.getOrDefault("PLANCHECK_JDBC_PASSWORD", d.jdbcPassword),
                intOr(env, "PLANCHECK_PARTITIONS", d.partitions),
                env.containsKey("PLANCHECK_MAX_BODY_BYTES") ? Long.parseLong(env.get("PLANCHECK_MAX_BODY_BYTES"))
                        : d.maxBodyBytes,
                Boolean.parseBoolean(env.getOrDefault("PLANCHECK_PUBLIC_SCORECARDS", String.valueOf(d.publicScorecards))),
                env.containsKey("PLANCHECK_CORS_ORIGINS") ? java.util.Set.of(env.get("PLANCHECK_CORS_ORIGINS")
                        .split(",")) : d.corsOrigins,
                Boolean.parseBoolean(env.getOrDefault("PLANCHECK_SECURE_COOKIES", String.valueOf(d.secureCookies))),
                intOr(env, "PLANCHECK_IDLE_TIMEOUT_SECONDS", d.idleTimeoutSeconds),
                env.containsKey("PLANCHECK_REQUEST_TIMEOUT_MS") ? Long.parseLong(env.get("PLANCHECK_REQUEST_TIMEOUT_MS"))
                        : d.requestTimeoutMs);
    }

    private static int intOr(Map<String, String> env, String name, int fallback) {
        return env.containsKey(name) ? Integer.parseInt(env.get(name)) : fallback;
    }

    /** The JDBC URL in use: the given one, else an H2 file database in {@code data}. */
    public String effectiveJdbcUrl() {
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            return jdbcUrl;
        }
        // WRITE_DELAY=0: a commit reaches the file before the answer goes out, so a 2xx survives a killed process
        return "jdbc:h2:file:" + data.toAbsolutePath().resolve("plancheck") + ";WRITE_DELAY=0;RETENTION_TIME=1000";
    }

    public Config withPort(int newPort) {
        return new Config(newPort, host, data, rules, jdbcUrl, jdbcUser, jdbcPassword, partitions, maxBodyBytes,
                publicScorecards, corsOrigins, secureCookies, idleTimeoutSeconds, requestTimeoutMs);
    }

    public Config withHost(String newHost) {
        return new Config(port, newHost, data, rules, jdbcUrl, jdbcUser, jdbcPassword, partitions, maxBodyBytes,
                publicScorecards, corsOrigins, secureCookies, idleTimeoutSeconds, requestTimeoutMs);
    }

    public Config withMaxBodyBytes(long newMax) {
        return new Config(port, host, data, rules, jdbcUrl, jdbcUser, jdbcPassword, partitions, newMax,
                publicScorecards, corsOrigins, secureCookies, idleTimeoutSeconds, requestTimeoutMs);
    }

    public Config withRules(Path newRules) {
        return new Config(port, host, data, newRules, jdbcUrl, jdbcUser, jdbcPassword, partitions, maxBodyBytes,
                publicScorecards, corsOrigins, secureCookies, idleTimeoutSeconds, requestTimeoutMs);
    }

    public Config withData(Path newData) {
        return new Config(port, host, newData, rules, jdbcUrl, jdbcUser, jdbcPassword, partitions, maxBodyBytes,
                publicScorecards, corsOrigins, secureCookies, idleTimeoutSeconds, requestTimeoutMs);
    }

    /** Another database instead of the embedded one (e.g. PostgreSQL). */
    public Config withJdbc(String url, String user, String password) {
        return new Config(port, host, data, rules, url, user, password, partitions, maxBodyBytes,
                publicScorecards, corsOrigins, secureCookies, idleTimeoutSeconds, requestTimeoutMs);
    }

    public Config withPublicScorecards(boolean open) {
        return new Config(port, host, data, rules, jdbcUrl, jdbcUser, jdbcPassword, partitions, maxBodyBytes,
                open, corsOrigins, secureCookies, idleTimeoutSeconds, requestTimeoutMs);
    }

    public Config withCorsOrigins(java.util.Set<String> origins) {
        return new Config(port, host, data, rules, jdbcUrl, jdbcUser, jdbcPassword, partitions, maxBodyBytes,
                publicScorecards, origins, secureCookies, idleTimeoutSeconds, requestTimeoutMs);
    }
}
