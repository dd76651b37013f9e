package plancheck.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the plan section (next year's commitments) and the summary section (last year's results) of a report by
 * their headings: 三、2022 年工作思路, 二、2023年工作计划, 一、2021 年工作完成情况, 一、2022年工作总结, also 工作安排,
 * 工作打算, 工作要点, 主要预期目标. A rectification report has no plan heading; its closing section on what will be
 * kept up (持续巩固…成果, 下一步…) stands in for it. A summary heading without a year (一、主要工作成效) covers the
 * year before the plan's.
 */
public final class SectionFinder {

    /** The two sections found; either may be absent. */
    public record Sections(Optional<Section> plan, Optional<Section> summary) {
    }

    private static final Pattern TOP = Pattern.compile("^(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分[、:：]?)");
    private static final Pattern SUB = Pattern.compile("^[（(][一二三四五六七八九十]+[)）]");
    private static final Pattern PLAN = Words.pattern("plan-headings");
    private static final Pattern PLAN_TITLE = Pattern.compile(Words.alternation("plan-headings") + "|"
            + Words.alternation("plan-titles"));
    private static final Pattern SUMMARY = Words.pattern("summary-headings");
    private static final Pattern PROGRESS_TABLE_TITLE = Words.pattern("progress-table-titles");
    private static final Pattern PLAN_MARKER = Words.pattern("plan-markers");
    private static final Pattern SUMMARY_MARKER = Words.pattern("summary-markers");
    /** Lines at the top of a document that may hold its title, after a web page's header lines. */
    private static final int TITLE_LINES = 6;
    /**
     * How much more often a headless document must speak of what is to be done than of what was done to be read as a
     * plan: lists of 实事 run at 5 to 20 times, a feature article on last year's work at about 4 (seed 001).
     */
    private static final double PLAN_TO_DONE = 4.5;
    private static final int MIN_PLAN_MARKS = 3;
    /** How far into a sentence opening with the plan's time its word of intent may stand (今年，吉木乃县将…). */
    private static final int OPENING_REACH = 16;
    private static final Pattern INLINE_PLAN = Pattern.compile("(" + Words.alternation("plan-headings")
            + ")(?:是|为)?[:：]");
    private static final Pattern PROBLEMS = Words.pattern("problem-headings");
    private static final Pattern FOLLOW_UP = Pattern.compile(Words.alternation("follow-up-words") + "|巩固.{0,8}成果");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})年");
    /** A full date at the top of a news item: 2017年04月10日, 2018-01-27. */
    private static final Pattern DATELINE = Pattern.compile("((?:19|20)\\d{2})(?:年\\d{1,2}月\\d{1,2}日|-\\d{1,2}-\\d{1,2})");
    private static final int MAX_HEADING = 40;
    /** A bulleted heading line (■ 2025年主要预期目标) is read without its bullet. */
    private static final Pattern BULLET = Pattern.compile("^[●■◆▲•▪★]+");
    /** Enumerated headings first; a bare line is taken only when no enumerated heading names the part. */
    private static final int[] LEVEL_PREFERENCE = {1, 2, 0};

    /**
     * A heading line. level 1: 一、…; level 2: （一）…; level 0: a line of its own without an enumerator (2025年工作计划,
     * 2025年区十大民生实事项目), standing above the enumerated ones.
     */
    private record Line(String compact, int start, int end, int level) {
    }

    private SectionFinder() {
    }

    public static Sections find(String original) {
        List<Line> headings = headings(original);
        Predicate<Line> isSummary = l -> SUMMARY.matcher(l.compact).find()
                && !FOLLOW_UP.matcher(l.compact).find() && !PLAN.matcher(afterSummaryWord(l.compact)).find();
        Predicate<Line> isPlan = l -> PLAN.matcher(l.compact).find() && !SUMMARY.matcher(l.compact).find();
        Predicate<Line> isProblems = l -> PROBLEMS.matcher(l.compact).find();
        // a summary ends at the next heading of its rank; across ranks (a bare line against 一、…) only at another part
        Optional<Section> summary = first(headings, original, isSummary, null, l -> true,
                isSummary.or(isPlan).or(isProblems));
        // the plan goes on over the headings after it (三、重点工作, 四、加强自身建设) until a summary or problems part
        Predicate<Line> endsPlan = isSummary.or(isProblems);
        Integer fallbackYear = summary.map(s -> s.year() == null ? null : s.year() + 1).orElseGet(() -> latestYear(original));
        Optional<Section> plan = first(headings, original, isPlan, fallbackYear, endsPlan, endsPlan);
        Optional<Section> summaryFound = summary;
        plan = plan.map(p -> withTargetsBefore(original, headings, p, summaryFound.orElse(null)));
        if (plan.isEmpty()) {
            plan = first(headings, original, l -> l.level == 1 && FOLLOW_UP.matcher(l.compact).find(), fallbackYear,
                    endsPlan, endsPlan);
        }
        if (plan.isEmpty()) {
            plan = wholeDocumentPlan(original).map(p -> fromInlineTargets(original, p));
        }
        if (plan.isEmpty()) {
            plan = inlinePlan(original);
        }
        if (plan.isEmpty() && summary.isEmpty() && tenseIsPlan(original)) {
            plan = Optional.of(new Section("", thisYear(original), 0, original.length()));
        }
        if (plan.isEmpty() && summary.isEmpty()) {
            plan = planOpening(original);
        }
        Optional<Section> finalPlan = plan;
        summary = summary.map(s -> s.year() != null || finalPlan.map(Section::year).isEmpty() ? s
                : new Section(s.heading(), finalPlan.get().year() - 1, s.start(), s.end()));
        return new Sections(plan, summary);
    }

    /** "工作总结及2022年工作计划" in one heading is a title over both parts, not the summary alone. */
    private static String afterSummaryWord(String compact) {
        Matcher m = SUMMARY.matcher(compact);
        return m.find() ? compact.substring(m.end()) : compact;
    }

    private static Optional<Section> first(List<Line> headings, String original,
                                           Predicate<Line> accept, Integer fallbackYear,
                                           Predicate<Line> ends,
                                           Predicate<Line> endsAcrossRanks) {
        for (int level : LEVEL_PREFERENCE) {
            for (int i = 0; i < headings.size(); i++) {
                Line l = headings.get(i);
                if (l.level != level || !accept.test(l)) {
                    continue;
                }
                int end = original.length();
                for (int j = i + 1; j < headings.size(); j++) {
                    Line next = headings.get(j);
                    boolean across = next.level == 0 || l.level == 0;
                    if (across ? endsAcrossRanks.test(next)
                            : next.level < l.level || next.level == l.level && ends.test(next)) {
                        end = next.start;
                        break;
                    }
                }
                Integer year = yearOf(l.compact);
                return Optional.of(new Section(original.substring(l.start, l.end).strip(),
                        year != null ? year : fallbackYear, Math.min(l.end + 1, end), end));
            }
        }
        return Optional.empty();
    }

    /** 今年发展主要预期目标是：… inside a sentence: the plan starts after the colon, where no heading names one. */
    private static Optional<Section> inlinePlan(String original) {
        Matcher m = INLINE_PLAN.matcher(original);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new Section(m.group(1), latestYear(original), m.end(), original.length()));
    }

    /**
     * 今年主要预期目标是：… standing between the heading before and the plan heading (三、2024年主要工作安排, whose
     * 围绕上述目标 refers back to it) is the plan's own opening, unless it lies inside the summary.
     */
    private static Section withTargetsBefore(String original, List<Line> headings, Section plan, Section summary) {
        Line heading = null;
        int lower = 0;
        for (Line l : headings) {
            if (l.end >= plan.start()) {
                break;
            }
            lower = heading == null ? 0 : heading.end;
            heading = l;
        }
        if (heading == null) {
            return plan;
        }
        Matcher m = INLINE_PLAN.matcher(original).region(lower, heading.start);
        int opening = -1;
        while (m.find()) {
            boolean inSummary = summary != null && m.start() >= summary.start() && m.start() < summary.end();
            opening = inSummary ? opening : m.end();
        }
        return opening < 0 ? plan : new Section(plan.heading(), plan.year(), opening, plan.end());
    }

    /**
     * A sentence opening with the plan's time (今年，…将; 明年; 下一步; 2026年，我们将…) and saying what is intended
     * within its first words: in a text without headings (a news article that reports results, then the plan) the
     * plan starts there and runs to the end.
     */
    private static final Pattern OPENING = Pattern.compile("(?:^|[\\n。！？!?])[\\s\\u3000]*((?:"
            + Words.alternation("plan-openings") + "|((?:19|20)\\d{2})年)[^。！？!?\\n]{0," + OPENING_REACH + "}?(?:"
            + Words.alternation("intent-words") + "))");

    private static Optional<Section> planOpening(String original) {
        Integer latest = latestYear(original);
        Matcher m = OPENING.matcher(original);
        while (m.find()) {
            // a year before the latest the text names is a year reported on (2023年，全区已…), not the plan's
            Integer year = m.group(2) == null ? thisYear(original) : Integer.valueOf(m.group(2));
            if (m.group(2) != null && latest != null && year < latest) {
                continue;
            }
            return Optional.of(new Section(m.group(1), year, m.start(1), original.length()));
        }
        return Optional.empty();
    }

    /**
     * A news headline naming a plan (…今年重点实施35项民生实事) over a text that first reports past years (2012年…,
     * 2017年…) and then opens the targets inline (2018年，我省主要预期目标是：): the plan starts at that opening, since
     * every year the text names before it is earlier than the plan's.
     */
    private static Section fromInlineTargets(String original, Section plan) {
        Matcher m = INLINE_PLAN.matcher(original).region(plan.start(), plan.end());
        if (plan.year() == null || !m.find()) {
            return plan;
        }
        // the opening's own sentence (2018年，我省主要预期目标是：) names the plan's year
        int sentence = Math.max(plan.start(), Math.max(original.lastIndexOf('。', m.start()),
                original.lastIndexOf('\n', m.start())));
        Matcher y = YEAR.matcher(compact(original.substring(plan.start(), sentence)));
        boolean reported = false;
        while (y.find()) {
            if (Integer.parseInt(y.group(1)) >= plan.year()) {
                return plan;
            }
            reported = true;
        }
        return reported ? new Section(plan.heading(), plan.year(), m.end(), plan.end()) : plan;
    }

    /**
     * A document titled as a plan alone ("2024年工作要点") is all plan; so is one titled as a table of a plan's items
     * and their progress (…实事项目进展情况表), whose progress column is read as results.
     */
    private static Optional<Section> wholeDocumentPlan(String original) {
        int start = 0;
        int seen = 0;
        // a page that puts its headline after the lead paragraph: the title covers the body above it too
        boolean bodyAbove = false;
        while (start < original.length() && seen < TITLE_LINES) {
            int end = original.indexOf('\n', start);
            if (end < 0) {
                end = original.length();
            }
            String compact = compact(original.substring(start, end));
            if (!compact.isEmpty()) {
                seen++;
                if (compact.length() <= MAX_HEADING && PLAN_TITLE.matcher(compact).find()
                        && (!SUMMARY.matcher(compact).find() || PROGRESS_TABLE_TITLE.matcher(compact).find())) {
                    Integer year = yearOf(compact);
                    return Optional.of(new Section(compact, year != null ? year : latestYear(original),
                            bodyAbove ? 0 : Math.min(end + 1, original.length()), original.length()));
                }
                bodyAbove |= compact.indexOf('。') >= 0;
            }
            start = end + 1;
        }
        return Optional.empty();
    }

    /**
     * A document with no plan or summary heading at all (a pasted 实事 list, an excerpt) is a plan when its own words
     * say so: far more marks of what is to be done (将, 力争, 推进, 新增) than of what was done (已, 了, 累计, 同比).
     */
    static boolean tenseIsPlan(String original) {
        String text = compact(original);
        int plan = count(PLAN_MARKER, text);
        int done = count(SUMMARY_MARKER, text);
        return plan >= MIN_PLAN_MARKS && plan >= PLAN_TO_DONE * done;
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static List<Line> headings(String original) {
        List<Line> out = new ArrayList<>();
        int start = 0;
        while (start < original.length()) {
            int end = original.indexOf('\n', start);
            if (end < 0) {
                end = original.length();
            }
            String compact = BULLET.matcher(compact(original.substring(start, end))).replaceFirst("");
            if (!compact.isEmpty() && compact.length() <= MAX_HEADING) {
                int level = TOP.matcher(compact).find() ? 1 : SUB.matcher(compact).find() ? 2 : 0;
                boolean bare = level == 0 && compact.length() <= 20 && compact.matches("^(?:(?:19|20)\\d{2}年)?[^，。,]*$")
                        && (PLAN.matcher(compact).lookingAt() || compact.matches("^(?:19|20)\\d{2}年.*"));
                if (level > 0 || bare) {
                    out.add(new Line(compact, start, end, level));
                }
            }
            start = end + 1;
        }
        return out;
    }

    static String compact(String line) {
        StringBuilder b = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!NormalizedText.isSpace(c)) {
                b.append(NormalizedText.halfWidth(c));
            }
        }
        return b.toString();
    }

    private static Integer yearOf(String compact) {
        Matcher m = YEAR.matcher(compact);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /**
     * The year a plan written in the future tense is for: a news item dated at its top (2017年04月10日 来源:…) that
     * speaks of 今年 means the year of its date, though it may name a later one (2018年项目要开工); else the latest
     * year the text names.
     */
    private static Integer thisYear(String original) {
        if (original.contains("今年")) {
            int start = 0;
            for (int seen = 0; start < original.length() && seen < TITLE_LINES; ) {
                int end = original.indexOf('\n', start);
                end = end < 0 ? original.length() : end;
                String line = compact(original.substring(start, end));
                Matcher m = DATELINE.matcher(line);
                if (m.find()) {
                    return Integer.valueOf(m.group(1));
                }
                seen += line.isEmpty() ? 0 : 1;
                start = end + 1;
            }
        }
        return latestYear(original);
    }

    /** The latest year the text mentions: a rectification report's "截至2023年4月10日" dates it. */
    static Integer latestYear(String original) {
        Matcher m = YEAR.matcher(compact(original));
        Integer max = null;
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            max = max == null ? y : Math.max(max, y);
        }
        return max;
    }
}
