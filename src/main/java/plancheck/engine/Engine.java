package plancheck.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import plancheck.domain.Commitment;
import plancheck.domain.Evaluation;
import plancheck.domain.Result;

/**
 * The rule engine: long-lived Drools sessions, partitioned by district, fed incrementally, with a Java-side
 * index of the latest evaluation of every commitment.
 *
 * <p>Writes go to the partition that owns the commitment's district and run on that partition's own thread; the
 * returned future completes once the affected evaluations are fresh in the index. Reads never touch a session.
 *
 * <p>API CONTRACT for the service; the implementation fills these bodies in.
 */
public final class Engine implements AutoCloseable {

    /**
     * Builds the rule base from every .drl file under {@code rulesDir} and starts {@code partitions} sessions.
     *
     * @param clock gives "today", the live evaluation date
     * @throws RuleBuildException naming file, line and message when a rule does not compile
     */
    public static Engine start(Path rulesDir, int partitions, Clock clock) throws RuleBuildException {
        throw new UnsupportedOperationException("engine not built yet");
    }

    /** Revision (content hash), files and rule names of the rule base in use. */
    public Ruleset ruleset() {
        throw new UnsupportedOperationException("engine not built yet");
    }

    /** Loads many commitments and their results at once (start-up from storage). */
    public CompletableFuture<Void> load(Collection<Commitment> commitments, Collection<Result> results) {
        throw new UnsupportedOperationException("engine not built yet");
    }

    /** Inserts a new commitment or replaces the revision held for its id; completes with its fresh evaluation. */
    public CompletableFuture<Evaluation> upsert(Commitment commitment) {
        throw new UnsupportedOperationException("engine not built yet");
    }

    /** Removes a commitment and its results from the live sessions and the index. */
    public CompletableFuture<Void> retire(String commitmentId) {
        throw new UnsupportedOperationException("engine not built yet");
    }

    /** Adds a result to its commitment's series; completes with the commitment's fresh evaluation. */
    public CompletableFuture<Evaluation> report(Result result) {
        throw new UnsupportedOperationException("engine not built yet");
    }

    /** Moves the live evaluation date (normally driven by the clock at midnight). */
    public CompletableFuture<Void> setToday(LocalDate today) {
        throw new UnsupportedOperationException("engine not built yet");
    }

    /** The live evaluation date. */
    public LocalDate today() {
        throw new UnsupportedOperationException("engine not built yet");
    }

    /** The commitment held for an id, if live. */
    public Optional<Commitment> commitment(String commitmentId) {
        throw new UnsupportedOperationException("engine not built yet");
    }

    /** Every live commitment (a snapshot, unordered). */
    public Collection<Commitment> commitments() {
        throw new UnsupportedOperationException("engine not built yet");
    }

    /** The latest evaluation of a live commitment at {@link #today()}, from the index. */
    public Optional<Evaluation> evaluation(String commitmentId) {
        throw new UnsupportedOperationException("engine not built yet");
    }

    /**
     * Evaluates the given commitments as of any past or future date in a throw-away session; the live sessions
     * and the index are not touched. Unknown ids are skipped.
     */
    public CompletableFuture<List<Evaluation>> evaluateAsOf(LocalDate date, Collection<String> commitmentIds) {
        throw new UnsupportedOperationException("engine not built yet");
    }

    @Override
    public void close() {
    }
}
