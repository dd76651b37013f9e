package plancheck.domain;

/** 佐证材料: the document and sentence that back a reported result. */
public record Evidence(String document, String quote) {
}
