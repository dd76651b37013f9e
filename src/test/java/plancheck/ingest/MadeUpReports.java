package plancheck.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import plancheck.domain.Commitment;
import plancheck.domain.Kind;

/** Imports made-up report texts at a fixed date in 2026 (a text without a year is read as of that year). */
final class MadeUpReports {

    private static final Clock IN_2026 = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
    private static final ReportImporter IMPORTER = new ReportImporter(MetricVocabulary.load(), IN_2026);

    private MadeUpReports() {
    }

    static ImportReport imported(String text) {
        return IMPORTER.importText(text, "test", "constructed");
    }

    static List<CommitmentCandidate> candidates(String text) {
        return imported(text).commitments();
    }

    static List<CommitmentCandidate> milestones(String text) {
        return candidates(text).stream().filter(c -> c.commitment().kind() == Kind.MILESTONE).toList();
    }

    static List<Commitment> quantities(String text) {
        return candidates(text).stream().map(CommitmentCandidate::commitment).filter(c -> c.kind().numeric())
                .toList();
    }
}
