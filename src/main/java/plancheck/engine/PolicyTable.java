package plancheck.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import plancheck.domain.Policy;

/**
 * The policy sheet as the engine uses it: the defaults row and the overrides for a district subtree, a category or
 * both, and which one applies to a commitment.
 *
 * <p>The most specific row wins, in this order: the commitment's own district with its category, that district
 * alone, then the same two for each district above it in the tree (nearest first), then its category alone, then
 * the defaults. So a deeper district beats a shallower one, a district row beats a category-only row, and with the
 * same district, district + category beats district alone. The winning row applies whole; its empty cells were
 * filled from the defaults when the sheet was read.
 */
public final class PolicyTable {

    /** The district tree as far as the policy needs it; supplied by the district registry. */
    public interface Lineage {
        /** The district above {@code district}; null at the top or when unknown. */
        String parent(String district);

        /** The district's name, e.g. 福田区; the id when unknown. */
        String name(String district);

        /** No tree: every district stands alone and is named by its id. */
        Lineage NONE = new Lineage() {
            @Override
            public String parent(String district) {
                return null;
            }

            @Override
            public String name(String district) {
                return district;
            }
        };
    }

    /** The deepest tree walked; a deeper chain is a cycle in the registry. */
    private static final int MAX_DEPTH = 64;
    private static final String ANY = "";

    private final Policy defaults;
    private final List<Policy> rows;
    /** district ("" for any) → category ("" for any) → row */
    private final Map<String, Map<String, Policy>> index = new HashMap<>();
    private volatile Resolved resolved = new Resolved(Lineage.NONE);

    /** Which row applies to each (district, category) seen, under one tree; labels carry district names. */
    private static final class Resolved {
        final Lineage lineage;
        final ConcurrentHashMap<String, ConcurrentHashMap<String, Policy>> byDistrict = new ConcurrentHashMap<>();
        final ConcurrentHashMap<Integer, Policy> labelled = new ConcurrentHashMap<>();

        Resolved(Lineage lineage) {
            this.lineage = lineage;
        }
    }

    /** @param overrides rows with a district, a category or both; at most one per pair */
    PolicyTable(Policy defaults, List<Policy> overrides) {
        this.defaults = defaults;
        List<Policy> all = new ArrayList<>();
        all.add(defaults);
        all.addAll(overrides);
        this.rows = List.copyOf(all);
        for (Policy p : overrides) {
            index.computeIfAbsent(key(p.district()), k -> new HashMap<>()).put(key(p.category()), p);
        }
    }

    /** The defaults row. */
    public Policy defaults() {
        return defaults;
    }

    /** Every row, defaults first, in sheet order. */
    public List<Policy> rows() {
        return rows;
    }

    /** The row that applies to a commitment of {@code district} and {@code category} (null: none). */
    public Policy resolve(String district, String category, Lineage lineage) {
        Resolved r = resolved;
        if (r.lineage != lineage) {
            r = new Resolved(lineage);
            resolved = r;
        }
        String cat = key(category);
        ConcurrentHashMap<String, Policy> byCategory = r.byDistrict.computeIfAbsent(key(district),
                k -> new ConcurrentHashMap<>());
        Policy p = byCategory.get(cat);
        if (p == null) {
            Resolved in = r;
            p = in.labelled.computeIfAbsent(winner(district, cat, lineage).row(), row -> label(rowAt(row), lineage));
            byCategory.put(cat, p);
        }
        return p;
    }

    private Policy winner(String district, String category, Lineage lineage) {
        int depth = 0;
        for (String d = district; d != null && depth < MAX_DEPTH; d = lineage.parent(d), depth++) {
            Map<String, Policy> here = index.get(d);
            if (here != null) {
                Policy p = category.isEmpty() ? null : here.get(category);
                if (p == null) {
                    p = here.get(ANY);
                }
                if (p != null) {
                    return p;
                }
            }
        }
        Map<String, Policy> anywhere = index.get(ANY);
        Policy p = anywhere == null || category.isEmpty() ? null : anywhere.get(category);
        return p != null ? p : defaults;
    }

    private Policy rowAt(int row) {
        for (Policy p : rows) {
            if (p.row() == row) {
                return p;
            }
        }
        throw new IllegalStateException("no policy row " + row);
    }

    private static Policy label(Policy p, Lineage lineage) {
        if (p.isDefault()) {
            return p;
        }
        String d = p.district() == null ? null : lineage.name(p.district());
        return p.labelled(d == null ? p.category() : p.category() == null ? d : d + " · " + p.category());
    }

    private static String key(String s) {
        return s == null ? ANY : s;
    }
}
