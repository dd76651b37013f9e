package plancheck.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import plancheck.domain.Commitment;
import plancheck.domain.Kind;
import plancheck.domain.Result;
import plancheck.domain.Source;

/**
 * The domain rules a commitment or a result must meet before it is stored, shared by the HTTP API and the data
 * set loader. Each method returns every broken rule as a field error; an empty list means valid.
 */
public final class Validation {

    /** Ids end up in URL paths: keep them to characters that need no escaping. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    /** Years a plan, a deadline or a result can plausibly have; others are typing errors. */
    public static final int FIRST_YEAR = 1949;
    public static final int LAST_YEAR = 2100;

    private Validation() {
    }

    /**
     * Checks a commitment on its own.
     *
     * @param prefix put before every field name, e.g. "[3]." inside a batch
     */
    public static List<FieldError> commitment(Commitment c, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (c.id() != null && !ID.matcher(c.id()).matches()) {
            errors.add(new FieldError(prefix + "id", "must be 1-100 letters, digits or . _ : - and start with a"
                    + " letter or digit"));
        }
        if (blank(c.district())) {
            errors.add(new FieldError(prefix + "district", "required"));
        }
        if (c.year() < FIRST_YEAR || c.year() > LAST_YEAR) {
            errors.add(new FieldError(prefix + "year", "must be between " + FIRST_YEAR + " and " + LAST_YEAR));
        }
        if (blank(c.title())) {
            errors.add(new FieldError(prefix + "title", "required"));
        }
        inRange(errors, prefix + "start", c.start());
        inRange(errors, prefix + "deadline", c.deadline());
        c.plannedStages().forEach((stage, date) -> inRange(errors, prefix + "plannedStages." + stage, date));
        finite(errors, prefix + "target", c.target());
        finite(errors, prefix + "targetMax", c.targetMax());
        finite(errors, prefix + "baseline", c.baseline());
        if (c.prior() != null) {
            finite(errors, prefix + "prior.value", c.prior().value());
        }
        if (c.source() != null && c.source().span() != null) {
            Source.Span span = c.source().span();
            if (span.start() < 0 || span.end() < span.start()) {
                errors.add(new FieldError(prefix + "source.span", "must have 0 <= start <= end"));
            }
        }
        if (c.kind() == null) {
            errors.add(new FieldError(prefix + "kind", "required"));
            return errors;
        }
        if (c.kind().numeric() && c.target() == null) {
            errors.add(new FieldError(prefix + "target", "required for kind " + c.kind()));
        }
        if (c.kind() == Kind.RANGE) {
            if (c.targetMax() == null) {
                errors.add(new FieldError(prefix + "targetMax", "required for kind RANGE"));
            } else if (c.target() != null && c.targetMax() < c.target()) {
                errors.add(new FieldError(prefix + "targetMax", "must be at least target (" + c.target() + ")"));
            }
        } else if (c.targetMax() != null) {
            errors.add(new FieldError(prefix + "targetMax", "only for kind RANGE"));
        }
        if (c.kind() == Kind.MILESTONE && c.stage() == null) {
            errors.add(new FieldError(prefix + "stage", "required for kind MILESTONE"));
        }
        if (c.kind() != Kind.MILESTONE && !c.plannedStages().isEmpty()) {
            errors.add(new FieldError(prefix + "plannedStages", "only for kind MILESTONE"));
        }
        // the defaults (1 Jan .. 31 Dec of the year) only mean something for a valid year
        boolean validYear = c.year() >= FIRST_YEAR && c.year() <= LAST_YEAR;
        LocalDate start = validYear ? c.effectiveStart() : c.start();
        LocalDate deadline = validYear ? c.effectiveDeadline() : c.deadline();
        if (deadline != null && start != null && deadline.isBefore(start)) {
            errors.add(new FieldError(prefix + "deadline", "must not be before start (" + start + ")"));
        }
        return errors;
    }

