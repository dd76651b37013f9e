package plancheck.store;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Keeps the embedded H2 file from growing without bound under a stream of small commits. With {@code WRITE_DELAY=0}
 * (a commit is in the file before its answer) H2 starts no background writer, and its file housekeeping runs only
 * there: each commit writes a new chunk, and chunks that still hold a few live pages are never rewritten, so their
 * space is never reused. This does the background writer's step, rewriting the sparsest chunks, a bounded amount
 * at a time, on the thread that commits (between commits); the space of the chunks left empty is reused by later
 * ones once H2's retention time has passed. Moving chunks to shrink the file is left to closing the database.
 */
final class H2Housekeeping {

    /** commits between two rewrites: often enough to keep up with the chunks a stream of commits leaves */
    private static final int EVERY = 50;
    /** rewrite while live data is less than this share of the chunks (H2's own auto-compact default) */
    private static final int TARGET_FILL_RATE = 90;
    /** bytes of live pages rewritten at most per step, which bounds its time (0.5–17 ms measured on 2 cores) */
    private static final int WRITE_LIMIT = 2 << 20;

    private final DataSource pool;
    private MVStore mv;
    private int commits;

    private H2Housekeeping(DataSource pool, MVStore mv) {
        this.pool = pool;
        this.mv = mv;
    }

    /** For an embedded H2 database behind {@code pool}; null for any other database. */
    static H2Housekeeping of(String url, DataSource pool) {
        if (url == null || !url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:")) {
            return null;
        }
        MVStore mv = mvStore(pool);
        return mv == null ? null : new H2Housekeeping(pool, mv);
    }

    private static MVStore mvStore(DataSource pool) {
        try (Connection c = pool.getConnection()) {
            SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
            MVStore mv = session.getDatabase().getStore().getMvStore();
            return mv.getFileStore() == null ? null : mv;
        } catch (SQLException | ClassCastException e) {
            // a remote (tcp:) H2 has no local store to keep: its server does that
            return null;
        }
    }

    /** After a commit: every {@link #EVERY} commits, one bounded rewrite of the sparsest chunks. */
    synchronized void committed() {
        if (++commits < EVERY) {
            return;
        }
        commits = 0;
        if (mv.isClosed()) {
            // H2 closes a database with its last connection; the pool opened it again
            MVStore reopened = mvStore(pool);
            if (reopened == null) {
                return;
            }
            mv = reopened;
        }
        mv.compact(TARGET_FILL_RATE, WRITE_LIMIT);
    }

    /** The size of the file, in bytes. */
    synchronized long fileSize() {
        return mv.getFileStore().size();
    }
}
