package plancheck.engine;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Consumer;

import org.kie.api.runtime.rule.FactHandle;

import plancheck.domain.Commitment;
import plancheck.domain.Firmness;
import plancheck.domain.Kind;
import plancheck.domain.Result;
import plancheck.domain.Review;
import plancheck.domain.Stage;
import plancheck.domain.Status;

/**
 * The one fact the rules see per commitment: its terms, the result that counts at the evaluation date, what
 * derive.drl computed from them and what the decide and warn rules concluded.
 *
 * <p>Owned by one session thread. Other threads only read the volatile {@link #commitment}, {@link #results} and
 * {@link #verdict}, which are replaced, never mutated.
 */
public final class Track {

    private static final Result[] NONE = new Result[0];

    // published to readers
    volatile Commitment commitment;
    /** the result series, sorted by asOf (in arrival order within a date); replaced as a whole */
    volatile Result[] results = NONE;
    volatile Verdict verdict;
    /** the partition whose session holds it; null while in none */
    volatile Partition owner;

    // session-thread state
    FactHandle handle;
    private int today;
    private int startDay;
    private int deadlineDay;
    private Result counted;
    private Result previous;
    private double progress = Double.NaN;
    private boolean met;
    private double expectedProgress = Double.NaN;
    private Stage dueStage;
    private Status status;
    private List<String> fired = List.of();
    private List<String> warnings = List.of();
    private Names names;

    Track(Commitment commitment) {
        this.commitment = commitment;
    }

    /**
     * Picks the results that count at {@code day} (the latest usable one on or before it, and the one before that),
     * clears every conclusion and derives progress and expected progress, so that the rules decide afresh.
     */
    void prepare(LocalDate day, Names names, Consumer<Track> derive) {
        this.names = names;
        this.today = (int) day.toEpochDay();
        this.startDay = (int) commitment.effectiveStart().toEpochDay();
        LocalDate deadline = commitment.effectiveDeadline();
        this.deadlineDay = deadline == null ? Integer.MAX_VALUE : (int) deadline.toEpochDay();
        Kind kind = commitment.kind();
        counted = null;
        previous = null;
        Set<Long> corrected = corrected(results, today);
        for (Result r : results) {
            if (r.asOf().toEpochDay() > today) {
                break;
            }
            // a returned result does not count until it is reported again
            if (r.measures(kind) && r.review() != Review.RETURNED
                    && (corrected == null || !corrected.contains(r.id()))) {
                previous = counted;
                counted = r;
            }
        }
        progress = Double.NaN;
        met = false;
        expectedProgress = Double.NaN;
        dueStage = null;
        status = null;
        fired = List.of();
        warnings = List.of();
        derive.accept(this);
    }

    /**
     * Ids of the results corrected by a result dated on or before {@code day}: from the correction's date on, the
     * corrected figure no longer counts (and is not the "previous" value either, so a correction downwards raises no
     * DECREASING). Null when there is none, the usual case.
     */
    private static Set<Long> corrected(Result[] results, int day) {
        Set<Long> out = null;
        for (Result r : results) {
            if (r.asOf().toEpochDay() > day) {
                break;
            }
            if (r.corrects() != null) {
                if (out == null) {
                    out = new HashSet<>();
                }
                out.add(r.corrects());
            }
        }
        return out;
    }

    /** Freezes the conclusions for readers on other threads. */
    Verdict publish() {
        Verdict v = new Verdict(commitment, counted, previous, today, status, progress, expectedProgress, dueStage,
                fired, warnings);
        verdict = v;
        return v;
    }

    void fired(String rule) {
        fired = names.with(fired, rule);
    }

    // ---- called by rule consequences

    /** The status the decide rules settle on. */
    public void decide(Status decided) {
        this.status = decided;
    }

    /** A data-quality remark (code such as STALE) raised by a warn rule. */
    public void warn(String code) {
        warnings = names.with(warnings, code);
    }

    /** The highest planned stage whose date has passed before the evaluation date; null when none. */
    public Stage stagePlannedBeforeToday() {
        Stage due = null;
        for (Map.Entry<Stage, LocalDate> e : commitment.plannedStages().entrySet()) {
            if (e.getValue().toEpochDay() < today && (due == null || e.getKey().compareTo(due) > 0)) {
                due = e.getKey();
            }
        }
        return due;
    }

    // ---- terms of the commitment

    public String getId() {
        return commitment.id();
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

    // ---- derived by derive(Track) in derive.drl

    public double getProgress() {
        return progress;
    }

    public void setProgress(double progress) {
        this.progress = progress;
    }

    public boolean isMet() {
        return met;
    }

    public void setMet(boolean met) {
        this.met = met;
    }

    public double getExpectedProgress() {
        return expectedProgress;
    }

    public void setExpectedProgress(double expectedProgress) {
        this.expectedProgress = expectedProgress;
    }

    /** MILESTONE: the highest stage whose planned date has passed. */
    public Stage getDueStage() {
        return dueStage;
    }

    public void setDueStage(Stage dueStage) {
        this.dueStage = dueStage;
    }

    public Status getStatus() {
        return status;
    }

    @Override
    public String toString() {
        return "Track[" + commitment.id() + "]";
    }
}
