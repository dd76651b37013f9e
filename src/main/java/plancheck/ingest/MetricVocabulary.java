package plancheck.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The metric vocabulary ({@code data/metrics.json}): Chinese phrases of work reports mapped to one key per measured
 * thing, shared by the reference data set and the report import.
 */
public final class MetricVocabulary {

    /** How a metric is judged: more is better, or less is better (违建, 警情). */
    public enum Direction { HIGHER, LOWER }

    /** One measured thing and the phrases that name it. */
    public record Metric(String key, String name, String unit, Direction direction, List<String> phrases) {
    }

    private record File(String about, List<Metric> metrics) {
    }

    private static final String RESOURCE = "/data/metrics.json";

    private final Map<String, Metric> byKey;
    /** (phrase, metric) pairs, longest phrase first, so 小初学位 wins over 学位. */
    private final List<Map.Entry<String, Metric>> byPhrase;

    private MetricVocabulary(List<Metric> metrics) {
        Map<String, Metric> keys = new LinkedHashMap<>();
        for (Metric m : metrics) {
            if (keys.put(m.key(), m) != null) {
                throw new IllegalStateException("metric key listed twice: " + m.key());
            }
        }
        this.byKey = Map.copyOf(keys);
        this.byPhrase = metrics.stream()
                .flatMap(m -> m.phrases().stream().map(p -> Map.entry(p, m)))
                .sorted(Comparator.comparingInt((Map.Entry<String, Metric> e) -> e.getKey().length()).reversed())
                .toList();
    }

    /** The vocabulary shipped with plancheck. */
    public static MetricVocabulary load() {
        try (InputStream in = MetricVocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            File file = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, File.class);
            return new MetricVocabulary(file.metrics());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public Optional<Metric> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public boolean contains(String key) {
        return byKey.containsKey(key);
    }

    /** The metric whose longest phrase occurs in {@code text}, if any. */
    public Optional<Metric> find(String text) {
        for (Map.Entry<String, Metric> e : byPhrase) {
            if (text.contains(e.getKey())) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** Where a phrase of a metric occurs in a text. */
    public record Occurrence(Metric metric, int start, int end) {
    }

    /**
     * Every occurrence of a phrase in {@code text}; a phrase inside a longer one (学位 in 小初学位) is left out. Metrics
     * sharing a phrase (固定资产投资 in 亿元 and in %) each get their occurrence.
     */
    public List<Occurrence> occurrences(String text) {
        List<Occurrence> out = new java.util.ArrayList<>();
        for (Map.Entry<String, Metric> e : byPhrase) {
            String phrase = e.getKey();
            for (int i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
                int end = i + phrase.length();
                int start = i;
                boolean covered = out.stream().anyMatch(o -> o.start() <= start && o.end() >= end
                        && o.end() - o.start() > phrase.length());
                if (!covered) {
                    out.add(new Occurrence(e.getValue(), i, end));
                }
            }
        }
        out.sort(Comparator.comparingInt(Occurrence::start));
        return out;
    }

    public List<Metric> all() {
        return List.copyOf(byKey.values());
    }
}
