package plancheck.domain;

/**
 * The same metric's figure for the preceding period, quoted from the report's summary section, e.g. 凤凰 2024:
 * 新增托位287个 beside the 2025 plan's 新增托位200个以上. Context for a planner; unlike {@link Commitment#baseline()}
 * it does not enter the progress formula, because a "新增" target counts from zero each period.
 */
public record Prior(int year, Double value, String quote) {
}
