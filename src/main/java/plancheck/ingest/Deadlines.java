package plancheck.ingest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deadlines written in a clause: 年内, 年底前, 上半年 (30 June), 9月底前, 第三季度, 2025年9月 (its last day), 如期 (the plan
 * year's end). 9月末完工 (a month before a stage word). Dates before the plan year are events, not deadlines.
 */
public final class Deadlines {

    /** A deadline and the words that state it. */
    public record Deadline(LocalDate date, String words) {
    }

    /** A completion date (完成时限 of a table row): 2025年9月, 2025年6月30日前. */
    private static final Pattern DATE = Pattern.compile("((?:19|20)\\d{2})年(\\d{1,2})月(?:(\\d{1,2})日)?");
    /** 9月末完工, 4月开工: a month right before a stage word is its date, as 9月底前 is. */
    private static final String STAGE_WORDS = MilestoneFinder.VERBS.keySet().stream().map(Pattern::quote)
            .reduce((a, b) -> a + "|" + b).orElse("竣工");
    private static final Pattern MONTH = Pattern.compile("(\\d{1,2}|[一二三四五六七八九十]{1,3})月(?:底|末|份|上旬|中旬|下旬)?(?:前|之前|以前|(?=" + STAGE_WORDS + "))");
    private static final Pattern QUARTER = Pattern.compile("(?:第)?([一二三四1-4])季度");
    private static final Pattern HALF = Words.pattern("half-year-words");
    private static final Pattern YEAR_END = Words.pattern("year-end-words");

    private Deadlines() {
    }

    public static Optional<Deadline> find(String clause, int year) {
        Matcher m = DATE.matcher(clause);
        if (m.find()) {
            int y = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            if (y >= year && y <= year + 1 && month >= 1 && month <= 12) {
                YearMonth ym = YearMonth.of(y, month);
                int day = m.group(3) == null ? ym.lengthOfMonth() : Integer.parseInt(m.group(3));
                if (day >= 1 && day <= ym.lengthOfMonth()) {
                    return Optional.of(new Deadline(ym.atDay(day), m.group()));
                }
            }
        }
        m = MONTH.matcher(clause);
        if (m.find()) {
            int month = month(m.group(1));
            if (month >= 1 && month <= 12) {
                return Optional.of(new Deadline(YearMonth.of(year, month).atEndOfMonth(), m.group()));
            }
        }
        m = QUARTER.matcher(clause);
        if (m.find()) {
            int q = "一1".contains(m.group(1)) ? 1 : "二2".contains(m.group(1)) ? 2 : "三3".contains(m.group(1)) ? 3 : 4;
            return Optional.of(new Deadline(YearMonth.of(year, q * 3).atEndOfMonth(), m.group()));
        }
        m = HALF.matcher(clause);
        if (m.find()) {
            return Optional.of(new Deadline(LocalDate.of(year, 6, 30), m.group()));
        }
        m = YEAR_END.matcher(clause);
        if (m.find()) {
            return Optional.of(new Deadline(LocalDate.of(year, 12, 31), m.group()));
        }
        return Optional.empty();
    }

    private static int month(String s) {
        if (Character.isDigit(s.charAt(0))) {
            return Integer.parseInt(s);
        }
        Double v = ChineseNumber.parse(s);
        return v == null ? -1 : v.intValue();
    }
}