    /**
     * Checks a result against the commitment it reports on.
     *
     * @param today results describe the past: an {@code asOf} after today is rejected
     */
    public static List<FieldError> result(Result r, Commitment c, LocalDate today, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (r.asOf() == null) {
            errors.add(new FieldError(prefix + "asOf", "required"));
        } else if (r.asOf().getYear() < FIRST_YEAR) {
            inRange(errors, prefix + "asOf", r.asOf());
        } else if (r.asOf().isAfter(today)) {
            errors.add(new FieldError(prefix + "asOf", "must not be in the future (today is " + today + ")"));
        }
        LocalDate start = c.effectiveStart();
        if (r.asOf() != null && start != null && r.asOf().isBefore(start.minusYears(1))) {
            errors.add(new FieldError(prefix + "asOf", "more than a year before the commitment's start (" + start
                    + "): a result of another period"));
        }
        finite(errors, prefix + "value", r.value());
        Kind kind = c.kind();
        boolean numeric = kind.numeric();
        if (numeric && r.value() == null) {
            errors.add(new FieldError(prefix + "value", "required for kind " + kind));
        }
        if (!numeric && kind != Kind.ONGOING && r.value() != null) {
            errors.add(new FieldError(prefix + "value", "not for kind " + kind));
        }
        if (kind == Kind.MILESTONE && r.stage() == null) {
            errors.add(new FieldError(prefix + "stage", "required for kind MILESTONE"));
        }
        if (kind != Kind.MILESTONE && r.stage() != null) {
            errors.add(new FieldError(prefix + "stage", "only for kind MILESTONE, this commitment is " + kind));
        }
        if (kind == Kind.BINARY && r.done() == null) {
            errors.add(new FieldError(prefix + "done", "required for kind BINARY"));
        }
        if (kind != Kind.BINARY && r.done() != null) {
            errors.add(new FieldError(prefix + "done", "only for kind BINARY, this commitment is " + kind));
        }
        if (r.corrects() == null && r.reason() != null) {
            errors.add(new FieldError(prefix + "reason", "only with corrects (a remark goes in note)"));
        }
        return errors;
    }

    /**
     * Checks a correcting result ({@code r.corrects()} set) against the results already stored for its commitment:
     * it corrects one of them that no other result corrects yet, not from an earlier date, and says why. A result
     * that corrects nothing carries no reason (the reason belongs to corrections; a remark goes in {@code note}).
     */
    public static List<FieldError> correction(Result r, List<Result> stored, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(r.reason())) {
            errors.add(new FieldError(prefix + "reason", "required with corrects: say why the result is corrected"));
        }
        Result corrected = stored.stream().filter(s -> r.corrects().equals(s.id())).findFirst().orElse(null);
        if (corrected == null) {
            errors.add(new FieldError(prefix + "corrects", "no result " + r.corrects() + " of commitment "
                    + r.commitmentId()));
            return errors;
        }
        stored.stream().filter(s -> r.corrects().equals(s.corrects())).findFirst().ifPresent(s -> errors.add(
                new FieldError(prefix + "corrects", "result " + r.corrects() + " is already corrected by result "
                        + s.id() + "; correct that one instead")));
        if (r.asOf() != null && r.asOf().isBefore(corrected.asOf())) {
            errors.add(new FieldError(prefix + "asOf", "must not be before the corrected result's date ("
                    + corrected.asOf() + ")"));
        }
        return errors;
    }

    /** Dates far outside the plans' years are typing errors (20205-01-01) and would only confuse the rules. */
    private static void inRange(List<FieldError> errors, String field, LocalDate date) {
        if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
            errors.add(new FieldError(field, "year must be between " + FIRST_YEAR + " and " + LAST_YEAR));
        }
    }

    /** JSON numbers beyond the double range read as infinite. */
    private static void finite(List<FieldError> errors, String field, Double value) {
        if (value != null && !Double.isFinite(value)) {
            errors.add(new FieldError(field, "must be a finite number"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
