package plancheck.ingest;

/**
 * A part of a report: its heading, the year it speaks of and where its body lies in the original text.
 *
 * @param heading the heading line as written, trimmed
 * @param year    the year the section covers; null when neither the heading nor the text states one
 * @param start   original offset where the body starts (after the heading line)
 * @param end     original offset where the body ends (exclusive)
 */
public record Section(String heading, Integer year, int start, int end) {
}
