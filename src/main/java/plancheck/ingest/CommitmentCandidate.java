package plancheck.ingest;

import java.util.List;

import plancheck.domain.Commitment;

/**
 * A commitment proposed from report text, for a planner to accept or reject.
 *
 * @param commitment the commitment as the API takes it
 * @param project    MILESTONE: the project's name; null otherwise
 * @param confidence 0..1, how sure the importer is that number, unit, kind and metric are right
 * @param span       where the quote stands in the original text
 * @param quote      the clause it comes from, with PDF line breaks and spaces removed
 * @param notes      how the importer read it (approximate figure, unit taken from the metric, …)
 */
public record CommitmentCandidate(Commitment commitment, String project, double confidence, Span span, String quote,
                                  List<String> notes) {
}
