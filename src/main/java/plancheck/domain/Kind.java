package plancheck.domain;

/** How a commitment is measured. */
public enum Kind {
    /** a number to reach or pass: 新增托位200个以上 */
    AT_LEAST,
    /** lower is better: 违建零增量, 警情 */
    AT_MOST,
    /** a number to hit */
    EXACT,
    /** a number inside [target, targetMax] */
    RANGE,
    /** a construction project moving through {@link Stage}s */
    MILESTONE,
    /** done or not: 成立街道志愿者联合会 */
    BINARY,
    /** 长期坚持: no deadline, never "done" */
    ONGOING;

    /** The result field this kind is measured by: value, stage or done; null for ONGOING, which needs none. */
    public String resultField() {
        return switch (this) {
            case MILESTONE -> "stage";
            case BINARY -> "done";
            case ONGOING -> null;
            default -> "value";
        };
    }

    /** True for the kinds whose results carry a number. */
    public boolean numeric() {
        return this == AT_LEAST || this == AT_MOST || this == EXACT || this == RANGE;
    }
}
