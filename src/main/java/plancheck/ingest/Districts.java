package plancheck.ingest;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The district a report speaks for: given by the caller, else the 街道 its text names most often. */
final class Districts {

    /** Name → id of the 街道 and 镇 of the district tree's seed file (data/districts.json). */
    static final Map<String, String> IDS = load();
    private static final Pattern NAME = Pattern.compile("[\\u4e00-\\u9fa5]{2,4}?街道");

    record District(String id, String name) {
    }

    private Districts() {
    }

    static District resolve(String givenId, String text) {
        if (givenId != null && !givenId.isBlank()) {
            String name = IDS.entrySet().stream().filter(e -> e.getValue().equals(givenId)).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            return new District(givenId, name);
        }
        Map.Entry<String, Integer> best = null;
        for (String name : IDS.keySet()) {
            int n = count(text, name);
            if (n > 0 && (best == null || n > best.getValue())) {
                best = Map.entry(name, n);
            }
        }
        if (best != null) {
            return new District(IDS.get(best.getKey()), best.getKey());
        }
        Matcher m = NAME.matcher(text);
        return m.find() ? new District(null, m.group()) : new District(null, null);
    }

    private static Map<String, String> load() {
        try (java.io.InputStream in = Districts.class.getResourceAsStream("/data/districts.json")) {
            if (in == null) {
                throw new IllegalStateException("/data/districts.json is not on the class path");
            }
            Map<String, String> ids = new java.util.LinkedHashMap<>();
            for (com.fasterxml.jackson.databind.JsonNode d : new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(in).get("districts")) {
                String level = d.get("level").asText();
                if (level.equals("街道") || level.equals("镇")) {
                    ids.put(d.get("name").asText(), d.get("id").asText());
                }
            }
            return Map.copyOf(ids);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length())) {
            n++;
        }
        return n;
    }
}
