package plancheck.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The figures a change starts from (由670元提高到700元: 670), marked as no targets. */
final class Baselines {

    private static final Pattern BASELINE_BEFORE = Words.pattern("baseline-before");
    private static final Pattern CHANGE_TO = Words.ending("change-to-words");

    private static final String BASELINE = "where a change starts (由…到…), not a target";

    private Baselines() {
    }

    /**
     * 由每人每年670元提高到700元, 由1800元、1500元统一提高到2200元: the figures after 由 and before the figure a change
     * reaches are where it starts from, no targets.
     */
    static List<QuantityParser.Found> marked(String clause, List<QuantityParser.Found> found) {
        if (!BASELINE_BEFORE.matcher(clause).find()) {
            return found;
        }
        List<QuantityParser.Found> out = new ArrayList<>(found);
        int opened = -1;
        for (int i = 0; i < out.size(); i++) {
            Quantity q = out.get(i).quantity();
            int from = i == 0 ? 0 : out.get(i - 1).quantity().end();
            if (BASELINE_BEFORE.matcher(clause.substring(from, q.numberStart())).find()) {
                opened = i;
            }
            int reach = Math.max(0, q.numberStart() - QuantityParser.QUALIFIER_REACH);
            if (opened >= 0 && CHANGE_TO.matcher(clause.substring(reach, q.numberStart())).find()) {
                for (int k = opened; k < i; k++) {
                    if (out.get(k).rejected() == null) {
                        out.set(k, new QuantityParser.Found(out.get(k).quantity(), BASELINE));
                    }
                }
                opened = -1;
            }
        }
        return out;
    }
}
