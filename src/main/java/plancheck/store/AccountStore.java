package plancheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import plancheck.domain.Grant;
import plancheck.domain.Role;
import plancheck.domain.User;

/** Accounts and their credentials, in the same database and transactions as {@link Store}. */
public final class AccountStore {

    /** A user as stored, with the password hash (never shown). */
    public record StoredUser(User user, String passwordHash) {
    }

    /** A session or an API token; the secret itself is never stored, only its hash. */
    public record Credential(String id, Kind kind, String login, String name, Instant createdAt, Instant expiresAt,
            Instant revokedAt) {
        public enum Kind { SESSION, TOKEN }

        public boolean validAt(Instant now) {
            return revokedAt == null && now.isBefore(expiresAt);
        }
    }

    private final Store store;

    public AccountStore(Store store) {
        this.store = store;
    }

    public boolean noUsers() {
        return store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM app_user");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
    }

    public Optional<StoredUser> user(String login) {
        return store.transaction(c -> users(c, login).stream().findFirst());
    }

    public List<StoredUser> users() {
        return store.transaction(c -> users(c, null));
    }

    /** Stores a new user with its grants; false when the login is taken. */
    public boolean insert(User u, String passwordHash, Instant at) {
        return store.transaction(c -> {
            if (!users(c, u.login()).isEmpty()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_user (login, display_name, password_hash,"
                    + " disabled, created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, u.login());
                ps.setString(2, u.displayName());
                ps.setString(3, passwordHash);
                ps.setBoolean(4, u.disabled());
                ps.setObject(5, at.atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            insertGrants(c, u);
            return true;
        });
    }

    /** Replaces a user's display name, grants, disabled flag and (when not null) password hash. */
    public void update(User u, String passwordHash) {
        store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET display_name = ?, disabled = ?,"
                    + " password_hash = COALESCE(?, password_hash) WHERE login = ?")) {
                ps.setString(1, u.displayName());
                ps.setBoolean(2, u.disabled());
                ps.setString(3, passwordHash);
                ps.setString(4, u.login());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_grant WHERE login = ?")) {
                ps.setString(1, u.login());
                ps.executeUpdate();
            }
            insertGrants(c, u);
            return null;
        });
    }

    public void insert(Credential k, String secretHash) {
        store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO credential (id, kind, login, secret_hash, name,"
                    + " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, k.id());
                ps.setString(2, k.kind().name());
                ps.setString(3, k.login());
                ps.setString(4, secretHash);
                ps.setString(5, k.name());
                ps.setObject(6, k.createdAt().atOffset(ZoneOffset.UTC));
                ps.setObject(7, k.expiresAt().atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The credential whose secret has this hash, if any (revoked and expired ones included). */
    public Optional<Credential> credentialBySecret(String secretHash) {
        return store.transaction(c -> credentials(c, "secret_hash = ?", secretHash).stream().findFirst());
    }

    public Optional<Credential> credential(String id) {
        return store.transaction(c -> credentials(c, "id = ?", id).stream().findFirst());
    }

    /** The API tokens of a user (sessions are not listed). */
    public List<Credential> tokens(String login) {
        return store.transaction(c -> credentials(c, "login = ? AND kind = 'TOKEN'", login));
    }

    /** Ends every open session of a user (tokens stay). */
    public void revokeSessions(String login, Instant at) {
        store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE credential SET revoked_at = ? WHERE login = ?"
                    + " AND kind = 'SESSION' AND revoked_at IS NULL")) {
                ps.setObject(1, at.atOffset(ZoneOffset.UTC));
                ps.setString(2, login);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void revoke(String id, Instant at) {
        store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE credential SET revoked_at = ? WHERE id = ?"
                    + " AND revoked_at IS NULL")) {
                ps.setObject(1, at.atOffset(ZoneOffset.UTC));
                ps.setString(2, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static List<StoredUser> users(Connection c, String login) throws SQLException {
        Map<String, StoredUser> out = new LinkedHashMap<>();
        String where = login == null ? "" : " WHERE u.login = ?";
        try (PreparedStatement ps = c.prepareStatement("SELECT u.login, u.display_name, u.password_hash, u.disabled,"
                + " g.role, g.scope FROM app_user u LEFT JOIN user_grant g ON g.login = u.login" + where
                + " ORDER BY u.login, g.role, g.scope")) {
            if (login != null) {
                ps.setString(1, login);
            }
            Map<String, List<Grant>> grants = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String l = rs.getString(1);
                    List<Grant> gs = grants.computeIfAbsent(l, k -> new ArrayList<>());
                    if (rs.getString(5) != null) {
                        gs.add(new Grant(Role.valueOf(rs.getString(5)), rs.getString(6)));
                    }
                    out.putIfAbsent(l, new StoredUser(new User(l, rs.getString(2), List.of(), rs.getBoolean(4)),
                            rs.getString(3)));
                }
            }
            out.replaceAll((l, s) -> new StoredUser(new User(l, s.user().displayName(), grants.get(l),
                    s.user().disabled()), s.passwordHash()));
        }
        return new ArrayList<>(out.values());
    }

    private static void insertGrants(Connection c, User u) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_grant (login, role, scope) VALUES (?, ?, ?)")) {
            for (Grant g : u.grants()) {
                ps.setString(1, u.login());
                ps.setString(2, g.role().name());
                ps.setString(3, g.scope());
                ps.executeUpdate();
            }
        }
    }

    private static List<Credential> credentials(Connection c, String where, String value) throws SQLException {
        List<Credential> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, kind, login, name, created_at, expires_at,"
                + " revoked_at FROM credential WHERE " + where + " ORDER BY created_at, id")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime revoked = rs.getObject(7, OffsetDateTime.class);
                    out.add(new Credential(rs.getString(1), Credential.Kind.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(),
                            rs.getObject(6, OffsetDateTime.class).toInstant(),
                            revoked == null ? null : revoked.toInstant()));
                }
            }
        }
        return out;
    }
}
