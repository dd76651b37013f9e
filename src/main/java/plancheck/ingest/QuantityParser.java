package plancheck.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import plancheck.domain.Kind;

/**
 * Finds the quantities of a clause and rejects the numbers that are no quantity: dates, ordinals, codes, slogans
 * ("两个维护", “三个中心”) and counts of the report's own headings.
 */
public final class QuantityParser {

    /** A number found and kept, or dropped with the reason. */
    public record Found(Quantity quantity, String rejected) {
    }

    /** Units, longest first so 万平方米 wins over 平方米 and 人次 over 人. */
    static final List<String> UNITS = Words.list("units").stream()
            .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
    private static final Pattern SPEC_BEFORE = Pattern.compile("(?:" + Words.alternation("spec-before") + ")$");
    /** A floor word that only says "reach" (达, 达到), which 左右 after the figure turns into "about". */
    private static final Pattern REACH_ONLY = Words.pattern("reach-words");
    private static final Pattern HOLD_ONLY = Words.pattern("hold-words");
    private static final Pattern GAME_FORMAT_AFTER = Words.opening("game-format-after");
    private static final Pattern SPEC_AFTER = Pattern.compile("^(?:" + Words.alternation("spec-after") + ")");
    /** 15件重点民生实事: the size of the list itself. */
    private static final Pattern LIST_AFTER = Pattern.compile("^(?:重点)?(?:民生)?(?:" + Words.alternation("list-nouns") + ")");
    /** Measures of time after 个: 3个月 is a duration, not a count. */
    private static final Pattern DURATION_AFTER = Words.opening("duration-after-ge");
    private static final Pattern ARABIC = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final String RANGE_SEPARATORS = "-—–~～至到";
    private static final Pattern NUMBER = Pattern.compile(
            "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|[" + ChineseNumber.CHARS + "]+");
    private static final Pattern MULTI = Pattern.compile("([二两三四五六七八九十])个(\\d+(?:\\.\\d+)?)%");
    private static final Pattern COVERAGE = Words.pattern("full-coverage");
    private static final Pattern ZERO = Words.pattern("zero-targets");
    // both lists are tried and the longer word wins: 不少于 is at least though it ends in 少于, 不超过 at most
    private static final Pattern AT_LEAST_BEFORE = Words.ending("at-least-before");
    private static final Pattern AT_MOST_BEFORE = Words.ending("at-most-before");
    private static final Pattern APPROX_BEFORE = Words.ending("approximate-before");
    /** 预计投入资金2.5亿元: an estimate, the figure as stated. */
    private static final Pattern ESTIMATE_BEFORE = Words.pattern("estimate-before");
    private static final Pattern PERSON_NOUN = Words.opening("person-nouns");
    private static final Pattern DECREASE_BEFORE = Words.ending("decrease-before");
    private static final Pattern AT_LEAST_AFTER = Words.opening("at-least-after");
    private static final Pattern AT_MOST_AFTER = Words.opening("at-most-after");
    private static final Pattern APPROX_AFTER = Words.opening("approximate-after");
    /** A count in words is a target when a target verb governs it: 新增就业岗位两千个, unlike 坚持四个工作导向. */
    private static final Pattern TARGET_VERB_ANYWHERE = Words.pattern("target-verbs");
    /** 七项工作, 四个方面: a count of the report's own themes. */
    private static final Pattern THEMES_AFTER = Words.opening("theme-nouns");
    static final int QUALIFIER_REACH = 8;

    private QuantityParser() {
    }

