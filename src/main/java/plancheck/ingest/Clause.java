package plancheck.ingest;

/**
 * A comma-delimited piece of a sentence in the normalised text.
 *
 * @param text          the clause
 * @param start         normalised offset of its first character
 * @param sentenceStart normalised offset where its sentence starts
 * @param sentenceEnd   normalised offset where its sentence ends
 */
public record Clause(String text, int start, int sentenceStart, int sentenceEnd) {

    public int end() {
        return start + text.length();
    }
}
