package plancheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.flywaydb.core.Flyway;

import com.zaxxer.hikari.HikariDataSource;

import com.fasterxml.jackson.core.JsonProcessingException;

import plancheck.domain.Commitment;
import plancheck.domain.Evidence;
import plancheck.domain.Result;
import plancheck.domain.Review;
import plancheck.domain.Stage;

/**
 * Durable storage over plain JDBC: commitments with every revision, and the append-only series of results.
 * Every write method is one transaction: when it returns, the write is committed; when it throws, nothing changed.
 * The schema comes from the Flyway migrations in {@code db/migration}.
 */
public final class Store implements AutoCloseable {

    /** A stored change of a commitment: revision 1 is its creation. */
    /**
     * A stored change of a commitment: revision 1 is its creation.
     *
     * @param at            when it was recorded
     * @param effectiveFrom the date from which it applies; null for revision 1, which applies from the start
     */
    public record Revision(int revision, Instant at, LocalDate effectiveFrom, String by, String reason,
            Commitment commitment) {

        /** Whether this revision applies on {@code day}. */
        public boolean appliesOn(LocalDate day) {
            return effectiveFrom == null || !effectiveFrom.isAfter(day);
        }
    }

    /** When, by whom and why a commitment was retired. */
    public record Retirement(Instant at, String by, String reason) {
    }

    /** The current revision of a commitment and its retirement, if retired. */
    public record Stored(Commitment commitment, Retirement retired) {
        public boolean live() {
            return retired == null;
        }
    }

    private final HikariDataSource pool;
    /** The connection of the transaction this thread is in, if any. */
    private final ThreadLocal<Connection> open = new ThreadLocal<>();
    /** null unless the database is an embedded H2 file */
    private final H2Housekeeping housekeeping;

    private Store(HikariDataSource pool, String url) {
        this.pool = pool;
        this.housekeeping = H2Housekeeping.of(url, pool);
    }

    /**
     * Opens the database at {@code url} (embedded H2 or PostgreSQL), bringing its schema up to date.
     *
     * @throws StoreException when the database cannot be reached or migrated
     */
    public static Store open(String url, String user, String password) {
        try {
            Flyway.configure().dataSource(url, user, password).load().migrate();
        } catch (org.flywaydb.core.api.FlywayException e) {
            throw new StoreException("cannot open the database at " + url + ": " + e.getMessage(), e);
        }
        return new Store(Pool.open(url, user, password), url);
    }

