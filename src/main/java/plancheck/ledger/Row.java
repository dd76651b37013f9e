package plancheck.ledger;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import plancheck.domain.Commitment;
import plancheck.domain.Evaluation;
import plancheck.domain.Kind;
import plancheck.domain.Result;
import plancheck.domain.Review;
import plancheck.domain.Source;
import plancheck.domain.Status;
import plancheck.service.Service.Judgement;

/**
 * One 台账 row, with typed values: the spreadsheet writes numbers as numbers and dates as dates, the CSV writes
 * their text.
 *
 * @param targetNumber the target of a single-number kind (AT_LEAST, AT_MOST, EXACT); null otherwise
 * @param targetText   the target as words: "200个以上", "开工", "100–120户"
 * @param unitWords    what follows the number in {@code targetText} ("个以上")
 * @param progress     the latest result that counts, with its date: "2025-06-30：120个"
 * @param cadence      the reporting cadence the commitment names (每月); null: the policy's default
 * @param id           the commitment's id, by which an import of the edited 台账 finds it again
 */
public record Row(int number, String category, String task, Double targetNumber, String targetText, String unitWords,
        String lead, String owner, LocalDate deadline, String progress, Double completion, Double expected,
        Status status, String explanation, String source, String cadence, String id) {

    public static Row of(int number, Judgement j, Layout layout) {
        Commitment c = j.commitment();
        Evaluation e = j.evaluation();
        String unit = c.unit() == null ? "" : c.unit();
        Double targetNumber = switch (c.kind()) {
            case AT_LEAST, AT_MOST, EXACT -> c.target();
            default -> null;
        };
        String words = unit + layout.targetWord(c.kind());
        return new Row(number, c.category(), c.title(), targetNumber, targetText(c, layout), words, c.lead(),
                c.owner(), c.effectiveDeadline(), latest(c, j.results(), e.asOf()).map(r -> progress(c, r))
                        .orElse(null), e.progress(), e.expectedProgress(), e.status(),
                e.explanation() == null ? null : e.explanation().zh(), source(c.source()),
                layout.cadenceWord(c.cadence()), c.id());
    }

    static String targetText(Commitment c, Layout layout) {
        String unit = c.unit() == null ? "" : c.unit();
        return switch (c.kind()) {
            case AT_LEAST, AT_MOST, EXACT -> c.target() == null ? null
                    : number(c.target()) + unit + layout.targetWord(c.kind());
            case RANGE -> c.target() == null ? null : number(c.target()) + "–"
                    + (c.targetMax() == null ? "" : number(c.targetMax())) + unit;
            case MILESTONE -> c.stage() == null ? null : c.stage().label();
            case BINARY, ONGOING -> layout.targetWord(c.kind());
        };
    }

    /**
     * The result that counts at {@code day}: the latest on or before it that carries the kind's measure, is not
     * corrected by another one by then and was not returned in review.
     */
    public static Optional<Result> latest(Commitment c, List<Result> results, LocalDate day) {
        Set<Long> corrected = new HashSet<>();
        for (Result r : results) {
            if (r.corrects() != null && !r.asOf().isAfter(day)) {
                corrected.add(r.corrects());
            }
        }
        Result best = null;
        for (Result r : results) {
            boolean counts = !r.asOf().isAfter(day) && r.measures(c.kind()) && !corrected.contains(r.id())
                    && r.review() != Review.RETURNED;
            if (counts && (best == null || !r.asOf().isBefore(best.asOf()))) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    public static String progress(Commitment c, Result r) {
        String unit = c.unit() == null ? "" : c.unit();
        String what = switch (c.kind()) {
            case MILESTONE -> r.stage().label();
            case BINARY -> Boolean.TRUE.equals(r.done()) ? "已完成" : "未完成";
            case ONGOING -> r.value() != null ? number(r.value()) + unit : "已报送";
            default -> number(r.value()) + unit;
        };
        String note = r.note() == null || r.note().isBlank() ? "" : "（" + r.note().strip() + "）";
        return r.asOf() + "：" + what + note;
    }

    private static String source(Source s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String part : new String[] {s.document(), s.section()}) {
            if (part != null && !part.isBlank()) {
                out.append(out.length() == 0 ? "" : " · ").append(part.strip());
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    /** A number without a needless ".0": 200, 12.5. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Kinds whose target is one number the spreadsheet can hold as a number. */
    static boolean singleNumber(Kind k) {
        return k == Kind.AT_LEAST || k == Kind.AT_MOST || k == Kind.EXACT;
    }
}
