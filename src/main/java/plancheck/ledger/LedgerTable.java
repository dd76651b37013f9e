package plancheck.ledger;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import plancheck.domain.Commitment;
import plancheck.domain.Evaluation;
import plancheck.domain.Result;
import plancheck.domain.Stage;
import plancheck.domain.Status;
import plancheck.domain.Warning;
import plancheck.service.Service.Judgement;
import plancheck.service.Service.Page;

/**
 * The 台账 as the web app pages through it: the judged commitments narrowed by status, attention and a search,
 * sorted by a column, one page of rows with the last report of each. Judging (and the district, year, category,
 * owner and warning filters) happens before, in the service; this only selects, orders and cuts.
 */
public final class LedgerTable {

    /**
     * Statuses that need a 督办 officer's attention (with any warning): the dashboard's tile counts these and links
     * to the ledger with {@code attention=true}.
     */
    public static final Set<Status> ATTENTION = Set.of(Status.BEHIND, Status.MISSED, Status.NO_DATA);

    /** Warnings that are the review queue's business, not a reason to chase the item (待审核 waits on a reviewer). */
    private static final Set<String> REVIEW_ONLY = Set.of("UNREVIEWED");

    /** Columns the ledger sorts by, named as the query spells them ({@code sort=lastReport}); ties go by id. */
    public enum Sort {
        id(r -> null), status(r -> r.status().ordinal()), progress(LedgerRow::progress),
        deadline(LedgerRow::deadline), owner(LedgerRow::owner),
        lastReport(r -> r.lastReport() == null ? null : r.lastReport().asOf());

        private final Function<LedgerRow, Comparable<?>> key;

        Sort(Function<LedgerRow, Comparable<?>> key) {
            this.key = key;
        }
    }

    /**
     * What the rows are narrowed to; null or empty fields match everything.
     *
     * @param statuses  any of these statuses
     * @param attention only rows needing attention ({@link #ATTENTION} or a warning)
     * @param search    words every one of which the title, owner, lead, category or id contains (any case)
     */
    public record Selection(Set<Status> statuses, boolean attention, String search, Sort sort, boolean descending) {
    }

    /** The last report of a commitment: the latest result (by date, then by id) not replaced by a correction. */
    public record LastReport(long resultId, LocalDate asOf, Double value, Stage stage, Boolean done,
            String reportedBy, plancheck.domain.Review review) {
    }

    /** One row of the table. */
    public record LedgerRow(String commitmentId, String title, String district, String districtName, int year,
            String category, String owner, String kind, String unit, Double target, LocalDate deadline,
            Status status, String statusLabel, Double progress, Double expectedProgress, Double lag,
            List<String> warnings, LastReport lastReport) {
    }

    private LedgerTable() {
    }

    /** The page of rows of {@code judged} that the selection keeps, in its order; total counts all kept. */
    public static Page<LedgerRow> page(List<Judgement> judged, Selection s, int limit, int offset) {
        List<String> words = s.search() == null ? List.of()
                : List.of(s.search().toLowerCase(Locale.ROOT).trim().split("\\s+"));
        Comparator<LedgerRow> order = order(s.sort(), s.descending());
        List<LedgerRow> rows = judged.stream()
                .filter(j -> s.statuses() == null || s.statuses().isEmpty()
                        || s.statuses().contains(j.evaluation().status()))
                .filter(j -> !s.attention() || needsAttention(j.evaluation()))
                .filter(j -> words.isEmpty() || contains(j.commitment(), words))
                .map(LedgerTable::row)
                .sorted(order.thenComparing(LedgerRow::commitmentId))
                .toList();
        int from = Math.min(offset, rows.size());
        return new Page<>(rows.size(), limit, offset, rows.subList(from, Math.min(rows.size(), from + limit)));
    }

    public static boolean needsAttention(Evaluation e) {
        return ATTENTION.contains(e.status())
                || e.warnings().stream().anyMatch(w -> !REVIEW_ONLY.contains(w.code()));
    }

    /** The key's order, rows lacking a value last either way (an unreported row is not "latest"). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<LedgerRow> order(Sort sort, boolean descending) {
        Sort by = sort == null ? Sort.id : sort;
        if (by == Sort.id) {
            Comparator<LedgerRow> ids = Comparator.comparing(LedgerRow::commitmentId);
            return descending ? ids.reversed() : ids;
        }
        Comparator<Comparable> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing(r -> (Comparable) by.key.apply(r), Comparator.nullsLast(values));
    }

    private static boolean contains(Commitment c, List<String> words) {
        String text = String.join("\n", nonNull(c.title()), nonNull(c.owner()), nonNull(c.lead()),
                nonNull(c.category()), c.id()).toLowerCase(Locale.ROOT);
        return words.stream().allMatch(text::contains);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    static LedgerRow row(Judgement j) {
        Commitment c = j.commitment();
        Evaluation e = j.evaluation();
        return new LedgerRow(c.id(), c.title(), c.district(), c.districtName(), c.year(), c.category(), c.owner(),
                c.kind() == null ? null : c.kind().name(), c.unit(), c.target(), c.deadline(), e.status(),
                e.status().label(), e.progress(), e.expectedProgress(), e.lag(),
                e.warnings().stream().map(Warning::code).toList(), last(j.results(), e.asOf()));
    }

    /** The latest result described on or before {@code asOf} that no later one corrects. */
    static LastReport last(List<Result> results, LocalDate asOf) {
        Set<Long> corrected = new java.util.HashSet<>();
        results.stream().filter(r -> r.corrects() != null).forEach(r -> corrected.add(r.corrects()));
        return results.stream()
                .filter(r -> !corrected.contains(r.id()) && (asOf == null || !r.asOf().isAfter(asOf)))
                .max(Comparator.comparing(Result::asOf).thenComparing(Result::id))
                .map(r -> new LastReport(r.id(), r.asOf(), r.value(), r.stage(), r.done(), r.reportedBy(), r.review()))
                .orElse(null);
    }
}
