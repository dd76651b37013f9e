package plancheck.ingest;

import java.util.List;

/**
 * What the importer proposes for one report. Nothing is stored.
 *
 * @param planYear       the year of the plan section, null when there is none
 * @param summaryYear    the year of the summary section, null when there is none
 * @param planSection    the plan section's heading
 * @param summarySection the summary section's heading
 * @param revisions      changes to stored commitments (a 台账 row naming one); none from report text
 */
public record ImportReport(Integer planYear, Integer summaryYear, String planSection, String summarySection,
                           List<CommitmentCandidate> commitments, List<ResultCandidate> results, List<Skipped> skipped,
                           List<RevisionCandidate> revisions) {

    public ImportReport {
        commitments = List.copyOf(commitments);
        results = List.copyOf(results);
        skipped = List.copyOf(skipped);
        // drafts kept before revisions existed read back without them
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
    }

    public ImportReport(Integer planYear, Integer summaryYear, String planSection, String summarySection,
            List<CommitmentCandidate> commitments, List<ResultCandidate> results, List<Skipped> skipped) {
        this(planYear, summaryYear, planSection, summarySection, commitments, results, skipped, List.of());
    }

    static ImportReport empty(String reason, Span span) {
        return new ImportReport(null, null, null, null, List.of(), List.of(), List.of(new Skipped(span, "", reason)));
    }
}
