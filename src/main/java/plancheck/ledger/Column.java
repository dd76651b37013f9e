package plancheck.ledger;

/** The columns of the 台账, in order; their headers and header variants come from {@code data/ledger.json}. */
public enum Column {
    NUMBER, CATEGORY, TASK, TARGET, LEAD, OWNER, DEADLINE, PROGRESS, COMPLETION, EXPECTED, STATUS, EXPLANATION,
    SOURCE
}
