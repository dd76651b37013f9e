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
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (OPEN.indexOf(c) >= 0) {
                depth++;
            } else if (CLOSE.indexOf(c) >= 0 && depth > 0) {
                depth--;
            } else if (depth == 0 && SEPARATORS.indexOf(c) >= 0 && i > start) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** Splits at 、 only: metric lists (响应率、办结率、满意率). */
    static List<String> commaItems(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (OPEN.indexOf(c) >= 0) {
                depth++;
            } else if (CLOSE.indexOf(c) >= 0 && depth > 0) {
                depth--;
            } else if (depth == 0 && c == '、') {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }
}
