package plancheck.domain;

/** Where a reported result stands in review by a 督办 officer. */
public enum Review {
    /** reported, not yet checked: it counts, with a warning */
    SUBMITTED,
    /** checked and accepted */
    APPROVED,
    /** sent back with a reason: it does not count until reported again */
    RETURNED
}
