package plancheck.service;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

import plancheck.domain.Commitment;
import plancheck.domain.Kind;

/**
 * Whether a proposed commitment is already stored: same district and year, and the same metric and target (unless
 * both are quoted and the quotes differ), or the same quote. Quotes match when one holds the other once whitespace
 * is gone, because the data set quotes whole sentences or shortened clauses where the importer quotes one clause. Where one clause holds several stored
 * commitments, the one with the same target, project or title is the match.
 */
final class Duplicates {

    /** A stored commitment the proposal repeats, and why it is taken for one. */
    record Match(Commitment stored, String reason) {
    }

    /** Quotes shorter than this say too little to call two commitments the same. */
    private static final int MIN_QUOTE = 4;

    private Duplicates() {
    }

    /** @param pool the stored commitments of the proposal's district and year */
    static Optional<Match> of(Commitment proposed, Collection<Commitment> pool, String project) {
        Match best = null;
        int bestScore = 0;
        for (Commitment s : pool) {
            if (!Objects.equals(s.district(), proposed.district()) || s.year() != proposed.year()) {
                continue;
            }
            boolean sameTarget = proposed.target() != null && Objects.equals(proposed.target(), s.target());
            boolean quote = sameQuote(proposed, s);
            // two quoted sentences that differ are two commitments, even of one metric and target (两个全覆盖)
            boolean metricTarget = sameTarget && proposed.metric() != null && proposed.metric().equals(s.metric())
                    && (quote || !quoted(proposed) || !quoted(s));
            if (!metricTarget && !(quote && compatible(proposed, s, project))) {
                continue;
            }
            int score = (metricTarget ? 8 : 0) + (quote ? 4 : 0) + (s.kind() == proposed.kind() ? 2 : 0)
                    + (Objects.equals(s.title(), proposed.title()) ? 2 : 0) + (sameTarget ? 1 : 0);
            if (score > bestScore || score == bestScore && best != null && s.id().compareTo(best.stored().id()) < 0) {
                bestScore = score;
                best = new Match(s, metricTarget && quote ? "same metric, target and quote"
                        : metricTarget ? "same metric and target" : "same quote");
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * One clause can hold several commitments (两个项目投产, 学位1480个、600个, 响应率、办结率、满意率达到三个100%): a quote
     * match counts only for the stored one of the same project, or of the same target and, where both quote the
     * same whole clause, the same metric. (A quote shortened to a part of the clause may have read the metric
     * otherwise: 8条道路建设 is roads_started in the data set, roads_opened to the importer.)
     */
    private static boolean compatible(Commitment proposed, Commitment s, String project) {
        if (proposed.kind() == Kind.MILESTONE && project != null) {
            return s.title() != null && normal(s.title()).contains(normal(project));
        }
        if (proposed.target() != null && s.target() != null) {
            boolean sameClause = normal(proposed.source().quote()).equals(normal(s.source().quote()));
            boolean otherMetric = proposed.metric() != null && s.metric() != null
                    && !proposed.metric().equals(s.metric());
            return proposed.target().equals(s.target()) && !(sameClause && otherMetric);
        }
        return true;
    }

    private static boolean quoted(Commitment c) {
        return c.source() != null && normal(c.source().quote()).length() >= MIN_QUOTE;
    }

    private static boolean sameQuote(Commitment a, Commitment b) {
        String qa = a.source() == null ? "" : normal(a.source().quote());
        String qb = b.source() == null ? "" : normal(b.source().quote());
        if (qa.length() < MIN_QUOTE || qb.length() < MIN_QUOTE) {
            return false;
        }
        return qa.contains(qb) || qb.contains(qa);
    }

    /** Without whitespace, full-width letters, digits and signs as half-width (the seeds are PDF text). */
    static String normal(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            out.append(c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c);
        }
        return out.toString();
    }
}
