package plancheck.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import plancheck.Config;
import plancheck.store.Store;

/** Where the database is, for the commands that work on it directly (the server must not be running on H2). */
final class StoreOptions {

    @Option(names = "--data", description = "folder of the embedded database (PLANCHECK_DATA; default ./plancheck-data)")
    Path data;

    @Option(names = "--jdbc-url", description = "the database, when not the embedded one (PLANCHECK_JDBC_URL)")
    String jdbcUrl;

    @Option(names = "--jdbc-user", description = "database user (PLANCHECK_JDBC_USER)")
    String jdbcUser;

    @Option(names = "--jdbc-password", description = "database password (PLANCHECK_JDBC_PASSWORD)")
    String jdbcPassword;

    Store open() {
        Config env = Config.fromEnvironment(System.getenv());
        Config c = env.withData(data != null ? data : env.data()).withJdbc(jdbcUrl != null ? jdbcUrl : env.jdbcUrl(),
                jdbcUser != null ? jdbcUser : env.jdbcUser(), jdbcPassword != null ? jdbcPassword : env.jdbcPassword());
        return Store.open(c.effectiveJdbcUrl(), c.jdbcUser(), c.jdbcPassword());
    }
}
