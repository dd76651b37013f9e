package plancheck.domain;

/** Where a commitment was written: the document, its section heading and the exact sentence. */
public record Source(String document, String section, String quote) {
}
