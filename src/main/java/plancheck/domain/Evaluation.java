package plancheck.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What the rules decided about one commitment at one date.
 *
 * @param progress         fraction of the way from baseline to target (1.0 = met); null where it has no meaning
 * @param expectedProgress 序时进度: the fraction expected by {@code asOf}
 * @param lag              percentage points behind the expected progress (positive = behind)
 * @param asOf             the evaluation date
 * @param firedRules       names of the rules that fired for it
 * @param rulesetRevision  content hash of the rules that decided it
 * @param commitmentRevision the revision of the commitment it judged (the one in force at {@code asOf})
 */
public record Evaluation(
        String commitmentId,
        Status status,
        Double progress,
        Double expectedProgress,
        Double lag,
        LocalDate asOf,
        List<String> firedRules,
        Explanation explanation,
        List<Warning> warnings,
        String rulesetRevision,
        int commitmentRevision) {

    public Evaluation {
        firedRules = firedRules == null ? List.of() : List.copyOf(firedRules);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
