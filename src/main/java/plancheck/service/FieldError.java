package plancheck.service;

/** One reason a field of a request is rejected, e.g. {@code target}: "required for kind AT_LEAST". */
public record FieldError(String field, String reason) {
}
