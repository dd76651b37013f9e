package plancheck.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Figures that say where, for whom or how much a commitment covers, not what it delivers: 惠及17个乡镇, 受益群众5万人,
 * 有效改善9万人口的…, 在39个村改造…10千伏线路16.66公里, A、B等25个楼盘商品房销售面积50万平方米, 按…标准的80%确定.
 * Marked as no targets.
 */
final class Scopes {

    private static final Pattern REACHED_BEFORE = Words.ending("beneficiary-before");
    private static final Pattern REACHED_ANYWHERE = Words.pattern("beneficiary-before");
    /** 改善/提高 + a count of people: those who benefit (有效提高城区4万户…的供热安全), unlike 改善30间休息室. */
    private static final Pattern IMPROVED_BEFORE = Pattern.compile("(?:" + Words.alternation("improved-before")
            + ")[\\u4e00-\\u9fa5]{0,3}$");
    private static final Set<String> PEOPLE = Set.of("人", "户", "人次", "名");
    private static final Pattern FORMULA_AFTER = Words.opening("formula-after");
    private static final Pattern SIZE_BEFORE = Words.ending("project-size-before");

    private Scopes() {
    }

    static List<QuantityParser.Found> marked(String clause, List<QuantityParser.Found> found) {
        List<QuantityParser.Found> out = new ArrayList<>(found);
        for (int i = 0; i < out.size(); i++) {
            QuantityParser.Found f = out.get(i);
            Quantity q = f.quantity();
            if (f.rejected() != null) {
                continue;
            }
            String reason = describes(out, i) ? "what the figure before counts (超230个50户以上的村寨), not a target"
                    : q.bound() != null ? null : reason(clause, out, i);
            if (reason != null) {
                out.set(i, new QuantityParser.Found(q, reason));
            }
        }
        return out;
    }

    /** A bounded figure right after another (超230个50户以上): it defines the things the one before counts. */
    private static boolean describes(List<QuantityParser.Found> found, int i) {
        if (i == 0) {
            return false;
        }
        QuantityParser.Found before = found.get(i - 1);
        Quantity q = found.get(i).quantity();
        return before.rejected() == null && before.quantity().end() == q.start() && q.bound() != null;
    }

    /** 涉及A镇、B乡…约1200户农牧民: the reach word may stand before a list of places, back to the figure before. */
    private static boolean reachedAcrossPlaces(String clause, List<QuantityParser.Found> found, int i) {
        Quantity q = found.get(i).quantity();
        if (!PEOPLE.contains(q.unit())) {
            return false;
        }
        int from = i == 0 ? 0 : found.get(i - 1).quantity().end();
        return REACHED_ANYWHERE.matcher(clause).region(from, q.start()).find();
    }

    private static String reason(String clause, List<QuantityParser.Found> found, int i) {
        Quantity q = found.get(i).quantity();
        String before = clause.substring(Math.max(0, q.start() - QuantityParser.QUALIFIER_REACH), q.start());
        if (REACHED_BEFORE.matcher(before).find() || reachedAcrossPlaces(clause, found, i)
                || PEOPLE.contains(q.unit()) && IMPROVED_BEFORE.matcher(before).find()) {
            return "who or what the commitment reaches, not a target";
        }
        boolean otherAfter = found.stream().skip(i + 1L).anyMatch(o -> o.rejected() == null);
        if (otherAfter && clause.substring(0, q.start()).strip().equals("在")) {
            return "where the commitment is carried out, not a target";
        }
        if (otherAfter && q.start() > 0 && clause.charAt(q.start() - 1) == '等') {
            return "the list the figure after it covers, not a target";
        }
        String after = clause.substring(Math.min(clause.length(), q.end()));
        if (SIZE_BEFORE.matcher(before).find() && after.startsWith("的")) {
            return "the size of the project it names, not a target";
        }
        if (clause.lastIndexOf('按', q.start()) >= 0 && FORMULA_AFTER.matcher(after).find()) {
            return "how an amount is computed (按…确定), not a target";
        }
        return null;
    }
}
