package plancheck.ingest;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The 序号 that opens a row of a table whose cells were run together: the next number counting up, right after the
 * names that close the row before (…各街道2促进就业…), and not a figure (3个, 2025年).
 */
final class RowIndex {

    /** Characters that end the cell before a 序号: the last character of a unit's name, a bracket, a sentence end. */
    private static final String ENDS_CELL = Stream.of(Words.list("owner-suffixes"), Words.list("place-suffixes"))
            .flatMap(l -> l.stream()).map(w -> w.substring(w.length() - 1)).distinct().collect(Collectors.joining())
            + ")）。；;前底内";
    /** Characters that make a number a figure: a unit's first character, 万, 年 … */
    private static final String MAKES_FIGURE = Words.list("units").stream().map(w -> w.substring(0, 1)).distinct()
            .collect(Collectors.joining()) + Words.list("figure-followers").stream().collect(Collectors.joining());
    private static final int MAX_DIGITS = 3;

    private RowIndex() {
    }

    /** The 序号 at {@code at}, or null when none stands there. */
    static Integer at(String text, int at, int to) {
        int end = at;
        while (end < to && end - at < MAX_DIGITS && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end > at && opensRow(text, end, to) ? Integer.valueOf(text.substring(at, end)) : null;
    }

    /** Where the row numbered {@code expected} opens in [from, to), or -1. */
    static int next(String text, int from, int to, int expected) {
        String n = String.valueOf(expected);
        for (int i = text.indexOf(n, from); i >= 0 && i + n.length() <= to; i = text.indexOf(n, i + 1)) {
            boolean afterCell = i > from && ENDS_CELL.indexOf(text.charAt(i - 1)) >= 0;
            if (afterCell && opensRow(text, i + n.length(), to)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean opensRow(String text, int after, int to) {
        if (after >= to) {
            return false;
        }
        char c = text.charAt(after);
        return c >= '\u4e00' && c <= '\u9fa5' && MAKES_FIGURE.indexOf(c) < 0;
    }
}
