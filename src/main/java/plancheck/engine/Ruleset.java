package plancheck.engine;

import java.util.List;

/**
 * The rule base in use.
 *
 * @param revision content hash of every rule file, stamped on each evaluation
 * @param files    rule files, relative to the rules folder
 * @param rules    rule names
 */
public record Ruleset(String revision, List<String> files, List<String> rules) {
}
