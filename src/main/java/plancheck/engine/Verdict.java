package plancheck.engine;

import java.util.List;

import plancheck.domain.Commitment;
import plancheck.domain.Result;
import plancheck.domain.Stage;
import plancheck.domain.Standing;
import plancheck.domain.Status;

/**
 * What one rule base concluded about one fact, frozen; rendered into an {@link plancheck.domain.Evaluation} (with
 * its sentences) only when read.
 *
 * @param revision the revision of the rules that concluded it
 */
record Verdict(Standing standing, Status status, List<String> fired, List<String> warnings, String revision) {

    Commitment commitment() {
        return standing.getCommitment();
    }

    Result counted() {
        return standing.getCounted();
    }

    Result previous() {
        return standing.getPrevious();
    }

    /** epoch day of the evaluation date */
    int day() {
        return standing.getToday();
    }

    /** NaN when unknown */
    double progress() {
        return standing.getProgress();
    }

    /** NaN when unknown */
    double expectedProgress() {
        return standing.getExpectedProgress();
    }

    Stage dueStage() {
        return standing.getDueStage();
    }
}
