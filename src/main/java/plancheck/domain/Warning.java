package plancheck.domain;

/**
 * A data-quality remark on an evaluation that does not change its status.
 *
 * @param code stable key: STALE, DECREASING, OVERDUE, ...
 */
public record Warning(String code, String zh, String en) {
}
