package plancheck.domain;

/** One sentence in Chinese and one in English, with the numbers, that a planner understands. */
public record Explanation(String zh, String en) {
}
