package plancheck.domain;

/**
 * How often a commitment's owner reports on it; a commitment that names none has the reminder policy's default
 * ({@code defaultCadence} in {@code rules/plancheck/reminders/policy.drl}).
 */
public enum Cadence {
    MONTHLY, QUARTERLY, AT_DEADLINE
}
