package plancheck.store;

import java.sql.Connection;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The connection pool of a store: a few connections kept open (an embedded H2 database closes with its last one;
 * a PostgreSQL connection costs a process on the server), each in manual commit at READ COMMITTED, tested when
 * borrowed so that a restarted database server costs one failed transaction, not a restart of plancheck.
 */
final class Pool {

    /** Connections at most: the engine's writer and the readers of the HTTP threads share them. */
    static final int SIZE = 8;

    private Pool() {
    }

    /**
     * Opens a pool on {@code url}; fails at once (not after a time-out) when the database cannot be reached, with
     * the driver's reason.
     */
    static HikariDataSource open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("plancheck-store");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setMaximumPoolSize(SIZE);
        config.setMinimumIdle(1);
        // a borrower waits this long for a free connection, then its request fails instead of hanging
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }

    /** Drops a connection whose state is unknown (its rollback failed) instead of lending it again. */
    static void evict(HikariDataSource pool, Connection c) {
        pool.evictConnection(c);
    }
}