    public static List<Found> parse(String clause) {
        List<Found> out = new ArrayList<>();
        boolean[] taken = new boolean[clause.length() + 1];
        Matcher multi = MULTI.matcher(clause);
        while (multi.find()) {
            int count = (int) Math.round(ChineseNumber.parse(multi.group(1)));
            Quantity q = new Quantity(Double.parseDouble(multi.group(2)), null, "%", Kind.AT_LEAST, false, count,
                    multi.start(), multi.end(), multi.start(2));
            mark(taken, multi.start(), multi.end());
            out.add(new Found(q, null));
        }
        Matcher cov = COVERAGE.matcher(clause);
        while (cov.find()) {
            mark(taken, cov.start(), cov.end());
            out.add(new Found(new Quantity(100, null, "%", Kind.AT_LEAST, false, 1, cov.start(), cov.end(), cov.start()), null));
        }
        Matcher zero = ZERO.matcher(clause);
        while (zero.find()) {
            mark(taken, zero.start(), zero.end());
            out.add(new Found(new Quantity(0, null, null, Kind.AT_MOST, false, 1, zero.start(), zero.end(), zero.start()), null));
        }
        int i = 0;
        while (i < clause.length()) {
            char c = clause.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit && ChineseNumber.CHARS.indexOf(c) < 0) {
                i++;
                continue;
            }
            // a cheap test first: most characters start no number, and the regex only reads those that do
            Matcher m = NUMBER.matcher(clause).region(i, clause.length());
            m.lookingAt();
            if (!taken[i]) {
                Found f = number(clause, m.group(), i);
                if (f != null) {
                    mark(taken, f.quantity().numberStart(), f.quantity().end());
                    out.add(f);
                }
            }
            i = m.end();
        }
        out.sort(java.util.Comparator.comparingInt(f -> f.quantity().start()));
        return Thresholds.marked(clause, Baselines.marked(clause, out));
    }

    private static void mark(boolean[] taken, int from, int to) {
        for (int i = from; i < to; i++) {
            taken[i] = true;
        }
    }

    /** A number at {@code start}; null when no unit follows (years, dates, 四大产业: not quantities at all). */
    private static Found number(String clause, String token, int start) {
        boolean chinese = !Character.isDigit(token.charAt(0));
        if (chinese && token.chars().noneMatch(c -> ChineseNumber.DIGITS.indexOf(c) >= 0 || c == '十')) {
            return null; // 万户, 千家: a word, not a number
        }
        // Chinese runs may end in 万/亿 that belong to the unit (二十亿元 is 20 亿元): try the longest numeral that
        // leaves a unit, the unit's own 万/亿 first.
        int longest = token.length();
        if (chinese && longest > 1 && unitAt(clause, start + longest - 1) != null) {
            longest--;
        }
        for (int len = longest; len >= 1; len--) {
            String digits = token.substring(0, len);
            Double value = chinese ? ChineseNumber.parse(digits) : Double.valueOf(digits.replace(",", ""));
            if (value == null) {
                continue;
            }
            int p = start + len;
            double multiplier = 1;
            String unit = unitAt(clause, p);
            if (unit == null && clause.startsWith("万亿", p)) {
                multiplier = 1e12; // 1.4万亿斤
                p += 2;
            } else if (unit == null && p < clause.length() && (clause.charAt(p) == '万' || clause.charAt(p) == '亿')) {
                multiplier = clause.charAt(p) == '万' ? 10_000 : 100_000_000;
                p++;
            }
            // 6万余名, 600多家: more than the figure, a floor
            boolean over = false;
            if (unit == null && p < clause.length() && (clause.charAt(p) == '余' || clause.charAt(p) == '多')) {
                over = true;
                p++;
            }
            if (unit == null) {
                unit = unitAt(clause, p);
            }
            int unitLength = unit == null ? 0 : unit.length();
            if (unit == null && multiplier > 1 && PERSON_NOUN.matcher(clause).region(p, clause.length()).lookingAt()) {
                unit = "人"; // 为200万中小学生: people counted by what they are
            }
            if (unit == null && !chinese && (p >= clause.length() || RANGE_SEPARATORS.indexOf(clause.charAt(p)) < 0)) {
                unit = unitBefore(clause, start); // 服务人次达200万以上
            }
            boolean approximate = false;
            if (unit == null) {
                if (chinese) {
                    continue;
                }
                // 6-7%: the unit comes after the second number
                return multiplier == 1 && !over ? range(clause, start, p, p, value, null) : null;
            }
            int unitEnd = p + unitLength;
            String after = clause.substring(unitEnd, Math.min(clause.length(), unitEnd + QUALIFIER_REACH));
            if ("个".equals(unit) && DURATION_AFTER.matcher(after).find()) {
                return null;
            }
            Found range = chinese ? null : range(clause, start, start + len, unitEnd, value, unit);
            if (range != null) {
                return range;
            }
            Found f = classify(clause, start, start + len, unitEnd, value * multiplier, null, unit, approximate,
                    chinese);
            return over && f.quantity().bound() == null && !f.quantity().approximate() ? floor(f) : f;
        }
        return null;
    }

    private static Found floor(Found f) {
        Quantity q = f.quantity();
        return new Found(new Quantity(q.value(), q.max(), q.unit(), Kind.AT_LEAST, false, q.count(), q.start(), q.end(),
                q.numberStart()), f.rejected());
    }

    /** 增长6%-7%, 6-7%, 5至8个: a range; null when what follows the first number is no second one. */
    private static Found range(String clause, int start, int numberEnd, int firstEnd, double low, String unit) {
        if (firstEnd >= clause.length() || RANGE_SEPARATORS.indexOf(clause.charAt(firstEnd)) < 0) {
            return null;
        }
        Matcher second = ARABIC.matcher(clause).region(firstEnd + 1, clause.length());
        if (!second.lookingAt()) {
            return null;
        }
        String secondUnit = unitAt(clause, second.end());
        if (secondUnit == null || unit != null && !unit.equals(secondUnit)) {
            return null;
        }
        double high = Double.parseDouble(second.group());
        return classify(clause, start, numberEnd, second.end() + secondUnit.length(), low, high, secondUnit, false,
                false);
    }

    private static Found classify(String clause, int start, int numberEnd, int unitEnd, double value, Double max,
                                  String unit, boolean approximate, boolean chinese) {
        // qualifiers are short: only the last characters before the number can hold one
        int from = Math.max(0, start - QUALIFIER_REACH);
        String before = clause.substring(from, start);
        String after = clause.substring(unitEnd, Math.min(clause.length(), unitEnd + QUALIFIER_REACH));
        Kind bound = null;
        int qStart = start;
        int qEnd = unitEnd;
        Matcher b;
        Matcher most = AT_MOST_BEFORE.matcher(before);
        Matcher least = AT_LEAST_BEFORE.matcher(before);
        boolean isMost = most.find();
        boolean isLeast = least.find();
        if (isMost && (!isLeast || most.start() <= least.start())) {
            bound = Kind.AT_MOST;
            qStart = from + most.start();
        } else if (isLeast) {
            bound = Kind.AT_LEAST;
            qStart = from + least.start();
        } else if ((b = APPROX_BEFORE.matcher(before)).find()) {
            approximate = true;
            qStart = from + b.start();
        } else if (ESTIMATE_BEFORE.matcher(before).find()) {
            approximate = true;
        }
        Matcher a;
        if ((a = AT_LEAST_AFTER.matcher(after)).find()) {
            bound = Kind.AT_LEAST;
            qEnd += a.end();
        } else if ((a = AT_MOST_AFTER.matcher(after)).find()) {
            bound = Kind.AT_MOST;
            qEnd += a.end();
        } else if ((a = APPROX_AFTER.matcher(after)).find()) {
            approximate = true;
            qEnd += a.end();
            if (bound == Kind.AT_LEAST && REACH_ONLY.matcher(clause.substring(qStart, start)).matches()) {
                bound = null; // 覆盖率达80%左右: reaching about the figure, EXACT as 增长8%左右
            } else if (bound == Kind.AT_MOST && HOLD_ONLY.matcher(clause.substring(qStart, start)).matches()) {
                bound = null; // 涨幅控制在3%左右: held at about the figure, EXACT
            }
        }
        if (DECREASE_BEFORE.matcher(clause.substring(Math.max(0, qStart - QUALIFIER_REACH), qStart)).find()) {
            if (max != null) {
                double low = -max; // 下降3%-5%: from -5 to -3
                max = -value;
                value = low;
            } else {
                value = -value;
                // a fall of about 3% (降低3%左右) stays approximate: the target is the stated figure
                bound = bound == Kind.AT_LEAST || bound == null && !approximate ? Kind.AT_MOST : bound;
            }
        }
        if (max != null && max < value) {
            return new Found(new Quantity(value, max, unit, bound, approximate, 1, qStart, qEnd, start),
                    "range whose upper bound is below its lower bound");
        }
        Quantity q = new Quantity(value, max, unit, bound, approximate, 1, qStart, qEnd, start);
        String rejected = reject(clause, start, numberEnd, value, chinese);
        if (rejected == null && chinese && THEMES_AFTER.matcher(after).find()) {
            rejected = "count of themes, not a target";
        }
        if (rejected == null && chinese && "期".equals(unit)) {
            rejected = "a phase of a project (二期), not a count";
        }
        if (rejected == null && "人".equals(unit) && GAME_FORMAT_AFTER.matcher(after).find()) {
            rejected = "the format of a game (3人制篮球场), not a count";
        }
        if (rejected == null && LIST_AFTER.matcher(after).find()) {
            rejected = "the number of items on the list, not a target";
        }
        if (rejected == null && (SPEC_BEFORE.matcher(before).find() || SPEC_AFTER.matcher(after).find())) {
            rejected = "a specification of the project, not a target";
        }
        return new Found(q, rejected);
    }

    private static String reject(String clause, int start, int numberEnd, double value, boolean chinese) {
        char prev = start > 0 ? clause.charAt(start - 1) : ' ';
        char next = numberEnd < clause.length() ? clause.charAt(numberEnd) : ' ';
        if (Quotes.inside(clause, start)) {
            return "number inside a quoted name or slogan";
        }
        if (prev == '第') {
            return "ordinal, not a quantity";
        }
        if (prev == '+' || next == '+' || Character.isLetter(prev) && prev < 0x80) {
            return "part of a code or formula";
        }
        if (chinese && value == 1) {
            return "一 used as an article (一个, 一批), not a count";
        }
        if (chinese && !TARGET_VERB_ANYWHERE.matcher(clause.substring(Math.max(0, start - 40), start)).find()) {
            return "count in words without a target verb (slogan or count of headings)";
        }
        return null;
    }

    /** 服务人次达200万以上: a unit of two characters or more named before the figure's qualifier, when none follows it. */
    private static String unitBefore(String clause, int start) {
        String before = clause.substring(Math.max(0, start - QUALIFIER_REACH), start);
        int cut = -1;
        for (Pattern p : List.of(AT_LEAST_BEFORE, AT_MOST_BEFORE, APPROX_BEFORE)) {
            Matcher m = p.matcher(before);
            if (m.find() && (cut < 0 || m.start() < cut)) {
                cut = m.start();
            }
        }
        String head = cut < 0 ? "" : before.substring(0, cut);
        return UNITS.stream().filter(u -> u.length() >= 2 && head.endsWith(u)).findFirst().orElse(null);
    }

    private static String unitAt(String clause, int p) {
        for (String u : UNITS) {
            if (clause.startsWith(u, p)) {
                return u;
            }
        }
        return null;
    }
}
