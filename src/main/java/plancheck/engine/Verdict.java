package plancheck.engine;

import java.util.List;

import plancheck.domain.Commitment;
import plancheck.domain.Result;
import plancheck.domain.Stage;
import plancheck.domain.Status;

/**
 * What the rules concluded about one commitment, frozen in compact form; rendered into an
 * {@link plancheck.domain.Evaluation} (with its sentences) only when read.
 *
 * @param day epoch day of the evaluation date
 * @param progress NaN when unknown
 * @param expectedProgress NaN when unknown
 */
record Verdict(Commitment commitment, Result counted, Result previous, int day, Status status, double progress,
               double expectedProgress, Stage dueStage, List<String> fired, List<String> warnings) {
}
