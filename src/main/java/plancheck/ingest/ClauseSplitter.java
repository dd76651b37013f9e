package plancheck.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits normalised text into sentences (。！？；\n) and those into clauses (，：), never inside quotation marks or
 * brackets, so "民有所呼，我有所应" inside “” stays one piece.
 */
public final class ClauseSplitter {

    private static final String SENTENCE_END = "。！？；;!?\n";
    private static final String CLAUSE_END = "，,：:";
    private static final String OPEN = "“‘《（(「【\"";
    private static final String CLOSE = "”’》）)」】";
    /** A quote left open (PDF text loses characters) must not swallow the rest of the report. */
    private static final int MAX_QUOTED = 60;
    static final int MAX_CLAUSE = 300;

    private ClauseSplitter() {
    }

    public static List<Clause> split(String text, int from, int to) {
        List<Clause> out = new ArrayList<>();
        int sentenceStart = from;
        int clauseStart = from;
        int depth = 0;
        int openedAt = -1;
        boolean asciiQuoteOpen = false;
        List<int[]> pending = new ArrayList<>();
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                asciiQuoteOpen = !asciiQuoteOpen;
                depth += asciiQuoteOpen ? 1 : -1;
                openedAt = asciiQuoteOpen ? i : openedAt;
            } else if (OPEN.indexOf(c) >= 0) {
                if (depth++ == 0) {
                    openedAt = i;
                }
            } else if (CLOSE.indexOf(c) >= 0 && depth > 0) {
                depth--;
            }
            if (depth > 0 && i - openedAt > MAX_QUOTED) {
                depth = 0;
                asciiQuoteOpen = false;
            }
            boolean sentenceEnd = SENTENCE_END.indexOf(c) >= 0 && (depth == 0 || c == '\n');
            boolean clauseEnd = depth == 0 && CLAUSE_END.indexOf(c) >= 0 && !isThousandsComma(text, i, to);
            if (sentenceEnd || clauseEnd) {
                if (i > clauseStart) {
                    pending.add(new int[]{clauseStart, i});
                }
                clauseStart = i + 1;
            }
            if (sentenceEnd) {
                flush(text, pending, sentenceStart, i, out);
                sentenceStart = i + 1;
                depth = 0;
                asciiQuoteOpen = false;
            }
        }
        if (to > clauseStart) {
            pending.add(new int[]{clauseStart, to});
        }
        flush(text, pending, sentenceStart, to, out);
        return out;
    }

    /**
     * Clauses of at most {@link #MAX_CLAUSE} characters: text without punctuation (a pasted table, a broken file) is
     * cut at an enumeration comma or a space, else hard, so that reading stays linear in the text's length.
     */
    private static List<int[]> capped(String text, List<int[]> clauses) {
        List<int[]> out = new ArrayList<>();
        for (int[] c : clauses) {
            int start = c[0];
            while (c[1] - start > MAX_CLAUSE) {
                int cut = start + MAX_CLAUSE;
                for (int i = cut; i > start + MAX_CLAUSE / 2; i--) {
                    char ch = text.charAt(i - 1);
                    if (ch == '、' || ch == ' ') {
                        cut = i;
                        break;
                    }
                }
                out.add(new int[]{start, cut});
                start = cut;
            }
            out.add(new int[]{start, c[1]});
        }
        return out;
    }

    private static boolean isThousandsComma(String text, int i, int to) {
        return text.charAt(i) == ',' && i > 0 && i + 1 < to && Character.isDigit(text.charAt(i - 1))
                && Character.isDigit(text.charAt(i + 1));
    }

    private static void flush(String text, List<int[]> pending, int sentenceStart, int sentenceEnd, List<Clause> out) {
        for (int[] p : capped(text, pending)) {
            String t = text.substring(p[0], p[1]);
            if (!t.isBlank()) {
                out.add(new Clause(t, p[0], sentenceStart, sentenceEnd));
            }
        }
        pending.clear();
    }
}
