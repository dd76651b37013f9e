package plancheck.domain;

/**
 * A role over a district subtree.
 *
 * @param scope a district id: the role applies to it and every district under it
 */
public record Grant(Role role, String scope) {
}
