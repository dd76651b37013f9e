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

    static Named in(String text) {
        if (!TRIGGER.matcher(text).find()) {
            return Named.NONE;
        }
        String owner = first(LABELLED, text);
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

    private static String first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
