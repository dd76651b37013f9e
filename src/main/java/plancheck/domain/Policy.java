package plancheck.domain;

/**
 * The thresholds that apply to a commitment: one row of the policy sheet (rules/plancheck/policy.xlsx), its empty
 * cells filled from the defaults row. Immutable and shared: every commitment the row applies to holds the same
 * object, so a fact carries a reference, not copies of the numbers.
 *
 * @param label                       the row in words, e.g. "默认" or "福田区 · 教育"
 * @param district                    the district id of the row; null for every district
 * @param category                    the category of the row; null for every category
 * @param row                         the row's number in the sheet (1-based, as Excel shows it)
 * @param onTrackTolerance            序时推进 while progress is at most this far (a fraction) behind 序时进度
 * @param exceededFrom                after the deadline, progress at or above this fraction is 超额完成
 * @param basicallyAchievedFrom       after the deadline, a target not met but reached to this fraction is 基本完成
 * @param striveBasicallyAchievedFrom the same for a 力争 (STRIVE) target
 * @param staleAfterDays              a last report older than this many days is stale
 * @param implausibleAbove            a value this many times an at-least target is implausible
 * @param redDeadlineDays             a deadline this many days ahead or nearer, target not met, is a red reminder
 * @param yellowLagFrom               BEHIND by at least this many points of 序时进度 is a yellow reminder
 * @param redLagFrom                  BEHIND by at least this many points is a red reminder
 * @param unreviewedAfterDays         a result waiting for review longer than this many days is chased
 */
public record Policy(String label, String district, String category, int row, double onTrackTolerance,
                     double exceededFrom, double basicallyAchievedFrom, double striveBasicallyAchievedFrom,
                     int staleAfterDays, double implausibleAbove, int redDeadlineDays, double yellowLagFrom,
                     double redLagFrom, int unreviewedAfterDays) {

    /** Whether this is the defaults row (no district, no category). */
    public boolean isDefault() {
        return district == null && category == null;
    }

    /** The same thresholds under another label (the district's name known only once the tree is). */
    public Policy labelled(String newLabel) {
        return new Policy(newLabel, district, category, row, onTrackTolerance, exceededFrom, basicallyAchievedFrom,
                striveBasicallyAchievedFrom, staleAfterDays, implausibleAbove, redDeadlineDays, yellowLagFrom,
                redLagFrom, unreviewedAfterDays);
    }

    // bean-style getters: DRL reads `policy.onTrackTolerance` through getOnTrackTolerance()

    public double getOnTrackTolerance() {
        return onTrackTolerance;
    }

    public double getExceededFrom() {
        return exceededFrom;
    }

    public double getBasicallyAchievedFrom() {
        return basicallyAchievedFrom;
    }

    public double getStriveBasicallyAchievedFrom() {
        return striveBasicallyAchievedFrom;
    }

    public int getStaleAfterDays() {
        return staleAfterDays;
    }

    public double getImplausibleAbove() {
        return implausibleAbove;
    }

    public int getRedDeadlineDays() {
        return redDeadlineDays;
    }

    public double getYellowLagFrom() {
        return yellowLagFrom;
    }

    public double getRedLagFrom() {
        return redLagFrom;
    }

    public int getUnreviewedAfterDays() {
        return unreviewedAfterDays;
    }
}
