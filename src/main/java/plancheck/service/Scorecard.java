package plancheck.service;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import plancheck.domain.Evaluation;
import plancheck.domain.Status;
import plancheck.engine.Tally;

/**
 * Counts and rates of a set of evaluations.
 *
 * @param completionRate (EXCEEDED + ACHIEVED) / (total − ONGOING); null when nothing is assessable
 * @param onPaceRate     (EXCEEDED + ACHIEVED + BASICALLY_ACHIEVED + ON_TRACK) / (total − ONGOING): the share not
 *                       behind, missed or unreported; null when nothing is assessable
 * @param byCategory     the same figures per plan category ("" for none)
 * @param byOwner        the same figures per 责任单位 ("" for none)
 * @param byDistrict     the same figures per district: under a filter naming one district, per child of it;
 *                       otherwise per district of the commitments
 * @param formulas       the two formulas in words, for the dashboard
 * @param unreviewed     items whose counting result is not yet approved (warning UNREVIEWED, 待审核)
 */
public record Scorecard(LocalDate asOf, int total, Map<Status, Integer> byStatus, Double completionRate,
        Double onPaceRate, Map<String, Scorecard> byCategory, Map<String, Scorecard> byOwner,
        Map<String, String> formulas, Map<String, Scorecard> byDistrict, int unreviewed) {

    public static final Map<String, String> FORMULAS = Map.of(
            "completionRate", "(EXCEEDED + ACHIEVED) / (total - ONGOING)",
            "onPaceRate", "(EXCEEDED + ACHIEVED + BASICALLY_ACHIEVED + ON_TRACK) / (total - ONGOING)");

    /** @param category and {@code owner} name the group of an evaluation ("" for none) */
    public static Scorecard of(LocalDate asOf, List<Evaluation> evaluations, Function<Evaluation, String> category,
            Function<Evaluation, String> owner) {
        return count(asOf, evaluations, by(asOf, evaluations, category), by(asOf, evaluations, owner), FORMULAS);
    }

    /** This scorecard with its figures per district (see {@code byDistrict}). */
    public Scorecard withByDistrict(List<Evaluation> evaluations, Function<Evaluation, String> district) {
        return new Scorecard(asOf, total, byStatus, completionRate, onPaceRate, byCategory, byOwner, formulas,
                by(asOf, evaluations, district), unreviewed);
    }

    private static Map<String, Scorecard> by(LocalDate asOf, List<Evaluation> evaluations,
            Function<Evaluation, String> group) {
        return evaluations.stream()
                .collect(Collectors.groupingBy(group, TreeMap::new, Collectors.toList()))
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> count(asOf, e.getValue(), null, null, null), (a, b) -> a, TreeMap::new));
    }

    private static Scorecard count(LocalDate asOf, List<Evaluation> evaluations, Map<String, Scorecard> byCategory,
            Map<String, Scorecard> byOwner, Map<String, String> formulas) {
        Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            byStatus.put(s, 0);
        }
        evaluations.forEach(e -> byStatus.merge(e.status(), 1, Integer::sum));
        int assessable = evaluations.size() - byStatus.get(Status.ONGOING);
        int done = byStatus.get(Status.EXCEEDED) + byStatus.get(Status.ACHIEVED);
        int onPace = done + byStatus.get(Status.BASICALLY_ACHIEVED) + byStatus.get(Status.ON_TRACK);
        int unreviewed = (int) evaluations.stream().filter(e -> e.warnings().stream()
                .anyMatch(w -> w.code().equals("UNREVIEWED"))).count();
        return new Scorecard(asOf, evaluations.size(), byStatus, rate(done, assessable), rate(onPace, assessable),
                byCategory, byOwner, formulas, null, unreviewed);
    }

    /**
     * A scorecard from counts by tally slot (see {@link Tally}), with the same figures per category, owner and
     * district; groups where nothing is counted are left out, as a scorecard of evaluations has no such group.
     *
     * @param only count this status alone (null: every status)
     */
    static Scorecard ofCounts(LocalDate asOf, int[] slots, Status only, Map<String, int[]> byCategory,
            Map<String, int[]> byOwner, Map<String, int[]> byDistrict) {
        Scorecard s = counted(asOf, slots, only, groups(asOf, byCategory, only), groups(asOf, byOwner, only),
                FORMULAS);
        return new Scorecard(asOf, s.total, s.byStatus, s.completionRate, s.onPaceRate, s.byCategory, s.byOwner,
                s.formulas, groups(asOf, byDistrict, only), s.unreviewed);
    }

    private static Map<String, Scorecard> groups(LocalDate asOf, Map<String, int[]> by, Status only) {
        Map<String, Scorecard> out = new TreeMap<>();
        by.forEach((group, slots) -> {
            Scorecard s = counted(asOf, slots, only, null, null, null);
            if (s.total > 0) {
                out.put(group, s);
            }
        });
        return out;
    }

    private static Scorecard counted(LocalDate asOf, int[] slots, Status only, Map<String, Scorecard> byCategory,
            Map<String, Scorecard> byOwner, Map<String, String> formulas) {
        Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            byStatus.put(s, 0);
        }
        int total = 0;
        int unreviewed = 0;
        for (int slot = 0; slot < slots.length; slot++) {
            Status s = Tally.status(slot);
            if (slots[slot] != 0 && (only == null || only == s)) {
                byStatus.merge(s, slots[slot], Integer::sum);
                total += slots[slot];
                unreviewed += Tally.unreviewed(slot) ? slots[slot] : 0;
            }
        }
        int assessable = total - byStatus.get(Status.ONGOING);
        int done = byStatus.get(Status.EXCEEDED) + byStatus.get(Status.ACHIEVED);
        int onPace = done + byStatus.get(Status.BASICALLY_ACHIEVED) + byStatus.get(Status.ON_TRACK);
        return new Scorecard(asOf, total, byStatus, rate(done, assessable), rate(onPace, assessable), byCategory,
                byOwner, formulas, null, unreviewed);
    }

    private static Double rate(int part, int whole) {
        return whole == 0 ? null : Math.round(10000.0 * part / whole) / 10000.0;
    }
}
