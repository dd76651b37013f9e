package plancheck.domain;

import java.time.LocalDate;

/**
 * One reported result of a commitment. Results form a series: at an evaluation date the latest one with
 * {@code asOf} on or before that date counts.
 *
 * @param id           assigned by the store; null before it is stored
 * @param commitmentId the commitment it reports on
 * @param value        numeric kinds: the value reached (cumulative over the period)
 * @param stage        MILESTONE: the stage reached
 * @param done         BINARY: whether it is done
 * @param asOf         the date the result describes
 * @param reportedBy   who reported it
 * @param evidence     佐证材料
 * @param note         free text
 * @param sample       true for made-up illustrative data, never for a reported figure
 * @param corrects     the id of an earlier result of the same commitment that this one corrects; null for none
 * @param reason       why: required with {@code corrects}
 * @param review       where the result stands in review; null where no review applies
 */
public record Result(
        Long id,
        String commitmentId,
        Double value,
        Stage stage,
        Boolean done,
        LocalDate asOf,
        String reportedBy,
        Evidence evidence,
        String note,
        boolean sample,
        Long corrects,
        String reason,
        Review review) {

    /** A result that corrects nothing and is not under review. */
    public Result(Long id, String commitmentId, Double value, Stage stage, Boolean done, LocalDate asOf,
            String reportedBy, Evidence evidence, String note, boolean sample) {
        this(id, commitmentId, value, stage, done, asOf, reportedBy, evidence, note, sample, null, null, null);
    }

    /** Whether this result carries the field {@code kind} is measured by ({@link Kind#resultField()}). */
    public boolean measures(Kind kind) {
        return switch (kind) {
            case MILESTONE -> stage != null;
            case BINARY -> done != null;
            case ONGOING -> true;
            default -> value != null;
        };
    }

    public Result withReportedBy(String who) {
        return new Result(id, commitmentId, value, stage, done, asOf, who, evidence, note, sample, corrects, reason,
                review);
    }

    public Result withReview(Review newReview) {
        return new Result(id, commitmentId, value, stage, done, asOf, reportedBy, evidence, note, sample, corrects,
                reason, newReview);
    }

    public Result withId(Long newId) {
        return new Result(newId, commitmentId, value, stage, done, asOf, reportedBy, evidence, note, sample, corrects,
                reason, review);
    }
}
