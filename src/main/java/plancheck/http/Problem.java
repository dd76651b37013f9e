package plancheck.http;

import java.util.List;

import plancheck.service.FieldError;

/**
 * An RFC 9457 problem: what goes back, as {@code application/problem+json}, for every refused request.
 *
 * @param type   a stable URI naming the kind of problem
 * @param errors the offending fields, each with its reason (empty when no field is to blame)
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://plancheck.dev/problems/";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A problem as an exception, for handlers to pass to the failure handler. */
    public static final class Raised extends RuntimeException {
        private final transient Problem problem;

        public Raised(Problem problem) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    static Problem of(String slug, String title, int status, String detail, List<FieldError> errors) {
        return new Problem(BASE + slug, title, status, detail, errors);
    }

    static Raised badRequest(String slug, String title, String detail, List<FieldError> errors) {
        return new Raised(of(slug, title, 400, detail, errors));
    }
}
