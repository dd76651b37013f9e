package plancheck.domain;

import java.util.List;

/**
 * Who makes a request, as established from a credential (never from what the request says about itself).
 *
 * @param login       the account
 * @param displayName its display name
 * @param grants      its roles with their scopes
 */
public record Actor(String login, String displayName, List<Grant> grants) {

    public Actor {
        grants = List.copyOf(grants);
    }

    /** The actor for what plancheck does by itself (loading the reference data set, the command line). */
    public static Actor system(String name) {
        return new Actor(name, name, List.of(new Grant(Role.ADMIN, null)));
    }

    public static Actor of(User user) {
        return new Actor(user.login(), user.displayName(), user.grants());
    }

    /** Whether any of the roles allows {@code action} somewhere. */
    public boolean mayAnywhere(Action action) {
        return grants.stream().anyMatch(g -> g.role().allows(action));
    }

    /** The first role that allows {@code action}, for the audit log's "as which role"; null when none does. */
    public Role roleFor(Action action) {
        return grants.stream().map(Grant::role).filter(r -> r.allows(action)).findFirst().orElse(null);
    }
}
