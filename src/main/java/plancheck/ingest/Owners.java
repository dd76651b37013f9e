package plancheck.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who the text names for a commitment: 责任单位：区教育局, 牵头单位：…, 由区住建局负责, 区民政局牵头; and the lead:
 * 牵头领导：…. The forms are built from the word lists, so a new 责任单位 heading is a line in words.txt.
 */
final class Owners {

    /** The owner and lead named, either null. */
    record Named(String owner, String lead) {
        static final Named NONE = new Named(null, null);
    }

    private static final String NAME = "[\\u4e00-\\u9fa5]{1,20}?(?:" + Words.alternation("owner-suffixes") + ")";
    private static final Pattern LABELLED = Pattern.compile("(?:" + Words.alternation("owner-headers") + ")[:：]\\s*("
            + NAME + "(?:[、,，]" + NAME + ")*)");
    private static final Pattern LEAD = Pattern.compile("(?:" + Words.alternation("lead-headers")
            + ")[:：]\\s*([\\u4e00-\\u9fa5、]{2,12})");
    private static final Pattern BY = Pattern.compile("由(" + NAME + ")(?:" + Words.alternation("owner-by-verbs") + ")");
    /** （市人社局、市财政局） after a task: the units in charge, the first leading. */
    private static final Pattern BRACKETED = Pattern.compile("[（(](" + NAME + ")(?:[、,，]" + NAME + ")*[)）]");
    private static final Pattern LEADS = Pattern.compile("(?:^|[，,；;（(、])(" + NAME + ")(?:"
            + Words.alternation("owner-lead-verbs") + ")");

    private Owners() {
    }

    /** Words without which no form can match: most sentences have none, and the forms are costly to try. */
    private static final Pattern TRIGGER = Pattern.compile("由|[（(]" + NAME + "[、,，)）]|"
            + Words.alternation("owner-lead-verbs") + "|"
            + Words.alternation("owner-headers") + "|" + Words.alternation("lead-headers"));

    private static final int OWNER_REACH = 120;
    /** How far an item's paragraph may run to the bracket that names its owner once, at its end. */
    private static final int PARAGRAPH_REACH = 600;

    /**
     * Who the text names for a clause: in its sentence (由区住建局负责, 责任单位：…, a bracket right after it), else in
     * the bracket that closes its paragraph, where a 实事 item names (牵头领导：…，责任单位：…) once for all its
     * sentences.
     */
    static Named of(String text, Clause clause) {
        Named named = in(sentence(text, clause));
        if (named.owner() != null) {
            return named;
        }
        Named item = in(closingBracket(text, clause.end()));
        if (item.owner() == null) {
            item = in(closingOwnerSentence(text, clause.end()));
        }
        return item.owner() != null ? item : named;
    }

    private static final Pattern OWNER_SENTENCE = Pattern.compile("^\\s*(?:" + Words.alternation("owner-headers")
            + ")[:：]");

    /** 主办单位：县建发公司，协办单位：…。 closing an item's paragraph: the owner of the item's sentences before it. */
    private static String closingOwnerSentence(String t, int from) {
        int last = paragraphLast(t, from);
        if (last < 0) {
            return "";
        }
        int start = Math.max(t.lastIndexOf('。', last), t.lastIndexOf('；', last)) + 1;
        if (start <= from) {
            return "";
        }
        String sentence = t.substring(start, last + 1);
        return OWNER_SENTENCE.matcher(sentence).find() ? sentence : "";
    }

    /**
     * The sentence a clause stands in, up to its end: where 由区住建局负责 or 责任单位：… is written. At most
     * {@link #OWNER_REACH} characters either side, so text without sentence ends is not read again for every clause.
     */
    private static String sentence(String t, Clause clause) {
        int limit = Math.min(t.length(), clause.end() + OWNER_REACH);
        int end = clause.end();
        while (end < limit && "。；;\n".indexOf(t.charAt(end)) < 0) {
            end++;
        }
        // （市医疗保障局） right after the sentence names who does it
        int bracket = end + 1;
        if (bracket < t.length() && "（(".indexOf(t.charAt(bracket)) >= 0) {
            int close = t.indexOf(t.charAt(bracket) == '（' ? '）' : ')', bracket);
            if (close > 0 && close - bracket <= OWNER_REACH) {
                end = close + 1;
            }
        }
        return t.substring(Math.max(clause.sentenceStart(), clause.start() - OWNER_REACH), end);
    }

    /** The bracket the paragraph from {@code from} ends with (before its line end and a last 。), else "". */
    private static String closingBracket(String t, int from) {
        int last = paragraphLast(t, from);
        if (last < from || "）)".indexOf(t.charAt(last)) < 0) {
            return "";
        }
        int open = Math.max(t.lastIndexOf('（', last), t.lastIndexOf('(', last));
        return open < from ? "" : t.substring(open, last + 1);
    }

    /**
     * The last character of the paragraph from {@code from} before its line end and a last 。; -1 when the paragraph
     * is longer than {@link #PARAGRAPH_REACH} (it is not one item's).
     */
    private static int paragraphLast(String t, int from) {
        // look no further than the reach: searching a long text for its next line end on every clause is quadratic
        int limit = Math.min(t.length(), from + PARAGRAPH_REACH + 1);
        int end = from;
        while (end < limit && t.charAt(end) != '\n') {
            end++;
        }
        if (end - from > PARAGRAPH_REACH) {
            return -1;
        }
        int last = end - 1;
        while (last >= from && (NormalizedText.isSpace(t.charAt(last)) || t.charAt(last) == '。')) {
            last--;
        }
        return last;
    }

    static Named in(String text) {
        if (!TRIGGER.matcher(text).find()) {
            return Named.NONE;
        }
        String owner = withoutNextHeader(first(LABELLED, text));
        if (owner == null) {
            owner = first(BY, text);
        }
        if (owner == null) {
            owner = first(LEADS, text);
        }
        if (owner == null) {
            owner = first(BRACKETED, text);
        }
        return owner == null && first(LEAD, text) == null ? Named.NONE : new Named(owner, first(LEAD, text));
    }

    private static final java.util.List<String> HEADERS = java.util.stream.Stream.of("partner-headers", "lead-headers")
            .flatMap(h -> Words.list(h).stream()).toList();

    /** 县建发公司，协办单位：…: the owner list stops where the next header begins (协办 ends like a unit). */
    private static String withoutNextHeader(String owner) {
        if (owner == null) {
            return null;
        }
        String[] items = owner.split("[、,，]");
        StringBuilder b = new StringBuilder();
        for (String item : items) {
            if (HEADERS.stream().anyMatch(h -> h.startsWith(item))) {
                break;
            }
            b.append(b.length() == 0 ? "" : owner.substring(b.length(), b.length() + 1)).append(item);
        }
        return b.length() == 0 ? null : b.toString();
    }

    private static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
