package plancheck.domain;

import java.util.List;

/**
 * An account.
 *
 * @param login       the name one logs in with (lower-case letters, digits, '.', '-', '_')
 * @param displayName the name shown, usually Chinese
 * @param grants      roles with their district scopes
 * @param disabled    a disabled account keeps its history but cannot log in and its credentials stop working
 */
public record User(String login, String displayName, List<Grant> grants, boolean disabled) {
    public User {
        grants = List.copyOf(grants);
    }
}
