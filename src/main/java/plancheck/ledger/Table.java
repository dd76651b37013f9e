package plancheck.ledger;

import java.util.List;

/**
 * The cells of one sheet (or CSV file) as read: text as String, numbers as Double, dates as LocalDate, empty
 * cells as null.
 */
public record Table(String sheet, List<Line> lines) {

    /** One non-empty row: its 1-based number in the file and its cells from column A. */
    public record Line(int number, List<Object> cells) {
        public Object cell(int i) {
            return i < cells.size() ? cells.get(i) : null;
        }
    }

    /**
     * Limits of what an import reads; beyond them the file is refused.
     *
     * @param maxBodyBytes the largest upload taken (413 beyond it); apart from the JSON body limit, since a 台账 of
     *                     the most rows allowed is larger than any JSON write
     */
    public record Limits(int maxRows, long maxUnzippedBytes, int maxRatio, long maxBodyBytes) {
    }
}
