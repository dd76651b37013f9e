package plancheck.ledger;

/**
 * Where a 台账 has a problem and what it is.
 *
 * @param row    1-based spreadsheet row; 0 for the file or sheet as a whole
 * @param column the header of the column (or the column letter when it has none); null for a whole row
 */
public record RowError(String sheet, int row, String column, String reason) {
}
