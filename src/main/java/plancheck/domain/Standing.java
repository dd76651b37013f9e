package plancheck.domain;

import java.util.Objects;

/**
 * The one fact the rules see per commitment: where it stands at the evaluation date. A plain immutable object
 * built from the commitment, the results that count at that date and the progress maths ({@code
 * plancheck.engine.Derivation}); rules read it and report what they conclude to the {@code out} global.
 *
 * <p>Days are epoch days, so a rule compares dates as numbers.
 */
public final class Standing {

    private final Commitment commitment;
    private final Result counted;
    private final Result previous;
    private final int today;
    private final int startDay;
    private final int deadlineDay;
    private final double progress;
    private final boolean met;
    private final double expectedProgress;
    private final Stage dueStage;
    /** shared by every fact its row applies to */
    private final Policy policy;

    /**
     * @param counted          the latest usable result on or before {@code today}; null when none
     * @param previous         the usable result before {@code counted}; null when none
     * @param deadlineDay      {@link Integer#MAX_VALUE} when there is no deadline (ONGOING)
     * @param progress         NaN when unknown
     * @param expectedProgress NaN when unknown
     * @param policy           the thresholds that apply (the policy sheet's row for its district and category)
     */
    public Standing(Commitment commitment, Result counted, Result previous, int today, int startDay,
                    int deadlineDay, double progress, boolean met, double expectedProgress, Stage dueStage,
                    Policy policy) {
        this.commitment = Objects.requireNonNull(commitment, "commitment");
        this.counted = counted;
        this.previous = previous;
        this.today = today;
        this.startDay = startDay;
        this.deadlineDay = deadlineDay;
        this.progress = progress;
        this.met = met;
        this.expectedProgress = expectedProgress;
        this.dueStage = dueStage;
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The thresholds the rules judge this commitment by: {@code policy.onTrackTolerance} and so on. */
    public Policy getPolicy() {
        return policy;
    }

    public Commitment getCommitment() {
        return commitment;
    }

    /** The result that counts; null when none. */
    public Result getCounted() {
        return counted;
    }

    /** The counted result before it; null when none. */
    public Result getPrevious() {
        return previous;
    }

    // ---- terms of the commitment

    public String getId() {
        return commitment.id();
    }

    public String getDistrict() {
        return commitment.district();
    }

    public String getCategory() {
        return commitment.category();
    }

    public Kind getKind() {
        return commitment.kind();
    }

    /** A 力争/争创/努力 target, which the policy judges more leniently when missed. */
    public boolean isStrive() {
        return commitment.firmness() == Firmness.STRIVE;
    }

    public boolean isNumeric() {
        return commitment.kind().numeric();
    }

    public double getTarget() {
        Double t = commitment.target();
        return t == null ? Double.NaN : t;
    }

    /** Upper bound of a RANGE; the target itself for the other kinds. */
    public double getTargetMax() {
        Double t = commitment.targetMax();
        return commitment.kind() == Kind.RANGE && t != null ? t : getTarget();
    }

    public boolean isBaselineGiven() {
        return commitment.baseline() != null;
    }

    /** The level progress starts from; 0 when not given. */
    public double getBaseline() {
        Double b = commitment.baseline();
        return b == null ? 0 : b;
    }

    public Stage getTargetStage() {
        return commitment.stage();
    }

    public boolean isPlannedStagesGiven() {
        return !commitment.plannedStages().isEmpty();
    }

    public int getStartDay() {
        return startDay;
    }

    /** Epoch day of the deadline; {@link Integer#MAX_VALUE} when there is none (ONGOING). */
    public int getDeadlineDay() {
        return deadlineDay;
    }

    /** Epoch day of the evaluation date. */
    public int getToday() {
        return today;
    }

    // ---- the result that counts

    /** Whether a usable result exists on or before the evaluation date. */
    public boolean isReported() {
        return counted != null;
    }

    /** Whether the result that counts is still waiting for a reviewer (待审核). */
    public boolean isUnreviewed() {
        return counted != null && counted.review() == Review.SUBMITTED;
    }

    public double getValue() {
        return counted == null || counted.value() == null ? Double.NaN : counted.value();
    }

    public Stage getStage() {
        return counted == null ? null : counted.stage();
    }

    public boolean isDone() {
        return counted != null && Boolean.TRUE.equals(counted.done());
    }

    /** Epoch day the counted result describes. */
    public int getReportDay() {
        return counted == null ? Integer.MIN_VALUE : (int) counted.asOf().toEpochDay();
    }

    public boolean isPreviousReported() {
        return previous != null;
    }

    public double getPreviousValue() {
        return previous == null || previous.value() == null ? Double.NaN : previous.value();
    }

    public Stage getPreviousStage() {
        return previous == null ? null : previous.stage();
    }

    // ---- derived: progress and 序时进度

    /** The fraction of the way from baseline to target; NaN when unknown. */
    public double getProgress() {
        return progress;
    }

    public boolean isMet() {
        return met;
    }

    /** 序时进度: the fraction expected by the evaluation date; NaN when unknown (ONGOING). */
    public double getExpectedProgress() {
        return expectedProgress;
    }

    /** MILESTONE: the highest stage whose planned date has passed before the evaluation date; null when none. */
    public Stage getDueStage() {
        return dueStage;
    }

    @Override
    public String toString() {
        return "Standing[" + commitment.id() + " on day " + today + "]";
    }
}
