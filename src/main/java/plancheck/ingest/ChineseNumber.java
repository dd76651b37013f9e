package plancheck.ingest;

/** Chinese numerals: 两, 十二, 三百五十, 1.2万 (digits with 万/亿), 一千零八十. */
public final class ChineseNumber {

    static final String DIGITS = "零〇一二两三四五六七八九";
    static final String CHARS = DIGITS + "十百千万亿";

    private ChineseNumber() {
    }

    /** The value of a run of Chinese numeral characters, or null if it is not a well-formed number. */
    public static Double parse(String s) {
        if (s.isEmpty()) {
            return null;
        }
        double total = 0;     // completed 亿 and 万 groups
        double section = 0;   // below 万
        double digit = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = digitValue(c);
            if (d >= 0) {
                if (digit > 0) {
                    return null; // 二三: not a number
                }
                digit = d;
                continue;
            }
            double unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                case '万' -> 10_000;
                case '亿' -> 100_000_000;
                default -> -1;
            };
            if (unit < 0) {
                return null;
            }
            if (unit >= 10_000) {
                section += Math.max(digit, 0);
                if (section == 0 && total == 0) {
                    section = 1; // 万 alone
                }
                total = (total + section) * unit;
                section = 0;
            } else {
                section += (digit < 0 ? 1 : digit) * unit; // 十二: 十 alone means 10
            }
            digit = -1;
        }
        return total + section + Math.max(digit, 0);
    }

    static int digitValue(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }
}
