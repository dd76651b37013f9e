package plancheck.ingest;

import java.util.ArrayList;
import java.util.List;

/** Splits "A、B和C" into its items, never inside quotation marks or brackets. */
final class Enumeration {

    private static final String SEPARATORS = "、和与";
    private static final String OPEN = "“‘《（(「【";
    private static final String CLOSE = "”’》）)」】";

    private Enumeration() {
    }

    static List<String> items(String text) {
        return split(text, (t, start, i) -> i > start && SEPARATORS.indexOf(t.charAt(i)) >= 0
                && (t.charAt(i) == '、' || joinsNames(t, start, i)), false);
    }

    /** Where a separator at {@code i} ends the item begun at {@code start}. */
    private interface Split {
        boolean at(String text, int start, int i);
    }

    /** The items between separators outside quotation marks and brackets; an empty last item only if asked. */
    private static List<String> split(String text, Split split, boolean keepEmptyLast) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (OPEN.indexOf(c) >= 0) {
                depth++;
            } else if (CLOSE.indexOf(c) >= 0 && depth > 0) {
                depth--;
            } else if (depth == 0 && split.at(text, start, i)) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (keepEmptyLast || start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    /**
     * 和/与 part two names only when both sides are names of their own (学校高新校区建设和观澜中学扩建工程), not
     * inside one (丰和产业园, 太和村).
     */
    private static boolean joinsNames(String text, int start, int at) {
        int next = text.indexOf('、', at + 1);
        int end = next < 0 ? text.length() : next;
        return at - start >= MIN_NAME && end - at - 1 >= MIN_NAME;
    }

    private static final int MIN_NAME = 3;

    private static final java.util.regex.Pattern PHASE_LAST = java.util.regex.Pattern.compile("^(.+?)([一二三四五六七八九十]+期)$");
    private static final java.util.regex.Pattern PHASE_FIRST = java.util.regex.Pattern.compile("^([一二三四五六七八九十]+期)(.+)$");

    /**
     * Phases of one works sharing its name and head noun (引绰济辽一期、二期工程): each item named in full
     * (引绰济辽一期工程, 引绰济辽二期工程).
     */
    static List<String> phases(List<String> items) {
        List<String> out = new ArrayList<>(items);
        for (int i = 0; i + 1 < out.size(); i++) {
            java.util.regex.Matcher first = PHASE_LAST.matcher(out.get(i).strip());
            java.util.regex.Matcher next = PHASE_FIRST.matcher(out.get(i + 1).strip());
            if (first.matches() && next.matches()) {
                out.set(i, first.group(1) + first.group(2) + next.group(2));
                out.set(i + 1, first.group(1) + next.group(1) + next.group(2));
            }
        }
        return out;
    }

    /** Splits at 、 only: metric lists (响应率、办结率、满意率). */
    static List<String> commaItems(String text) {
        return split(text, (t, start, i) -> t.charAt(i) == '、', true);
    }
}
