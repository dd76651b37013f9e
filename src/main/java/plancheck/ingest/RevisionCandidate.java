package plancheck.ingest;

import java.util.List;

import plancheck.domain.Commitment;

/**
 * A change to a stored commitment proposed by a 台账 row that names it: the revision the row was compared with, the
 * commitment as it would read after the change, and each changed field.
 *
 * @param revision   the stored revision the row was compared with; accepting refuses when it is no longer current
 * @param commitment the next revision as proposed (id and revision number set on accept)
 * @param row        the 1-based row of the sheet
 */
public record RevisionCandidate(String commitmentId, int revision, Commitment commitment, List<Change> changes,
        String sheet, int row) {

    /** One field of the commitment: as stored → as the row has it, both as the 台账 writes them. */
    public record Change(String field, String from, String to) {
    }

    public RevisionCandidate {
        changes = List.copyOf(changes);
    }
}
