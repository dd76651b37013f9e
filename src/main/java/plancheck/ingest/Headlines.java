package plancheck.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A news page's headline states a figure its body states again (将改造19个老旧小区): one commitment, the body's. */
final class Headlines {

    private Headlines() {
    }

    /** A headline (its first line, no full stop) repeats a figure of the body (将改造19个老旧小区): the body's is kept. */
    static List<CommitmentCandidate> withoutRepeated(String original, List<CommitmentCandidate> out) {
        int start = 0;
        while (start < original.length() && Character.isWhitespace(original.charAt(start))) {
            start++;
        }
        int end = original.indexOf('\n', start);
        end = end < 0 ? original.length() : end;
        if (end - start > MAX_HEADLINE || original.substring(start, end).indexOf('。') >= 0) {
            return out;
        }
        int lineEnd = end;
        List<CommitmentCandidate> kept = new ArrayList<>();
        for (CommitmentCandidate c : out) {
            boolean inHeadline = c.span().start() < lineEnd;
            boolean again = inHeadline && c.commitment().target() != null && out.stream().anyMatch(o -> o != c
                    && o.span().start() > lineEnd && c.commitment().target().equals(o.commitment().target())
                    && Objects.equals(c.commitment().unit(), o.commitment().unit()));
            if (!again) {
                kept.add(c);
            }
        }
        return kept;
    }

    private static final int MAX_HEADLINE = 40;
}
