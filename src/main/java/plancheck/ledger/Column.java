package plancheck.ledger;

/**
 * The columns of the 台账, in order (the office's own first; 报送频次 and the commitment's id after them, so a re-import
 * finds the commitment a row is); their headers and header variants come from {@code data/ledger.json}. */
public enum Column {
    NUMBER, CATEGORY, TASK, TARGET, LEAD, OWNER, DEADLINE, PROGRESS, COMPLETION, EXPECTED, STATUS, EXPLANATION,
    SOURCE, CADENCE, ID
}
