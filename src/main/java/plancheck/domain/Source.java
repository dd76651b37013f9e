package plancheck.domain;

/**
 * Where a commitment was written: the document, its section heading and the exact sentence.
 *
 * @param span     where the quote stands in the stored text of the import it was accepted from; null otherwise
 * @param importId the import the commitment was accepted from (its text: {@code GET /api/imports/{id}/text})
 */
public record Source(String document, String section, String quote, Span span, String importId) {

    /** A source typed in by hand or curated: no import, no span. */
    public Source(String document, String section, String quote) {
        this(document, section, quote, null, null);
    }

    /** A half-open range [start, end) of character offsets into a stored text. */
    public record Span(int start, int end) {
    }

    public Source withImport(Span newSpan, String newImportId) {
        return new Source(document, section, quote, newSpan, newImportId);
    }
}
