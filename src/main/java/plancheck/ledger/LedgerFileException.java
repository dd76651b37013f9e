package plancheck.ledger;

import java.util.List;

/**
 * A 台账 file that cannot be read at all (not a spreadsheet, a formula error, a merged header, no rows, too many
 * rows, a zip bomb): the import refuses it whole and stores nothing.
 *
 * @param status the HTTP status it comes to (400, 413 or 422)
 */
public final class LedgerFileException extends RuntimeException {

    private final int status;
    private final String slug;
    private final List<RowError> errors;

    public LedgerFileException(int status, String slug, String detail, List<RowError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public List<RowError> errors() {
        return errors;
    }
}
