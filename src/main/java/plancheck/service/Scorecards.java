package plancheck.service;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import plancheck.domain.District;
import plancheck.engine.Tally;

/**
 * Scorecards kept up to date as evaluations change, so that one is answered without walking the commitments.
 *
 * <p>The engine reports every change of what a live commitment counts as (a result, a revision, a retirement, a rule
 * reload, a new day). Here they are counted twice: per group (district, year, category, 责任单位), and rolled up for
 * every district's subtree and for the whole, each in its year and over all years, with the same counts per
 * category, per 责任单位 and per district just below (for the whole: per district of the commitments). A scorecard
 * of a district or of everything, in a year or all years, is then read off one roll-up: its cost is the size of the
 * answer. Under a category or 责任单位 filter the groups of the subtree are added up instead (still not the
 * commitments). A change of the district tree rebuilds the roll-ups from the groups.
 *
 * <p>Changes come from the threads working the partitions, several at once; one lock keeps counts and answers consistent.
 */
final class Scorecards implements Tally {

    /** A district's subtree (null: every district) in one year (null: every year). */
    private record Node(String district, Integer year) {
    }

    /** The counts of a node: overall, per category, per 责任单位 and per district just below it. */
    private static final class Rollup {
        final int[] counts = new int[SLOTS];
        final Map<String, int[]> byCategory = new HashMap<>();
        final Map<String, int[]> byOwner = new HashMap<>();
        final Map<String, int[]> byDistrict = new HashMap<>();

        void add(Key k, String below, int slot, int delta) {
            counts[slot] += delta;
            bump(byCategory, orEmpty(k.category()), slot, delta);
            bump(byOwner, orEmpty(k.owner()), slot, delta);
            bump(byDistrict, below, slot, delta);
        }
    }

    /** deeper than any real tree; a guard should a tree ever hold a cycle */
    private static final int MAX_DEPTH = 64;

    private final Map<Key, int[]> groups = new HashMap<>();
    private final Map<String, Set<Key>> groupsOf = new HashMap<>();
    private final Map<Node, Rollup> rollups = new HashMap<>();
    private Districts tree;
    /** bumped by every change of the counts or of the tree: an answer of the same version is the same answer */
    private long version;
    private final Map<Service.Filter, Answered> answered = new HashMap<>();

    /** An answer given, with the version and the date it was given at. */
    private record Answered(long version, LocalDate asOf, Scorecard scorecard) {
    }

    /** distinct filters whose last answer is kept */
    private static final int ANSWERS_KEPT = 64;

    Scorecards(Districts tree) {
        this.tree = tree;
    }

    @Override
    public synchronized void moved(Key from, int fromSlot, Key to, int toSlot) {
        version++;
        if (from != null) {
            add(from, fromSlot, -1);
        }
        if (to != null) {
            add(to, toSlot, 1);
        }
    }

    /** The district tree changed: the roll-ups are rebuilt from the groups. */
    synchronized void tree(Districts next) {
        tree = next;
        version++;
        rollups.clear();
        groups.forEach((key, slots) -> {
            for (int slot = 0; slot < slots.length; slot++) {
                if (slots[slot] != 0) {
                    roll(key, slot, slots[slot]);
                }
            }
        });
    }

    /**
     * The scorecard of the live evaluations matching {@code filter}, which names no kind and no warning.
     *
     * @param group the district a commitment's district is shown under in {@code byDistrict}
     */
    synchronized Scorecard answer(Service.Filter filter, LocalDate asOf, Function<String, String> group) {
        // nothing changed since the last answer to this filter: the same object, which the HTTP layer renders once
        Answered last = answered.get(filter);
        if (last != null && last.version == version && last.asOf.equals(asOf)) {
            return last.scorecard;
        }
        Scorecard s = counted(filter, asOf, group);
        if (answered.size() >= ANSWERS_KEPT) {
            answered.clear();
        }
        answered.put(filter, new Answered(version, asOf, s));
        return s;
    }

