package plancheck.ingest;

/** A clause the importer considered and proposed nothing for, and why. */
public record Skipped(Span span, String quote, String reason) {
}
