package plancheck.ingest;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import plancheck.domain.Commitment;
import plancheck.domain.Kind;
import plancheck.domain.Stage;

/**
 * The stages one item dates for its works (计划4月开工建设，11月完工): one milestone, the last stage, with the earlier
 * ones as planned stages on the way, so the works are tracked once.
 */
final class ItemStages {

    private ItemStages() {
    }

    /** Adds the item's milestone, folding in the same works' earlier stage proposed just before. */
    static void add(List<CommitmentCandidate> out, CommitmentCandidate c) {
        Commitment k = c.commitment();
        CommitmentCandidate earlier = earlierStage(out, c);
        if (earlier == null) {
            out.add(c);
            return;
        }
        out.remove(earlier);
        Commitment e = earlier.commitment();
        Map<Stage, LocalDate> planned = new EnumMap<>(Stage.class);
        planned.putAll(e.plannedStages());
        if (e.deadline() != null && !e.assumed().contains("deadline")) {
            planned.putIfAbsent(e.stage(), e.deadline());
        }
        planned.putAll(k.plannedStages());
        Commitment merged = new Commitment(k.id(), k.district(), k.districtName(), k.year(), k.category(), k.title(),
                k.kind(), k.metric(), k.unit(), k.target(), k.targetMax(), k.baseline(), k.prior(), k.stage(), planned,
                k.start(), k.deadline(), k.firmness(), k.owner(), k.lead(), k.source(), k.assumed(), k.revision());
        out.add(new CommitmentCandidate(merged, c.project(), c.confidence(), c.span(), c.quote(), c.notes()));
    }

    /** How many proposals back an item's earlier stage is looked for: an item holds a few, not the report. */
    private static final int ITEM_REACH = 20;

    /** The milestone of the same item's project at an earlier stage, proposed just before, or null. */
    private static CommitmentCandidate earlierStage(List<CommitmentCandidate> out, CommitmentCandidate m) {
        for (int i = out.size() - 1; i >= Math.max(0, out.size() - ITEM_REACH); i--) {
            CommitmentCandidate c = out.get(i);
            if (c.commitment().kind() == Kind.MILESTONE && m.project().equals(c.project())) {
                return c.commitment().stage().ordinal() < m.commitment().stage().ordinal() ? c : null;
            }
        }
        return null;
    }
}
