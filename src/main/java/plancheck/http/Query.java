package plancheck.http;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.vertx.ext.web.RoutingContext;

import plancheck.domain.Kind;
import plancheck.domain.Status;
import plancheck.service.FieldError;
import plancheck.service.Service;
import plancheck.service.Validation;

/**
 * Query parameters, each parsed once; every bad one is collected before the request is refused. A parameter
 * the route does not read, or a single-valued one given twice, is refused too: a misspelt filter must not
 * quietly widen a list.
 */
final class Query {
    private final RoutingContext ctx;
    private final List<FieldError> errors = new ArrayList<>();
    private final java.util.Set<String> read = new java.util.HashSet<>();

    Query(RoutingContext ctx) {
        this.ctx = ctx;
    }

    String text(String name) {
        read.add(name);
        List<String> all = ctx.queryParam(name);
        if (all.size() > 1) {
            errors.add(new FieldError(name, "given " + all.size() + " times; expected once"));
            return null;
        }
        String v = all.isEmpty() ? null : all.get(0);
        return v == null || v.isEmpty() ? null : v;
    }

    /** A parameter that may be repeated ({@code district=a&district=b}); empty values are refused. */
    java.util.Set<String> texts(String name) {
        read.add(name);
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String v : ctx.queryParam(name)) {
            if (v.isEmpty()) {
                errors.add(new FieldError(name, "must not be empty"));
            } else {
                out.add(v);
            }
        }
        return out;
    }

    /** The filter parameters; {@code evaluated}: also status and warning, which need an evaluation. */
    Service.Filter filter(boolean evaluated) {
        return new Service.Filter(texts("district"), integer("year"), text("category"), oneOf("kind", Kind.class),
                evaluated ? oneOf("status", Status.class) : null, text("owner"),
                evaluated ? text("warning") : null);
    }

    Integer integer(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "'" + v + "' is not an integer"));
            return null;
        }
    }

    LocalDate date(String name) {
        String v = text(name);
        return v == null ? null : date(name, v);
    }

    /** A date (the start of that day in {@code zone}) or an ISO instant. */
    java.time.Instant instant(String name, java.time.ZoneId zone) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        if (v.length() == 10) {
            LocalDate d = date(name, v);
            return d == null ? null : d.atStartOfDay(zone).toInstant();
        }
        try {
            return java.time.Instant.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "'" + v + "' is neither a date (YYYY-MM-DD) nor an instant"
                    + " (2025-06-30T08:00:00Z)"));
            return null;
        }
    }

    private LocalDate date(String name, String v) {
        String problem = notADate(v);
        if (problem != null) {
            errors.add(new FieldError(name, problem));
            return null;
        }
        return LocalDate.parse(v);
    }

    <E extends Enum<E>> E oneOf(String name, Class<E> type) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, "unknown value '" + v + "'; one of "
                    + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }
    }

    /** A repeatable parameter of an enum type ({@code status=BEHIND&status=MISSED}). */
    <E extends Enum<E>> java.util.Set<E> oneOfEach(String name, Class<E> type) {
        java.util.Set<E> out = new java.util.LinkedHashSet<>();
        for (String v : texts(name)) {
            try {
                out.add(Enum.valueOf(type, v));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(name, "unknown value '" + v + "'; one of " + String.join(", ",
                        java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            }
        }
        return out;
    }

    /** {@code true} or {@code false}, nothing else. */
    Boolean bool(String name) {
        return either(name, "true", "false");
    }

    /** A sort direction: {@code asc} (false) or {@code desc} (true). */
    Boolean direction(String name) {
        return either(name, "desc", "asc");
    }

    /** One of two words: true for {@code yes}, false for {@code no}, null when absent. */
    private Boolean either(String name, String yes, String no) {
        String v = text(name);
        if (v == null || v.equals(yes) || v.equals(no)) {
            return v == null ? null : v.equals(yes);
        }
        errors.add(new FieldError(name, "'" + v + "' is neither " + yes + " nor " + no));
        return null;
    }

    Paging paging() {
        Integer limit = integer("limit");
        Integer offset = integer("offset");
        if (limit != null && (limit < 1 || limit > Api.MAX_LIMIT)) {
            errors.add(new FieldError("limit", "must be between 1 and " + Api.MAX_LIMIT));
        }
        if (offset != null && offset < 0) {
            errors.add(new FieldError("offset", "must not be negative"));
        }
        return new Paging(limit == null ? Api.DEFAULT_LIMIT : limit, offset == null ? 0 : offset);
    }

    /** Refuses the request if any parameter was bad. */
    void done() {
        for (String name : ctx.queryParams().names()) {
            if (!read.contains(name)) {
                errors.add(new FieldError(name, "unknown query parameter"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.badRequest("bad-query", "Bad query parameters", "some query parameters are invalid",
                    errors);
        }
    }

    record Paging(int limit, int offset) {
    }

    /** Why {@code text} is not a date the API takes (YYYY-MM-DD in a plausible year); null when it is one. */
    static String notADate(String text) {
        try {
            int year = LocalDate.parse(text).getYear();
            return year < Validation.FIRST_YEAR || year > Validation.LAST_YEAR
                    ? "year must be between " + Validation.FIRST_YEAR + " and " + Validation.LAST_YEAR : null;
        } catch (DateTimeParseException e) {
            return "'" + text + "' is not a date (YYYY-MM-DD)";
        }
    }
}
