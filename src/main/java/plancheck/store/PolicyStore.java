package plancheck.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

/** The history of rule sets put in use and the decision log, in the same database as {@link Store}. */
public final class PolicyStore {

    /**
     * One rule set put in use.
     *
     * @param action  START (in use at a start, differing from the last one) or RELOAD
     * @param files   path → content hash
     * @param changed paths added, edited or removed against the revision before
     */
    public record RulesEntry(String revision, Instant at, String by, String action, Map<String, String> files,
                             List<String> changed) {
    }

    /** One change of a commitment's status. */
    public record Decision(long seq, String commitmentId, String from, String to, LocalDate asOf,
                           String rulesRevision, List<String> fired, String causeType, String causeRef, Instant at) {
    }

    private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() { };
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() { };

    private final Store store;

    public PolicyStore(Store store) {
        this.store = store;
    }

    public void insert(RulesEntry e) {
        store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rules_revision (revision, recorded_at,"
                    + " recorded_by, action, files, changed) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, e.revision());
                ps.setObject(2, e.at().atOffset(ZoneOffset.UTC));
                ps.setString(3, e.by());
                ps.setString(4, e.action());
                ps.setString(5, json(e.files()));
                ps.setString(6, json(e.changed()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Every rule set put in use, oldest first. */
    public List<RulesEntry> rulesHistory() {
        return store.transaction(c -> {
            List<RulesEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT revision, recorded_at, recorded_by, action, files,"
                    + " changed FROM rules_revision ORDER BY seq"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RulesEntry(rs.getString(1), instant(rs, 2), rs.getString(3), rs.getString(4),
                            read(rs.getString(5), FILES), read(rs.getString(6), NAMES)));
                }
            }
            return out;
        });
    }

    public Optional<RulesEntry> lastRules() {
        List<RulesEntry> all = rulesHistory();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Appends decisions in one transaction (their seq is assigned here). */
    public void insert(List<Decision> decisions) {
        store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO decision (commitment_id, from_status,"
                    + " to_status, as_of, rules_revision, fired, cause_type, cause_ref, recorded_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Decision d : decisions) {
                    ps.setString(1, d.commitmentId());
                    ps.setString(2, d.from());
                    ps.setString(3, d.to());
                    ps.setObject(4, d.asOf());
                    ps.setString(5, d.rulesRevision());
                    ps.setString(6, json(d.fired()));
                    ps.setString(7, d.causeType());
                    ps.setString(8, d.causeRef());
                    ps.setObject(9, d.at().atOffset(ZoneOffset.UTC));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /**
     * Removes the decisions of {@code commitmentIds[i]} caused by {@code causeType} {@code refs[i]} (in the
     * caller's transaction).
     */
    public void deleteCaused(String causeType, List<String> commitmentIds, List<String> refs) {
        if (refs.isEmpty()) {
            return;
        }
        store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM decision WHERE commitment_id = ?"
                    + " AND cause_type = ? AND cause_ref = ?")) {
                for (int i = 0; i < refs.size(); i++) {
                    ps.setString(1, commitmentIds.get(i));
                    ps.setString(2, causeType);
                    ps.setString(3, refs.get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** The decisions of one commitment, oldest first. */
    public List<Decision> decisions(String commitmentId) {
        return store.transaction(c -> {
            List<Decision> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, commitment_id, from_status, to_status, as_of,"
                    + " rules_revision, fired, cause_type, cause_ref, recorded_at FROM decision"
                    + " WHERE commitment_id = ? ORDER BY seq")) {
                ps.setString(1, commitmentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Decision(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, LocalDate.class), rs.getString(6), read(rs.getString(7), NAMES),
                                rs.getString(8), rs.getString(9), instant(rs, 10)));
                    }
                }
            }
            return out;
        });
    }

    /** The decisions recorded at or after {@code since}, newest first, at most {@code max}. */
    public List<Decision> decisionsSince(Instant since, int max) {
        return store.transaction(c -> {
            List<Decision> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, commitment_id, from_status, to_status, as_of,"
                    + " rules_revision, fired, cause_type, cause_ref, recorded_at FROM decision"
                    + " WHERE recorded_at >= ? ORDER BY recorded_at DESC, seq DESC")) {
                ps.setObject(1, since.atOffset(ZoneOffset.UTC));
                ps.setMaxRows(max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Decision(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, LocalDate.class), rs.getString(6), read(rs.getString(7), NAMES),
                                rs.getString(8), rs.getString(9), instant(rs, 10)));
                    }
                }
            }
            return out;
        });
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return Json.MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read: " + text, e);
        }
    }
}
