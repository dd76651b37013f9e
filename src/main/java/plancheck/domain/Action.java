package plancheck.domain;

/** What a request does, as far as permissions go; each route needs one (see the README's permission table). */
public enum Action {
    /** read commitments, evaluations, scorecards, results, imports in scope */
    READ,
    /** create and revise commitments, import reports and ledgers */
    PLAN,
    /** retire (close) a commitment */
    CLOSE,
    /** report results */
    REPORT,
    /** approve or return reported results */
    REVIEW,
    /** read the audit log */
    AUDIT,
    /** manage users, other users' tokens, districts and rules */
    ADMINISTER
}
