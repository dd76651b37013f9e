package plancheck.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The append-only audit log. Entries are appended inside the caller's transaction, so an entry exists exactly when
 * its change was committed; each is chained to the one before it by SHA-256.
 */
public final class AuditStore {

    /** The hash the first entry points back to. */
    static final String GENESIS = "0".repeat(64);

    /**
     * One logged write.
     *
     * @param seq      position in the log, from 1; 0 before it is appended
     * @param role     the role the actor acted in (null for logins)
     * @param action   e.g. commitment.create, result.approve, session.refused
     * @param district the district the entity belongs to, where it has one (scopes who may read the entry)
     * @param address  the client's address, for logins
     * @param before   JSON of the entity before the change; null for a creation
     * @param after    JSON of it after; null for a removal
     */
    public record Entry(long seq, Instant at, String actor, String role, String action, String entity,
            String entityId, String district, String address, String before, String after, String prevHash,
            String hash) {

        public static Entry of(Instant at, String actor, String role, String action, String entity, String entityId,
                String district, String address, String before, String after) {
            // microseconds: what both databases keep of a timestamp, so the hash reads back the same
            return new Entry(0, at.truncatedTo(java.time.temporal.ChronoUnit.MICROS), actor, role, action, entity, entityId, district, address, before, after, null,
                    null);
        }
    }

    /** What to list: every condition may be null. */
    public record Query(String entity, String entityId, String actor, Instant from, Instant to,
            Set<String> districts, int limit, int offset) {
    }

    /** Where the chain breaks, if it does: the first entry whose hash or back link does not hold. */
    public record Verification(long entries, Long brokenAt, String reason, String headHash) {
        public boolean intact() {
            return brokenAt == null;
        }
    }

    private static final String COLUMNS = "seq, at, actor, role, action, entity, entity_id, district, address,"
            + " before_json, after_json, prev_hash, hash";

    private final Store store;

    public AuditStore(Store store) {
        this.store = store;
    }

    /** Appends entries in the caller's transaction (or one of their own), chained to the last stored entry. */
    public void append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        store.transaction(c -> {
            long seq;
            String prev;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit ORDER BY seq DESC"
                    + " FETCH FIRST 1 ROWS ONLY"); ResultSet rs = ps.executeQuery()) {
                seq = rs.next() ? rs.getLong(1) : 0;
                prev = seq == 0 ? GENESIS : rs.getString(2);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit (" + COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Entry e : entries) {
                    seq++;
                    String hash = hash(seq, e, prev);
                    Object[] values = {seq, e.at().atOffset(ZoneOffset.UTC), e.actor(), e.role(), e.action(),
                        e.entity(), e.entityId(), e.district(), e.address(), e.before(), e.after(), prev, hash};
                    for (int i = 0; i < values.length; i++) {
                        ps.setObject(i + 1, values[i]);
                    }
                    ps.addBatch();
                    prev = hash;
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public List<Entry> list(Query q) {
        return store.transaction(c -> {
            List<String> where = new ArrayList<>();
            List<Object> args = new ArrayList<>();
            condition(where, args, "entity = ?", q.entity());
            condition(where, args, "entity_id = ?", q.entityId());
            condition(where, args, "actor = ?", q.actor());
            condition(where, args, "at >= ?", q.from() == null ? null : q.from().atOffset(ZoneOffset.UTC));
            condition(where, args, "at < ?", q.to() == null ? null : q.to().atOffset(ZoneOffset.UTC));
            if (q.districts() != null) {
                where.add(q.districts().isEmpty() ? "1 = 0"
                        : "district IN (" + String.join(", ", q.districts().stream().map(d -> "?").toList()) + ")");
                args.addAll(q.districts());
            }
            String sql = "SELECT " + COLUMNS + " FROM audit" + (where.isEmpty() ? "" : " WHERE "
                    + String.join(" AND ", where)) + " ORDER BY seq OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
            args.add(q.offset());
            args.add(q.limit());
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                return entries(ps);
            }
        });
    }

    /** Recomputes every hash in order; the first entry that does not match is where the log was changed. */
    public Verification verify() {
        return store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit ORDER BY seq")) {
                ps.setFetchSize(1000);
                return verify(ps);
            }
        });
    }

    private static Verification verify(PreparedStatement ps) throws SQLException {
        String prev = GENESIS;
        long expected = 1;
        long n = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Entry e = entry(rs);
                n++;
                if (e.seq() != expected) {
                    return new Verification(n, expected, "entry " + expected + " is missing", null);
                }
                if (!e.prevHash().equals(prev)) {
                    return new Verification(n, e.seq(), "entry " + e.seq() + " does not point to the entry before it",
                            null);
                }
                if (!hash(e.seq(), e, prev).equals(e.hash())) {
                    return new Verification(n, e.seq(), "entry " + e.seq() + " was changed after it was written",
                            null);
                }
                prev = e.hash();
                expected++;
            }
        }
        return new Verification(n, null, null, prev);
    }

    /** The hash stored for entry {@code seq}, if there is one. */
    public Optional<String> hashOf(long seq) {
        return store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM audit WHERE seq = ?")) {
                ps.setLong(1, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    public Optional<Long> last() {
        return store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq) FROM audit"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? Optional.<Long>empty() : Optional.of(v);
            }
        });
    }

    /** SHA-256 over the entry's fields as a JSON array (unambiguous, whatever the texts hold) and the link back. */
    static String hash(long seq, Entry e, String prev) {
        try {
            String canonical = Json.MAPPER.writeValueAsString(Arrays.asList(seq, e.at().toString(), e.actor(),
                    e.role(), e.action(), e.entity(), e.entityId(), e.district(), e.address(), e.before(), e.after(),
                    prev));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void condition(List<String> where, List<Object> args, String sql, Object value) {
        if (value != null) {
            where.add(sql);
            args.add(value);
        }
    }

    private static List<Entry> entries(PreparedStatement ps) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(entry(rs));
            }
        }
        return out;
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13));
    }
}
