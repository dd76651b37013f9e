package plancheck.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The rule files of a rules folder, by path relative to it ('/' separated), read into memory: the text of each .drl
 * file and, for the policy sheet ({@link PolicySheet#PATH}, an .xlsx), its bytes base64-encoded, so the sheet is
 * hashed, compared, validated and reloaded like any rule file.
 */
public final class RuleSources {

    private RuleSources() {
    }

    /** Every .drl and .xlsx file under {@code dir}, sorted by path; empty when the folder does not exist. */
    public static SortedMap<String, String> read(Path dir) {
        SortedMap<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(p -> isRuleFile(p.getFileName().toString()) && Files.isRegularFile(p))
                    .toList()) {
                String name = dir.relativize(file).toString().replace('\\', '/');
                // the 督办 rules are a rule base of their own (plancheck.reminder.ReminderRules)
                if (!name.startsWith("plancheck/reminders/")) {
                    out.put(name, isSheet(name) ? Base64.getEncoder().encodeToString(Files.readAllBytes(file))
                            : Files.readString(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** {@code base} with {@code changes} applied: a text replaces or adds a file, null removes it. */
    public static SortedMap<String, String> overlay(Map<String, String> base, Map<String, String> changes) {
        SortedMap<String, String> out = new TreeMap<>(base);
        changes.forEach((path, text) -> {
            if (text == null) {
                out.remove(path);
            } else {
                out.put(path, text);
            }
        });
        return out;
    }

    /** Why {@code path} cannot name a rule file (relative, '/' separated, no '..', ends in .drl); null when fine. */
    public static String refusePath(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("//")) {
            return "must be a relative path with '/' separators";
        }
        for (String part : path.split("/")) {
            if (part.equals("..") || part.equals(".") || part.isBlank()) {
                return "must not contain '.' or '..' parts";
            }
        }
        if (!isRuleFile(path)) {
            return "must name a .drl file or the policy sheet " + PolicySheet.PATH;
        }
        return null;
    }

    /** Whether {@code path} names a spreadsheet, whose text in a files map is its bytes base64-encoded. */
    public static boolean isSheet(String path) {
        return path.endsWith(".xlsx");
    }

    private static boolean isRuleFile(String name) {
        // Excel's lock file beside an open workbook ("~$policy.xlsx") is not part of the rules
        return name.endsWith(".drl") || isSheet(name) && !name.substring(name.lastIndexOf('/') + 1).startsWith("~$");
    }
}
