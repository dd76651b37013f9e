package plancheck.reminder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import plancheck.domain.Commitment;
import plancheck.domain.Evaluation;
import plancheck.domain.Kind;
import plancheck.domain.Policy;
import plancheck.domain.Result;
import plancheck.domain.Review;
import plancheck.domain.Status;
import plancheck.service.Service.Judgement;

/**
 * The fact the reminder rules see, one per commitment: where it stands at the evaluation date and how its
 * reporting goes, in days. Each rule that holds calls {@link #remind}; the reminder's level is the highest given.
 */
public final class Chase {

    /** Why a commitment needs chasing and how urgently, as one rule concluded. */
    public record Reason(String code, Level level, String rule) {
    }

    private final Judgement judgement;
    private final long today;
    private final long startDay;
    private final Long deadlineDay;
    private final Long lastReportDay;
    private final Long returnedDay;
    private final Long oldestUnreviewedDay;
    private final int within;
    private final String cadence;
    private final Policy policy;
    private final List<Reason> reasons = new ArrayList<>();
    private String firing;

    /**
     * @param within  days ahead in which a deadline counts as near
     * @param cadence the reporting cadence (MONTHLY, QUARTERLY, AT_DEADLINE)
     * @param policy  the thresholds of the commitment's policy row
     */
    public Chase(Judgement j, int within, String cadence, Policy policy) {
        this.judgement = j;
        Commitment c = j.commitment();
        LocalDate day = j.evaluation().asOf();
        this.today = day.toEpochDay();
        this.startDay = c.effectiveStart().toEpochDay();
        this.deadlineDay = c.effectiveDeadline() == null ? null : c.effectiveDeadline().toEpochDay();
        List<Result> known = j.results().stream().filter(r -> !r.asOf().isAfter(day)).toList();
        this.lastReportDay = known.stream().filter(r -> r.review() != Review.RETURNED).map(Result::asOf)
                .max(Comparator.naturalOrder()).map(LocalDate::toEpochDay).orElse(null);
        this.returnedDay = pendingReturn(known);
        this.oldestUnreviewedDay = known.stream().filter(r -> r.review() == Review.SUBMITTED).map(Result::asOf)
                .min(Comparator.naturalOrder()).map(LocalDate::toEpochDay).orElse(null);
        this.within = within;
        this.cadence = cadence;
        this.policy = policy;
    }

    /** The date of the latest returned result not followed by a result stored after it; null when none. */
    private static Long pendingReturn(List<Result> known) {
        Result returned = null;
        for (Result r : known) {
            if (r.review() == Review.RETURNED && (returned == null || later(r, returned))) {
                returned = r;
            }
        }
        if (returned == null) {
            return null;
        }
        for (Result r : known) {
            if (r.review() != Review.RETURNED && later(r, returned)) {
                return null;
            }
        }
        return returned.asOf().toEpochDay();
    }

    private static boolean later(Result a, Result b) {
        return a.id() != null && b.id() != null ? a.id() > b.id() : a.asOf().isAfter(b.asOf());
    }

    /** Called by a rule: this commitment needs chasing for {@code code} at {@code level}. */
    public void remind(String code, Level level) {
        reasons.add(new Reason(code, level, firing));
    }

    /** Set by the session before each rule's consequence runs, so each reason names its rule. */
    void firing(String rule) {
        this.firing = rule;
    }

    // ---- what the rules read ----

    public Kind getKind() {
        return judgement.commitment().kind();
    }

    public Status getStatus() {
        return judgement.evaluation().status();
    }

    /** Not (yet) done: neither achieved nor exceeded nor basically achieved; ONGOING counts as open. */
    public boolean isOpen() {
        Status s = getStatus();
        return s != Status.EXCEEDED && s != Status.ACHIEVED && s != Status.BASICALLY_ACHIEVED;
    }

    /** Percentage points behind 序时进度 (positive = behind); 0 when there is none. */
    public double getLag() {
        Double lag = judgement.evaluation().lag();
        return lag == null || lag.isNaN() ? 0 : lag;
    }

    public boolean isStale() {
        return judgement.evaluation().warnings().stream().anyMatch(w -> "STALE".equals(w.code()));
    }

    public boolean isStarted() {
        return today >= startDay;
    }

    public boolean isReported() {
        return lastReportDay != null;
    }

    /** Days since the last report counted, or since the start of the period when there is none. */
    public long getDaysSinceReport() {
        return today - (lastReportDay != null ? lastReportDay : startDay);
    }

    public boolean isHasDeadline() {
        return deadlineDay != null;
    }

    /** Days until the deadline (negative once passed); 0 without a deadline, see {@link #isHasDeadline}. */
    public long getDaysToDeadline() {
        return deadlineDay == null ? 0 : deadlineDay - today;
    }

    public int getWithin() {
        return within;
    }

    public String getCadence() {
        return cadence;
    }

    /** The thresholds of the levels: {@code policy.redLagFrom} and so on. */
    public Policy getPolicy() {
        return policy;
    }

    public boolean isReturnedPending() {
        return returnedDay != null;
    }

    /** Days since the oldest result still waiting for review; -1 when none waits. */
    public long getUnreviewedDays() {
        return oldestUnreviewedDay == null ? -1 : today - oldestUnreviewedDay;
    }

    // ---- what comes out ----

    public Judgement judgement() {
        return judgement;
    }

    public List<Reason> reasons() {
        return List.copyOf(reasons);
    }

    /** The highest level of the reasons; null when no rule asked for a reminder. */
    public Level level() {
        return reasons.stream().map(Reason::level).max(Comparator.naturalOrder()).orElse(null);
    }

    public Long returnedDay() {
        return returnedDay;
    }
}
