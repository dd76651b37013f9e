package plancheck.ingest;

/** A half-open range [start, end) of character offsets into the original report text. */
public record Span(int start, int end) {
}
