package plancheck.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import plancheck.domain.District;
import plancheck.engine.PolicyTable;
import plancheck.store.DistrictStore;
import plancheck.store.Json;

/**
 * The district registry: the tree as stored, seeded from {@code data/districts.json} into an empty store. A filter
 * by district means the district and everything under it.
 */
public final class Districts {

    private static final String SEED = "/data/districts.json";

    private record SeedFile(String note, List<District> districts) {
    }

    private final Map<String, District> byId = new LinkedHashMap<>();
    private final Map<String, List<String>> children = new LinkedHashMap<>();
    /** this tree as the policy sheet needs it: one object per tree, so the engine sees when the tree changed */
    private final PolicyTable.Lineage lineage = new PolicyTable.Lineage() {
        @Override
        public String parent(String district) {
            return parentOf(district);
        }

        @Override
        public String name(String district) {
            District d = byId.get(district);
            return d == null ? district : d.name();
        }
    };

    private Districts(Collection<District> all) {
        all.forEach(d -> byId.put(d.id(), d));
        all.forEach(d -> {
            if (d.parent() != null) {
                children.computeIfAbsent(d.parent(), k -> new ArrayList<>()).add(d.id());
            }
        });
    }

    /** The stored tree; when nothing is stored yet, the seed file is stored first. */
    public static Districts load(DistrictStore store) {
        List<District> stored = store.all();
        if (stored.isEmpty()) {
            stored = seed();
            store.insert(stored);
        }
        return new Districts(stored);
    }

    /** The districts of the seed file, parents first. */
    static List<District> seed() {
        try (InputStream in = Districts.class.getResourceAsStream(SEED)) {
            if (in == null) {
                throw new IllegalStateException(SEED + " is not on the class path");
            }
            return Json.MAPPER.readValue(in, SeedFile.class).districts();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tree with {@code d} added, or put in place of the district with its id. */
    Districts with(District d) {
        List<District> all = new ArrayList<>(byId.values());
        all.removeIf(x -> x.id().equals(d.id()));
        all.add(d);
        return new Districts(all);
    }

    /** Why {@code d} cannot join the tree as it stands (unknown parent, a cycle); empty when it can. */
    List<FieldError> problems(District d, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        if (d.id() == null || !d.id().matches("[a-z0-9][a-z0-9-]{0,99}")) {
            errors.add(new FieldError("id", "1 to 100 of a-z, 0-9 and '-', starting with a letter or digit"));
        } else if (creating && byId.containsKey(d.id())) {
            errors.add(new FieldError("id", "exists: " + d.id()));
        }
        if (d.name() == null || d.name().isBlank() || d.name().length() > 100) {
            errors.add(new FieldError("name", "required, up to 100 characters"));
        }
        if (d.level() == null) {
            errors.add(new FieldError("level", "required: 市, 区, 街道, 镇 or 社区"));
        }
        if (d.parent() != null) {
            if (!byId.containsKey(d.parent())) {
                errors.add(new FieldError("parent", "unknown district: " + d.parent()));
            } else if (d.id() != null && subtree(Set.of(d.id())).contains(d.parent())) {
                errors.add(new FieldError("parent", d.parent() + " lies under " + d.id() + ": that would be a cycle"));
            }
        }
        return errors;
    }

    /** The tree in which a policy row for a district applies to the districts under it. */
    PolicyTable.Lineage lineage() {
        return lineage;
    }

    public List<District> all() {
        return List.copyOf(byId.values());
    }

    public Optional<District> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The direct children of a district, in stored order. */
    public List<District> children(String id) {
        return children.getOrDefault(id, List.of()).stream().map(byId::get).toList();
    }

    /**
     * The given districts and every district under them. An id the registry does not know stays in the set as it
     * is (it then matches commitments stored under that id and nothing more).
     */
    public Set<String> subtree(Set<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (out.add(id)) {
                todo.addAll(children.getOrDefault(id, List.of()));
            }
        }
        return out;
    }

    /** The district of {@code leaf} that is a direct child of {@code ancestor}; empty when not under it. */
    public Optional<String> childUnder(String ancestor, String leaf) {
        for (String id = leaf; id != null; id = parentOf(id)) {
            if (ancestor.equals(parentOf(id))) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private String parentOf(String id) {
        District d = byId.get(id);
        return d == null ? null : d.parent();
    }
}
