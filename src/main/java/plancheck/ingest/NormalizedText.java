package plancheck.ingest;

import java.util.regex.Pattern;

/**
 * Report text with the marks of PDF extraction removed, remembering for every character where it stood in the
 * original so that spans point into the text the planner sent.
 *
 * <p>Removed: page-number lines ("- 12 -"), line breaks inside sentences, spaces between Chinese characters and
 * digits ("2022 年" → "2022年"). Full-width digits, Latin letters and the signs %.+- become half-width so numbers
 * parse; Chinese punctuation is kept, so quotes stay as written. A line break is kept (as '\n') only before a line
 * that opens an enumerated heading, after a short heading line of its own, and around a table row, so headings and
 * rows do not run into the sentences around them.
 */
public final class NormalizedText {

    private static final Pattern PAGE_NUMBER = Pattern.compile("\\s*[-—－]\\s*\\d{1,4}\\s*[-—－]\\s*");
    private static final Pattern HEADING_START = Pattern.compile(
            "\\s*(?:[●■◆▲•▪★]|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\\d]+[)）]|第[一二三四五六七八九十]+部分|\\d{1,2}[、．.](?!\\d)"
                    + "|\\d{1,3}\\s*$)");
    /** A line holding only a number: the index of a table row whose cells follow on lines of their own. */
    private static final Pattern ROW_INDEX = Pattern.compile("\\s*\\d{1,3}\\s*");

    private static final Pattern TABLE_GAP = Pattern.compile("[\\u4e00-\\u9fa5)）][ \\t\\u3000]+[\\u4e00-\\u9fa5(（]");

    private final String original;
    private final String text;
    private final int[] origin;

    private static final int MAX_CAPTION = 14;
    private static final Pattern CAPTION = Words.pattern("caption-words");

    private NormalizedText(String original, String text, int[] origin) {
        this.original = original;
        this.text = text;
        this.origin = origin;
    }

    public static NormalizedText of(String original) {
        StringBuilder out = new StringBuilder(original.length());
        int[] map = new int[original.length() + 1];
        int lineStart = 0;
        int n = original.length();
        while (lineStart <= n) {
            int lineEnd = original.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            String line = original.substring(lineStart, lineEnd);
            // a picture's caption, and the news subheading standing over it, say nothing the body does not
            boolean caption = isCaption(line) || isCaption(nextLine(original, lineEnd));
            if (!line.isBlank() && !PAGE_NUMBER.matcher(line).matches() && !caption) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '\n' && HEADING_START.matcher(line).lookingAt()) {
                    map[out.length()] = lineStart;
                    out.append('\n');
                }
                boolean heading = HEADING_START.matcher(line).lookingAt();
                boolean row = isTableRow(line);
                if (row && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                    map[out.length()] = lineStart;
                    out.append('\n');
                }
                for (int i = lineStart; i < lineEnd; i++) {
                    char c = original.charAt(i);
                    if (isSpace(c)) {
                        if (keepSpace(original, i, lineStart, lineEnd, row)) {
                            map[out.length()] = i;
                            out.append(' ');
                        }
                        continue;
                    }
                    map[out.length()] = i;
                    out.append(halfWidth(c));
                }
                if (heading && isShortTitle(line) && !ROW_INDEX.matcher(line).matches() || row) {
                    // a heading line of its own ("（二）坚持四个工作导向") ends where the line ends
                    map[out.length()] = lineEnd;
                    out.append('\n');
                }
            }
            lineStart = lineEnd + 1;
        }
        map[out.length()] = n;
        int[] origin = java.util.Arrays.copyOf(map, out.length() + 1);
        return new NormalizedText(original, out.toString(), origin);
    }

    /** (网络效果图), （资料图）: a bracketed line naming a picture. */
    private static boolean isCaption(String line) {
        String t = line.strip();
        return t.length() >= 3 && t.length() <= MAX_CAPTION && "(（".indexOf(t.charAt(0)) >= 0
                && ")）".indexOf(t.charAt(t.length() - 1)) >= 0 && CAPTION.matcher(t).find();
    }

    /** The next line that is not blank after a line ending at {@code lineEnd}, or "" at the end. */
    private static String nextLine(String original, int lineEnd) {
        int start = lineEnd + 1;
        while (start < original.length()) {
            int end = original.indexOf('\n', start);
            end = end < 0 ? original.length() : end;
            if (!original.substring(start, end).isBlank()) {
                return original.substring(start, end);
            }
            start = end + 1;
        }
        return "";
    }

    private static boolean isShortTitle(String line) {
        String t = line.strip();
        return t.length() <= 30 && t.chars().noneMatch(c -> "，。；,;：:！？".indexOf(c) >= 0);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\u3000' || c == '\u00a0';
    }

    /**
     * A table row of a PDF (序号 项目名称 建设内容 完成时限): cells of Chinese text parted by spaces, no full stop.
     * Each row is a clause of its own.
     */
    private static boolean isTableRow(String line) {
        return line.indexOf('。') < 0 && TABLE_GAP.matcher(line).find();
    }

    /** A space survives between two Latin letters ("City Walk") and, once, between the cells of a table row. */
    private static boolean keepSpace(String s, int i, int lineStart, int lineEnd, boolean row) {
        int p = i - 1;
        while (p >= lineStart && isSpace(s.charAt(p))) {
            p--;
        }
        int q = i + 1;
        while (q < lineEnd && isSpace(s.charAt(q))) {
            q++;
        }
        if (p < lineStart || q >= lineEnd || p != i - 1) {
            return false;
        }
        char a = halfWidth(s.charAt(p));
        char b = halfWidth(s.charAt(q));
        return isLatin(a) && isLatin(b) || row && !Character.isDigit(a) && !Character.isDigit(b);
    }

    private static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static char halfWidth(char c) {
        if ((c >= '０' && c <= '９') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ')
                || c == '％' || c == '．' || c == '＋' || c == '－') {
            return (char) (c - 0xFEE0);
        }
        // 〝…〞 (double prime quotes, left by some converters) read as “…”
        if (c == '〝') {
            return '“';
        }
        if (c == '〞' || c == '〟') {
            return '”';
        }
        return c;
    }

    public String text() {
        return text;
    }

    public String original() {
        return original;
    }

    /** The original offset of normalised offset {@code i} (i may equal the length). */
    public int originalOffset(int i) {
        return origin[i];
    }

    /** The original span of the normalised range [start, end). */
    public Span span(int start, int end) {
        if (end <= start) {
            return new Span(origin[start], origin[start]);
        }
        return new Span(origin[start], origin[end - 1] + 1);
    }

    /** The first normalised offset whose original offset is at or after {@code originalOffset}. */
    public int normalizedOffset(int originalOffset) {
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (origin[mid] < originalOffset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
