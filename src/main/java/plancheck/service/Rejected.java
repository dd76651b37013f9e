package plancheck.service;

import java.util.List;

/** A request the service refuses; nothing was stored. The HTTP layer turns each kind into its status code. */
public sealed class Rejected extends RuntimeException {

    private final List<FieldError> errors;

    Rejected(String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Fields break the domain rules (400). */
    public static final class Invalid extends Rejected {
        public Invalid(List<FieldError> errors) {
            super("the request breaks " + errors.size() + " rule(s)", errors);
        }
    }

    /** No such commitment, or other thing named by {@link #thing()} (404). */
    public static final class NotFound extends Rejected {
        private final String thing;

        public NotFound(String commitmentId) {
            this("commitment", "commitmentId", commitmentId);
        }

        /** @param thing what is missing: "import", "document" */
        public NotFound(String thing, String field, String id) {
            super("no " + thing + " " + id, List.of(new FieldError(field, "unknown: " + id)));
            this.thing = thing;
        }

        public String thing() {
            return thing;
        }
    }

    /** The request clashes with what is stored: a taken id, a retired commitment (409). */
    public static final class Conflict extends Rejected {
        public Conflict(String detail, List<FieldError> errors) {
            super(detail, errors);
        }
    }

    /** The credential's roles do not allow this here (403). */
    public static final class Forbidden extends Rejected {
        public Forbidden(String detail, List<FieldError> errors) {
            super(detail, errors);
        }
    }

    /** No valid credential, or a login refused (401). */
    public static final class Unauthorized extends Rejected {
        public Unauthorized(String detail, List<FieldError> errors) {
            super(detail, errors);
        }
    }

    /** Too many refused logins for this account or address: try again after {@code retryAfterSeconds} (429). */
    public static final class Throttled extends Rejected {
        private final long retryAfterSeconds;

        public Throttled(String detail, long retryAfterSeconds) {
            super(detail, List.of(new FieldError("login", "too many refused attempts; retry after "
                    + retryAfterSeconds + " s")));
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
