package plancheck.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The bars a count is measured against (新增3个村集体收入超过10万元: 10万元), marked as no targets. */
final class Thresholds {

    private static final Pattern BAR_BEFORE = Words.ending("threshold-before");
    private static final String THRESHOLD = "the bar the things counted must pass, not a target";

    private Thresholds() {
    }

    /**
     * 20%的村集体年收入超30万元, 新增年收入超50万元的经济强村5个: where a clause counts things (3个村, 20%的村集体,
     * 经济强村5个), the income each must pass defines what is counted; only the count is a target.
     */
    static List<QuantityParser.Found> marked(String clause, List<QuantityParser.Found> found) {
        if (found.size() < 2) {
            return found;
        }
        List<QuantityParser.Found> out = new ArrayList<>(found);
        for (int i = 0; i < out.size(); i++) {
            Quantity q = out.get(i).quantity();
            int reach = Math.max(0, q.numberStart() - QuantityParser.QUALIFIER_REACH);
            if (out.get(i).rejected() == null && BAR_BEFORE.matcher(clause.substring(reach, q.numberStart())).find()
                    && countsOther(out, i)) {
                out.set(i, new QuantityParser.Found(q, THRESHOLD));
            }
        }
        return out;
    }

    private static boolean countsOther(List<QuantityParser.Found> found, int bar) {
        for (int k = 0; k < found.size(); k++) {
            if (k != bar && found.get(k).rejected() == null && !Units.compatible("元", found.get(k).quantity().unit())) {
                return true;
            }
        }
        return false;
    }
}