    private Scorecard counted(Service.Filter filter, LocalDate asOf, Function<String, String> group) {
        if (filter.category() != null || filter.owner() != null) {
            return added(filter, asOf, group);
        }
        Set<String> districts = filter.districts();
        if (districts == null || districts.size() == 1) {
            Rollup r = rollups.get(new Node(districts == null ? null : districts.iterator().next(), filter.year()));
            r = r == null ? new Rollup() : r;
            return Scorecard.ofCounts(asOf, r.counts, filter.status(), r.byCategory, r.byOwner, r.byDistrict);
        }
        // several subtrees: the roll-ups of the topmost districts, and per district the commitments stored on it
        Rollup sum = new Rollup();
        for (String d : districts) {
            Rollup r = rollups.get(new Node(d, filter.year()));
            if (r != null && !underAnother(d, districts)) {
                addAll(sum.counts, r.counts);
                r.byCategory.forEach((k, v) -> addAll(sum.byCategory.computeIfAbsent(k, x -> new int[SLOTS]), v));
                r.byOwner.forEach((k, v) -> addAll(sum.byOwner.computeIfAbsent(k, x -> new int[SLOTS]), v));
            }
        }
        for (String d : tree.subtree(districts)) {
            Rollup r = rollups.get(new Node(d, filter.year()));
            int[] own = r == null ? null : r.byDistrict.get(d);
            if (own != null) {
                sum.byDistrict.put(d, own);
            }
        }
        return Scorecard.ofCounts(asOf, sum.counts, filter.status(), sum.byCategory, sum.byOwner, sum.byDistrict);
    }

    /** The groups of the filter's subtrees that match it, added up. */
    private Scorecard added(Service.Filter filter, LocalDate asOf, Function<String, String> group) {
        Rollup sum = new Rollup();
        Set<String> districts = filter.districts() == null ? groupsOf.keySet() : tree.subtree(filter.districts());
        for (String d : districts) {
            String shown = group.apply(d);
            for (Key k : groupsOf.getOrDefault(d, Set.of())) {
                if ((filter.year() == null || filter.year() == k.year())
                        && (filter.category() == null || filter.category().equals(k.category()))
                        && (filter.owner() == null || filter.owner().equals(k.owner()))) {
                    int[] slots = groups.get(k);
                    addAll(sum.counts, slots);
                    addAll(sum.byCategory.computeIfAbsent(orEmpty(k.category()), x -> new int[SLOTS]), slots);
                    addAll(sum.byOwner.computeIfAbsent(orEmpty(k.owner()), x -> new int[SLOTS]), slots);
                    addAll(sum.byDistrict.computeIfAbsent(shown, x -> new int[SLOTS]), slots);
                }
            }
        }
        return Scorecard.ofCounts(asOf, sum.counts, filter.status(), sum.byCategory, sum.byOwner, sum.byDistrict);
    }

    private boolean underAnother(String d, Set<String> districts) {
        String id = parent(d);
        for (int depth = 0; id != null && depth < MAX_DEPTH; depth++, id = parent(id)) {
            if (districts.contains(id)) {
                return true;
            }
        }
        return false;
    }

    private void add(Key key, int slot, int delta) {
        int[] slots = groups.computeIfAbsent(key, k -> new int[SLOTS]);
        slots[slot] += delta;
        groupsOf.computeIfAbsent(key.district(), k -> new HashSet<>()).add(key);
        roll(key, slot, delta);
    }

    /** Counts a change into the roll-ups of the group's district, of each district above it and of the whole. */
    private void roll(Key key, int slot, int delta) {
        String below = key.district();
        String node = key.district();
        for (int depth = 0; node != null && depth < MAX_DEPTH; depth++) {
            rollup(node, key.year()).add(key, below, slot, delta);
            rollup(node, null).add(key, below, slot, delta);
            below = node;
            node = parent(node);
        }
        rollup(null, key.year()).add(key, key.district(), slot, delta);
        rollup(null, null).add(key, key.district(), slot, delta);
    }

    private Rollup rollup(String district, Integer year) {
        return rollups.computeIfAbsent(new Node(district, year), n -> new Rollup());
    }

    private String parent(String district) {
        return tree.get(district).map(District::parent).orElse(null);
    }

    private static void bump(Map<String, int[]> by, String group, int slot, int delta) {
        by.computeIfAbsent(group, k -> new int[SLOTS])[slot] += delta;
    }

    private static void addAll(int[] into, int[] slots) {
        for (int i = 0; i < slots.length; i++) {
            into[i] += slots[i];
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
