package plancheck.ingest;

import java.util.List;
import java.util.Optional;

import plancheck.ingest.MetricVocabulary.Metric;

/** A clause with quotation marks removed for phrase matching (违建“零增量” is 违建零增量), mapped back to offsets. */
final class MetricText {

    static final String QUOTE_MARKS = "“”‘’\"《》「」";

    private final MetricVocabulary vocabulary;
    private final List<MetricVocabulary.Occurrence> occurrences;
    private final int[] origin;

    MetricText(MetricVocabulary vocabulary, String clause) {
        this.vocabulary = vocabulary;
        StringBuilder b = new StringBuilder();
        int[] map = new int[clause.length() + 1];
        for (int i = 0; i < clause.length(); i++) {
            if (QUOTE_MARKS.indexOf(clause.charAt(i)) < 0) {
                map[b.length()] = i;
                b.append(clause.charAt(i));
            }
        }
        map[b.length()] = clause.length();
        origin = java.util.Arrays.copyOf(map, b.length() + 1);
        occurrences = vocabulary.occurrences(b.toString()).stream().filter(o -> o.metric().unit() != null).toList();
    }

    /** The metric named nearest the quantity: before it, else inside it (全覆盖), else after it. */
    Optional<Metric> closest(int segStart, int qStart, int qEnd, int segEnd, String unit) {
        Metric best = null;
        int bestScore = Integer.MAX_VALUE;
        for (MetricVocabulary.Occurrence o : occurrences) {
            int s = origin[o.start()];
            int e = origin[o.end() - 1] + 1;
            if (s < segStart || e > segEnd || !Units.compatible(o.metric().unit(), unit)) {
                continue;
            }
            int score;
            if (e <= qStart) {
                score = qStart - e;
            } else if (s >= qEnd) {
                score = 10_000 + s - qEnd;
            } else {
                score = 0;
            }
            if (score < bestScore) {
                bestScore = score;
                best = o.metric();
            }
        }
        return Optional.ofNullable(best);
    }

    Optional<Metric> inText(String item, String unit) {
        return vocabulary.occurrences(item.replaceAll("[" + QUOTE_MARKS + "]", "")).stream()
                .map(MetricVocabulary.Occurrence::metric)
                .filter(m -> m.unit() != null && Units.compatible(m.unit(), unit))
                .reduce((a, b) -> b);
    }
}
