package plancheck.reminder;

import java.time.LocalDate;
import java.util.List;

import plancheck.domain.Status;

/**
 * One item of the 督办 feed: a commitment that needs chasing, why, and how urgently.
 *
 * @param level      the highest level of its reasons
 * @param lastReport the result that counts, with its date ("2025-06-15：120个"); null when none
 */
public record Reminder(String commitmentId, String title, String district, String category, String owner,
        String lead, LocalDate deadline, Status status, String statusLabel, Double progress, Double expectedProgress,
        Double lag, Level level, String levelLabel, List<Reason> reasons, String lastReport) {

    /** One reason: a code, its level, the rule that gave it and the sentence for the 督办单. */
    public record Reason(String code, Level level, String levelLabel, String rule, String zh) {
    }
}
