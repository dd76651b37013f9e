package plancheck.ingest;

import java.util.ArrayList;
import java.util.List;

import plancheck.domain.Commitment;
import plancheck.domain.Kind;

/**
 * Links results read from a summary section to the commitments of the same district and year: same metric, and for
 * milestones the same project named in the title.
 */
public final class ResultLinker {

    /** The stored commitments of one district and year. */
    @FunctionalInterface
    public interface CommitmentLookup {
        List<Commitment> find(String district, int year);
    }

    private ResultLinker() {
    }

    public static List<ResultCandidate> link(List<ResultCandidate> results, CommitmentLookup lookup) {
        List<ResultCandidate> out = new ArrayList<>();
        for (ResultCandidate r : results) {
            if (r.district() == null || r.metric() == null) {
                out.add(r);
                continue;
            }
            List<Commitment> same = lookup.find(r.district(), r.year()).stream()
                    .filter(c -> r.metric().equals(c.metric()))
                    .filter(c -> r.project() == null || c.kind() == Kind.MILESTONE && c.title() != null
                            && c.title().contains(r.project()))
                    .toList();
            if (same.size() == 1) {
                out.add(r.linkedTo(same.get(0).id(), null));
            } else if (same.size() > 1) {
                out.add(r.linkedTo(null, "several commitments of " + r.year() + " share metric " + r.metric()
                        + ": choose one of " + same.stream().map(Commitment::id).toList()));
            } else {
                out.add(r);
            }
        }
        return out;
    }
}
