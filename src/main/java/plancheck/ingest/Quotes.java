package plancheck.ingest;

/** Whether an offset stands inside quotation marks: a number in “三个中心” is part of a name or slogan. */
final class Quotes {

    private static final String OPEN = "“\"《「";
    private static final String CLOSE = "”\"》」";

    private Quotes() {
    }

    /** True when an opening quote before {@code at} is not closed before it. */
    static boolean inside(String clause, int at) {
        int depth = 0;
        boolean ascii = false;
        for (int i = 0; i < at; i++) {
            char c = clause.charAt(i);
            if (c == '"') {
                ascii = !ascii;
            } else if (OPEN.indexOf(c) >= 0) {
                depth++;
            } else if (CLOSE.indexOf(c) >= 0 && depth > 0) {
                depth--;
            }
        }
        return depth > 0 || ascii;
    }
}
