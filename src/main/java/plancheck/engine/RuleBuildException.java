package plancheck.engine;

import java.util.List;

/** The rules in the rules folder do not compile; each problem names file, line and message. */
public final class RuleBuildException extends Exception {

    /** One compile problem. */
    public record Problem(String file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    private final List<Problem> problems;

    public RuleBuildException(List<Problem> problems) {
        super("rules do not compile:\n" + String.join("\n", problems.stream().map(Problem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
