package plancheck.engine;

import java.util.List;

/** The rules in the rules folder do not compile; each problem names file, line and message. */
public final class RuleBuildException extends Exception {

    /**
     * One problem found while building.
     *
     * @param file     relative to the rules folder
     * @param line     1-based; 0 when it concerns no line
     * @param column   1-based; 0 when unknown
     * @param severity ERROR (the rules are refused) or WARNING
     * @param sheet    for a spreadsheet, the sheet; {@code line} is then its row and {@code column} its column
     *                 (1 = A); null for a rule file
     */
    public record Problem(String file, int line, int column, String severity, String message, String sheet) {

        public static final String ERROR = "ERROR";
        public static final String WARNING = "WARNING";

        /** A problem in a rule file. */
        public Problem(String file, int line, int column, String severity, String message) {
            this(file, line, column, severity, message, null);
        }

        /** An error at a line, column unknown. */
        public Problem(String file, int line, String message) {
            this(file, line, 0, ERROR, message);
        }

        public boolean error() {
            return ERROR.equals(severity);
        }

        @Override
        public String toString() {
            return file + (sheet == null ? "" : "[" + sheet + "]") + ":" + line + (column > 0 ? ":" + column : "")
                    + ": " + (error() ? "" : "warning: ") + message;
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