    /**
     * Called by the writer after each of its commits: for an embedded H2 file, now and then a short rewrite of its
     * sparsest parts, so that a stream of small commits does not grow the file without bound. A failure of that
     * step is logged, not thrown: the commit before it stands.
     */
    public void committed() {
        if (housekeeping == null) {
            return;
        }
        try {
            housekeeping.committed();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Store.class).warn("H2 housekeeping step failed", e);
        }
    }

    /** The size of the embedded H2 file in bytes; empty for other databases. */
    public java.util.OptionalLong fileSize() {
        return housekeeping == null ? java.util.OptionalLong.empty()
                : java.util.OptionalLong.of(housekeeping.fileSize());
    }

    // ---- reads ----

    /** True when no commitment was ever stored (the reference data set loads only then). */
    public boolean isEmpty() {
        return transaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM commitment")) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
    }

    /** The commitments that are not retired (current revisions) and their results in the order stored. */
    public record Live(List<Commitment> commitments, List<Result> results) {
    }

    /**
     * The live commitments and their results, read in one transaction; equal strings and dates among them are
     * one object ({@link Shared}), so what is held from start takes a fraction of the heap.
     */
    public Live live() {
        return transaction(c -> {
            Shared shared = new Shared();
            com.fasterxml.jackson.databind.ObjectReader reader = shared.commitments();
            List<Commitment> commitments = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT body FROM commitment WHERE retired_at IS NULL ORDER BY id")) {
                while (rs.next()) {
                    commitments.add(parse(reader, rs.getString(1)));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RESULT_COLUMNS + " FROM result r"
                    + " JOIN commitment c ON c.id = r.commitment_id WHERE c.retired_at IS NULL ORDER BY r.id")) {
                return new Live(commitments, results(ps, shared));
            }
        });
    }

    public Optional<Stored> commitment(String id) {
        return transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT body, retired_at, retired_by, retired_reason FROM commitment WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    OffsetDateTime retiredAt = rs.getObject(2, OffsetDateTime.class);
                    Retirement retired = retiredAt == null ? null
                            : new Retirement(retiredAt.toInstant(), rs.getString(3), rs.getString(4));
                    return Optional.of(new Stored(parse(rs.getString(1)), retired));
                }
            }
        });
    }

    /** Every revision of a commitment, oldest first; empty when the id is unknown. */
    public List<Revision> revisions(String id) {
        return transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + REVISION_COLUMNS
                    + " FROM commitment_revision WHERE commitment_id = ? ORDER BY revision")) {
                ps.setString(1, id);
                return revisions(ps).getOrDefault(id, List.of());
            }
        });
    }

    /**
     * Every revision of the commitments that have more than one or are retired, by commitment id, oldest first:
     * the history evaluations at past dates need beyond the current revisions (a small part of all commitments).
     */
    public Map<String, List<Revision>> histories() {
        return transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + REVISION_COLUMNS + " FROM commitment_revision r"
                    + " WHERE r.commitment_id IN (SELECT id FROM commitment WHERE revision > 1 OR retired_at IS NOT"
                    + " NULL) ORDER BY r.commitment_id, r.revision")) {
                return revisions(ps);
            }
        });
    }

    /** The retired commitments with their retirement. */
    public List<Stored> retiredCommitments() {
        return transaction(c -> {
            List<Stored> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT body, retired_at,"
                    + " retired_by, retired_reason FROM commitment WHERE retired_at IS NOT NULL ORDER BY id")) {
                while (rs.next()) {
                    out.add(new Stored(parse(rs.getString(1)), new Retirement(
                            rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4))));
                }
            }
            return out;
        });
    }

    private static final String REVISION_COLUMNS = "commitment_id, revision, changed_at, effective_from, changed_by,"
            + " reason, body";

    private static Map<String, List<Revision>> revisions(PreparedStatement ps) throws SQLException {
        Map<String, List<Revision>> out = new java.util.LinkedHashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Revision(rs.getInt(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getObject(4, LocalDate.class),
                        rs.getString(5), rs.getString(6), parse(rs.getString(7))));
            }
        }
        return out;
    }

    /** Results of one commitment, in the order they were stored. */
    public List<Result> results(String commitmentId) {
        return transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + RESULT_COLUMNS + " FROM result r WHERE r.commitment_id = ? ORDER BY r.id")) {
                ps.setString(1, commitmentId);
                return results(ps);
            }
        });
    }

    // ---- writes ----

    /**
     * Stores new commitments as revision 1, all or none.
     *
     * @throws DuplicateIdException when an id is already taken (also by a retired commitment)
     */
    public void insertCommitments(List<Commitment> commitments, String by, Instant at) {
        transaction(c -> {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM commitment WHERE id = ?")) {
                for (Commitment k : commitments) {
                    exists.setString(1, k.id());
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            throw new DuplicateIdException(k.id());
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO commitment"
                    + " (id, revision, district, plan_year, category, kind, body, cadence)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Commitment k : commitments) {
                    ps.setString(1, k.id());
                    ps.setInt(2, k.revision());
                    ps.setString(3, k.district());
                    ps.setInt(4, k.year());
                    ps.setString(5, k.category());
                    ps.setString(6, k.kind().name());
                    ps.setString(7, body(k));
                    ps.setString(8, k.cadence() == null ? null : k.cadence().name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            insertRevisions(c, commitments, null, by, at, null);
            return null;
        });
    }

    /**
     * Makes {@code next} (carrying its new revision number) the current revision, keeping the previous ones.
     *
     * @param effectiveFrom the date from which it applies
     */
    public void revise(Commitment next, String reason, String by, Instant at, LocalDate effectiveFrom) {
        transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE commitment SET revision = ?, district = ?,"
                    + " plan_year = ?, category = ?, kind = ?, body = ?, cadence = ? WHERE id = ? AND revision = ?")) {
                ps.setInt(1, next.revision());
                ps.setString(2, next.district());
                ps.setInt(3, next.year());
                ps.setString(4, next.category());
                ps.setString(5, next.kind().name());
                ps.setString(6, body(next));
                ps.setString(7, next.cadence() == null ? null : next.cadence().name());
                ps.setString(8, next.id());
                ps.setInt(9, next.revision() - 1);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("revision " + (next.revision() - 1) + " of " + next.id()
                            + " is not the current one");
                }
            }
            insertRevisions(c, List.of(next), reason, by, at, effectiveFrom);
            return null;
        });
    }

    /** Marks a commitment retired; its revisions and results stay. */
    public void retire(String id, String reason, String by, Instant at) {
        transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE commitment SET retired_at = ?, retired_by = ?,"
                    + " retired_reason = ? WHERE id = ? AND retired_at IS NULL")) {
                ps.setObject(1, at.atOffset(ZoneOffset.UTC));
                ps.setString(2, by);
                ps.setString(3, reason);
                ps.setString(4, id);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException(id + " is unknown or already retired");
                }
            }
            return null;
        });
    }

    /** Appends results, all or none; returns them with the ids the database gave them. */
    public List<Result> insertResults(List<Result> results, Instant at) {
        return transaction(c -> {
            List<Result> stored = new ArrayList<>(results.size());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO result (commitment_id, result_value, stage,"
                    + " done, as_of, reported_by, evidence_document, evidence_quote, note, sample, recorded_at, corrects,"
                    + " reason, review) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                for (Result r : results) {
                    ps.setString(1, r.commitmentId());
                    ps.setObject(2, r.value(), Types.DOUBLE);
                    ps.setString(3, r.stage() == null ? null : r.stage().name());
                    ps.setObject(4, r.done(), Types.BOOLEAN);
                    ps.setObject(5, r.asOf());
                    ps.setString(6, r.reportedBy());
                    ps.setString(7, r.evidence() == null ? null : r.evidence().document());
                    ps.setString(8, r.evidence() == null ? null : r.evidence().quote());
                    ps.setString(9, r.note());
                    ps.setBoolean(10, r.sample());
                    ps.setObject(11, at.atOffset(ZoneOffset.UTC));
                    ps.setObject(12, r.corrects(), Types.BIGINT);
                    ps.setString(13, r.reason());
                    ps.setString(14, (r.review() == null ? Review.SUBMITTED : r.review()).name());
                    ps.addBatch();
                }
                // one round trip for all: both drivers hand back the keys of a batch in the order of its rows
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    for (Result r : results) {
                        if (!keys.next()) {
                            throw new SQLException("fewer generated ids than results");
                        }
                        stored.add(r.withId(keys.getLong(1)).withReview(r.review() == null ? Review.SUBMITTED
                                : r.review()));
                    }
                }
            }
            return stored;
        });
    }

    // ---- review of results ----

    /** Who reviewed a result, when, and why it was returned (null for an approval without a remark). */
    public record ReviewMark(Review review, String by, Instant at, String reason) {
    }

    /** The commitment a stored result belongs to, with its review state; empty when no result has the id. */
    public Optional<Result> result(long id) {
        return transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RESULT_COLUMNS + " FROM result r WHERE r.id = ?")) {
                ps.setLong(1, id);
                return results(ps).stream().findFirst();
            }
        });
    }

    /** Records a review decision on a result. */
    public void review(long id, ReviewMark mark) {
        transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE result SET review = ?, reviewed_by = ?,"
                    + " reviewed_at = ?, review_reason = ? WHERE id = ?")) {
                ps.setString(1, mark.review().name());
                ps.setString(2, mark.by());
                ps.setObject(3, mark.at().atOffset(ZoneOffset.UTC));
                ps.setString(4, mark.reason());
                ps.setLong(5, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The review decisions on the results of a commitment, by result id (results not yet reviewed are absent). */
    public Map<Long, ReviewMark> reviewMarks(String commitmentId) {
        return transaction(c -> {
            Map<Long, ReviewMark> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, review, reviewed_by, reviewed_at, review_reason"
                    + " FROM result WHERE commitment_id = ? AND reviewed_at IS NOT NULL")) {
                ps.setString(1, commitmentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), new ReviewMark(Review.valueOf(rs.getString(2)), rs.getString(3),
                                rs.getObject(4, java.time.OffsetDateTime.class).toInstant(), rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Runs {@code work} in one transaction with every store write inside it (this store's and the account and
     * audit stores'): all of them are committed together or none is.
     */
    public <T> T atomically(java.util.function.Supplier<T> work) {
        return transaction(c -> work.get());
    }

    /**
     * A transaction held open across several calls on its own connection, so that a large write can be stored a
     * part at a time while other transactions commit in between; nothing of it is visible to them until
     * {@link #commit}. Used from one thread at a time, never inside another transaction of that thread.
     */
    public final class Held implements AutoCloseable {
        private final Connection c;
        private boolean over;

        private Held(Connection c) {
            this.c = c;
        }

        /** Runs {@code work} inside this transaction: the store calls it makes join it. A failure rolls it back. */
        public <T> T run(java.util.function.Supplier<T> work) {
            if (over) {
                throw new IllegalStateException("the held transaction is over");
            }
            if (open.get() != null) {
                throw new IllegalStateException("a held transaction cannot join another transaction");
            }
            open.set(c);
            try {
                return work.get();
            } catch (RuntimeException e) {
                close();
                throw e;
            } finally {
                open.remove();
            }
        }

        /** Commits everything run in it. */
        public void commit() {
            over = true;
            try {
                c.commit();
                giveBack(c);
            } catch (SQLException e) {
                rollBack();
                throw new StoreException(e);
            }
        }

        /** Rolls back whatever was run in it, unless it was committed. */
        @Override
        public void close() {
            if (!over) {
                over = true;
                rollBack();
            }
        }

        private void rollBack() {
            try {
                c.rollback();
                giveBack(c);
            } catch (SQLException rollbackFailed) {
                Pool.evict(pool, c);
            }
        }
    }

    /** Opens a transaction to be held across calls (see {@link Held}). */
    public Held hold() {
        return new Held(borrow());
    }

    // ---- report imports ----

    /**
     * A report import kept for review.
     *
     * @param text       null when read without it
     * @param textLength characters of the text
     * @param candidates the candidates read from the text, as JSON (written and read by the service)
     */
    public record ImportDraft(String id, String document, String district, String createdBy, Instant createdAt,
            String text, int textLength, String candidates) {
    }

    /** What accepting a candidate of an import stored: a commitment, or a result (with its commitment). */
    public record ImportMark(String candidate, String commitmentId, Long resultId, String by, Instant at) {
    }

    /**
     * What accepting candidates of an import stores in one transaction: new commitments (revision 1) and results,
     * each with the candidate it comes from ({@code commitmentCandidates} and {@code resultCandidates} run parallel
     * to them), marked accepted.
     */
    public record ImportAcceptance(String importId, List<Commitment> commitments, List<String> commitmentCandidates,
            List<Result> results, List<String> resultCandidates) {
    }

    public void insertImport(ImportDraft d) {
        transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_draft (id, document, district,"
                    + " created_by, created_at, text, candidates) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, d.id());
                ps.setString(2, d.document());
                ps.setString(3, d.district());
                ps.setString(4, d.createdBy());
                ps.setObject(5, d.createdAt().atOffset(ZoneOffset.UTC));
                ps.setString(6, d.text());
                ps.setString(7, d.candidates());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The draft; {@code withText} false leaves its text out (null): most reads need only its length. */
    public Optional<ImportDraft> importDraft(String id, boolean withText) {
        return transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, document, district, created_by, created_at, "
                    + (withText ? "text" : "NULL") + ", LENGTH(text), candidates FROM import_draft WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new ImportDraft(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6),
                            rs.getInt(7), rs.getString(8)));
                }
            }
        });
    }

    /** The candidates of an import accepted so far, in the order they were accepted. */
    public List<ImportMark> importMarks(String importId) {
        return transaction(c -> {
            List<ImportMark> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT candidate, commitment_id, result_id, accepted_by,"
                    + " accepted_at FROM import_accepted WHERE import_id = ? ORDER BY accepted_at, candidate")) {
                ps.setString(1, importId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ImportMark(rs.getString(1), rs.getString(2), rs.getObject(3, Long.class),
                                rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Stores accepted candidates in one transaction: the commitments with their revision rows, the results, and a
     * mark per candidate; returns the results with the ids the database gave them.
     *
     * @throws DuplicateIdException when a commitment id is already taken; then nothing is stored
     */
    public List<Result> acceptImport(ImportAcceptance a, String by, Instant at) {
        return transaction(c -> {
            if (!a.commitments().isEmpty()) {
                insertCommitments(a.commitments(), by, at);
            }
            List<Result> stored = a.results().isEmpty() ? List.of() : insertResults(a.results(), at);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_accepted (import_id, candidate,"
                    + " commitment_id, result_id, accepted_by, accepted_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < a.commitments().size(); i++) {
                    mark(ps, a.importId(), a.commitmentCandidates().get(i), a.commitments().get(i).id(), null, by, at);
                }
                for (int i = 0; i < stored.size(); i++) {
                    mark(ps, a.importId(), a.resultCandidates().get(i), stored.get(i).commitmentId(),
                            stored.get(i).id(), by, at);
                }
                ps.executeBatch();
            }
            return stored;
        });
    }

    /** Marks revision candidates of an import accepted (each with the commitment it revised), in the caller's transaction. */
    public void markRevisions(String importId, List<String> candidates, List<String> commitmentIds, String by,
            Instant at) {
        transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_accepted (import_id, candidate,"
                    + " commitment_id, result_id, accepted_by, accepted_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < candidates.size(); i++) {
                    mark(ps, importId, candidates.get(i), commitmentIds.get(i), null, by, at);
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static void mark(PreparedStatement ps, String importId, String candidate, String commitmentId,
            Long resultId, String by, Instant at) throws SQLException {
        ps.setString(1, importId);
        ps.setString(2, candidate);
        ps.setString(3, commitmentId);
        ps.setObject(4, resultId, Types.BIGINT);
        ps.setString(5, by);
        ps.setObject(6, at.atOffset(ZoneOffset.UTC));
        ps.addBatch();
    }

    @Override
    public void close() {
        pool.close();
    }

    // ---- plumbing ----

    /** A commitment id that is already taken. */
    public static final class DuplicateIdException extends RuntimeException {
        private final String id;

        public DuplicateIdException(String id) {
            super("commitment " + id + " already exists");
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private static final String RESULT_COLUMNS = "r.id, r.commitment_id, r.result_value, r.stage, r.done, r.as_of,"
            + " r.reported_by, r.evidence_document, r.evidence_quote, r.note, r.sample, r.corrects, r.reason, r.review";

    private static List<Result> results(PreparedStatement ps) throws SQLException {
        return results(ps, Shared.NONE);
    }

    private static List<Result> results(PreparedStatement ps, Shared shared) throws SQLException {
        List<Result> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String stage = rs.getString(4);
                String document = shared.of(rs.getString(8));
                String quote = rs.getString(9);
                out.add(new Result(rs.getLong(1), shared.of(rs.getString(2)), shared.of(rs.getObject(3, Double.class)),
                        stage == null ? null : Stage.valueOf(stage), rs.getObject(5, Boolean.class),
                        shared.of(rs.getObject(6, LocalDate.class)), shared.of(rs.getString(7)),
                        document == null && quote == null ? null : new Evidence(document, quote),
                        rs.getString(10), rs.getBoolean(11), rs.getObject(12, Long.class), shared.of(rs.getString(13)),
                        Review.valueOf(rs.getString(14))));
            }
        }
        return out;
    }

    private static void insertRevisions(Connection c, List<Commitment> ks, String reason, String by, Instant at,
            LocalDate effectiveFrom) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO commitment_revision (commitment_id, revision, body,"
                + " reason, changed_by, changed_at, effective_from) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Commitment k : ks) {
                ps.setString(1, k.id());
                ps.setInt(2, k.revision());
                ps.setString(3, body(k));
                ps.setString(4, reason);
                ps.setString(5, by);
                ps.setObject(6, at.atOffset(ZoneOffset.UTC));
                ps.setObject(7, effectiveFrom);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String body(Commitment k) {
        try {
            return Json.MAPPER.writeValueAsString(k);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Commitment parse(String body) {
        return parse(Json.MAPPER.readerFor(Commitment.class), body);
    }

    private static Commitment parse(com.fasterxml.jackson.databind.ObjectReader reader, String body) {
        try {
            return reader.readValue(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored commitment does not read back: " + e.getMessage(), e);
        }
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws (reads too). Inside
     * another transaction of this thread it joins that one, so write methods compose into one commit.
     */
    <T> T transaction(Work<T> work) {
        Connection joined = open.get();
        if (joined != null) {
            try {
                return work.run(joined);
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }
        Connection c = borrow();
        open.set(c);
        try {
            return commitOrRollBack(c, work);
        } finally {
            open.remove();
        }
    }

    private <T> T commitOrRollBack(Connection c, Work<T> work) {
        try {
            T out = work.run(c);
            c.commit();
            giveBack(c);
            return out;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
                giveBack(c);
            } catch (SQLException rollbackFailed) {
                Pool.evict(pool, c);
            }
            throw e instanceof RuntimeException re ? re : new StoreException((SQLException) e);
        }
    }

    private Connection borrow() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Back to the pool (closing a pooled connection returns it). */
    private static void giveBack(Connection c) throws SQLException {
        c.close();
    }

    /** The database failed (not the caller's input). */
    public static final class StoreException extends RuntimeException {
        StoreException(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
