package plancheck.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import plancheck.domain.District;

/** The district tree, in the same database and transactions as {@link Store}. */
public final class DistrictStore {

    private final Store store;

    public DistrictStore(Store store) {
        this.store = store;
    }

    /** Every district, parents before their children (in the order they were stored). */
    public List<District> all() {
        return store.transaction(c -> {
            List<District> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, level, parent FROM district");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new District(rs.getString(1), rs.getString(2), District.Level.valueOf(rs.getString(3)),
                            rs.getString(4)));
                }
            }
            return out;
        });
    }

    /** Stores districts, all or none; a parent must come before its children. */
    public void insert(List<District> districts) {
        store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO district (id, name, level, parent) VALUES (?, ?, ?, ?)")) {
                for (District d : districts) {
                    ps.setString(1, d.id());
                    ps.setString(2, d.name());
                    ps.setString(3, d.level().name());
                    ps.setString(4, d.parent());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Changes a district's name, level and parent. */
    public void update(District d) {
        store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE district SET name = ?, level = ?, parent = ? WHERE id = ?")) {
                ps.setString(1, d.name());
                ps.setString(2, d.level().name());
                ps.setString(3, d.parent());
                ps.setString(4, d.id());
                ps.executeUpdate();
            }
            return null;
        });
    }
}
