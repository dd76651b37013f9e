package plancheck.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The importer's word lists ({@code plancheck/ingest/words.txt}): headings, tense markers, owner forms, table headers. */
final class Words {

    private static final Map<String, List<String>> LISTS = load();

    private Words() {
    }

    static List<String> list(String name) {
        List<String> words = LISTS.get(name);
        if (words == null) {
            throw new IllegalStateException("no word list [" + name + "] in words.txt");
        }
        return words;
    }

    /** The list as one alternation, longest word first so 办公室 wins over 办. */
    static String alternation(String name) {
        return list(name).stream().sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
                .collect(Collectors.joining("|"));
    }

    static Pattern pattern(String name) {
        return Pattern.compile(alternation(name));
    }

    /** Any word of the list at the end of a text: qualifiers before a figure (不少于), trailing adverbs. */
    static Pattern ending(String name) {
        return Pattern.compile("(?:" + alternation(name) + ")$");
    }

    /** Any word of the list at the start of a text: qualifiers after a figure (以上), leading verbs. */
    static Pattern opening(String name) {
        return Pattern.compile("^(?:" + alternation(name) + ")");
    }

    /** A list of "word VALUE" lines, as word → value (stage words: 建成 COMPLETED). */
    static Map<String, String> pairs(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : list(name)) {
            String[] parts = line.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalStateException("[" + name + "] wants \"word VALUE\" lines, not: " + line);
            }
            out.put(parts[0], parts[1]);
        }
        return out;
    }

    private static Map<String, List<String>> load() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (InputStream in = Words.class.getResourceAsStream("/plancheck/ingest/words.txt")) {
            if (in == null) {
                throw new IllegalStateException("plancheck/ingest/words.txt missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> current = null;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                if (l.startsWith("[") && l.endsWith("]")) {
                    current = new ArrayList<>();
                    out.put(l.substring(1, l.length() - 1), current);
                } else if (current != null) {
                    current.add(l);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(out);
    }
}
