package plancheck.engine;

import java.time.LocalDate;
import java.util.List;

import org.kie.api.runtime.rule.FactHandle;

import plancheck.domain.Commitment;
import plancheck.domain.Result;
import plancheck.domain.Standing;
import plancheck.domain.Status;

/**
 * The engine's holder for one commitment: its terms and results, the fact the session holds for it, and the
 * latest verdict. Not a fact itself: the rules see only the plain {@link Standing}.
 *
 * <p>Changed only by the thread holding its partition's turn. Other threads only read the volatile
 * {@link #commitment}, {@link #results} and {@link #verdict}, which are replaced, never mutated.
 */
final class Track {

    private static final Result[] NONE = new Result[0];

    // published to readers
    volatile Commitment commitment;
    /** the result series, sorted by asOf (in arrival order within a date); replaced as a whole */
    volatile Result[] results = NONE;
    volatile Verdict verdict;
    /** the partition whose session holds it; null while in none */
    volatile Partition owner;

    // state of the thread holding the turn
    FactHandle handle;
    Standing standing;
    Status status;
    List<String> fired = List.of();
    List<String> warnings = List.of();
    /** what the tally counts it as (null: not counted) */
    Tally.Key counted;
    int countedSlot = -1;

    Track(Commitment commitment) {
        this.commitment = commitment;
    }

    /**
     * Builds the fact for {@code day} from the commitment and its results, for the rules of {@code rules} to decide
     * afresh; the fact carries the policy row of {@code rules} that applies to it.
     */
    void prepare(LocalDate day, RuleBase rules, PolicyTable.Lineage lineage) {
        Commitment c = commitment;
        standing = Derivation.standing(c, results, day, rules.policies.resolve(c.district(), c.category(), lineage));
    }

    /** Freezes the conclusions for readers on other threads. */
    Verdict publish(String revision) {
        Verdict v = new Verdict(standing, status, fired, warnings, revision);
        verdict = v;
        return v;
    }

    @Override
    public String toString() {
        return "Track[" + commitment.id() + "]";
    }
}
