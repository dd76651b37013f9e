package plancheck.engine;

import java.time.LocalDate;

import plancheck.domain.Commitment;
import plancheck.domain.Kind;
import plancheck.domain.Result;

/** What the engine requires of its inputs; a violation is an {@link IllegalArgumentException} "field: reason". */
final class Inputs {

    private Inputs() {
    }

    static void check(Commitment c) {
        require(c != null, "commitment", "is missing");
        require(c.id() != null && !c.id().isBlank(), "id", "is missing");
        require(c.district() != null && !c.district().isBlank(), "district", "is missing");
        require(c.kind() != null, "kind", "is missing");
        if (c.kind().numeric()) {
            require(finite(c.target()), "target", "must be a number for kind " + c.kind());
        }
        if (c.kind() == Kind.RANGE) {
            require(finite(c.targetMax()), "targetMax", "must be a number for kind RANGE");
            require(c.targetMax() >= c.target(), "targetMax", "must not be below target");
        }
        require(c.baseline() == null || finite(c.baseline()), "baseline", "must be a finite number");
        if (c.kind() == Kind.MILESTONE) {
            require(c.stage() != null, "stage", "is missing for kind MILESTONE");
        }
        LocalDate deadline = c.effectiveDeadline();
        require(deadline == null || !deadline.isBefore(c.effectiveStart()), "deadline", "is before start");
    }

    static void check(Result r, Kind kind) {
        require(r != null, "result", "is missing");
        require(r.asOf() != null, "asOf", "is missing");
        require(r.value() == null || finite(r.value()), "value", "must be a finite number");
        require(r.measures(kind), kind.resultField(), "is missing for kind " + kind);
    }

    private static boolean finite(Double x) {
        return x != null && Double.isFinite(x);
    }

    private static void require(boolean ok, String field, String reason) {
        if (!ok) {
            throw new IllegalArgumentException(field + ": " + reason);
        }
    }
}
