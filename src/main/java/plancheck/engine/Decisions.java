package plancheck.engine;

import java.time.LocalDate;
import java.util.List;

import plancheck.domain.Status;

/** The status changes the engine reports: which commitment, from → to, at which date, under which rules, why. */
public final class Decisions {

    private Decisions() {
    }

    /**
     * Receives the changes of one batch, by the thread working the partition (its own, or a caller doing small work
     * in its turn): keep it short (hand them on).
     */
    @FunctionalInterface
    public interface Listener {
        void changed(List<Change> changes);

        Listener NONE = changes -> { };
    }

    /**
     * What caused an evaluation.
     *
     * @param type RESULT, COMMITMENT (a new revision of it), RULES (a reload), DATE (the evaluation date moved),
     *             LOAD (loading from storage)
     * @param ref  the result id, commitment revision, rules revision or date
     */
    public record Cause(String type, String ref) {

        public static Cause result(Long id) {
            return new Cause("RESULT", id == null ? null : id.toString());
        }

        public static Cause commitment(int revision) {
            return new Cause("COMMITMENT", Integer.toString(revision));
        }

        public static Cause rules(String revision) {
            return new Cause("RULES", revision);
        }

        public static Cause date(LocalDate day) {
            return new Cause("DATE", day.toString());
        }

        public static final Cause LOAD = new Cause("LOAD", null);

        /** Whether the first verdict of a commitment counts as a change (a new one does; loading one does not). */
        boolean logsFirst() {
            return !"LOAD".equals(type);
        }
    }

    /**
     * @param from   null for the first evaluation of a new commitment
     * @param asOf   the evaluation date
     * @param fired  the rules that fired for the new status
     */
    public record Change(String commitmentId, Status from, Status to, LocalDate asOf, String rulesRevision,
                         List<String> fired, Cause cause) {
    }

    static Change change(Verdict before, Verdict after, Cause cause) {
        return new Change(after.commitment().id(), before == null ? null : before.status(), after.status(),
                LocalDate.ofEpochDay(after.day()), after.revision(), after.fired(), cause);
    }
}
