package plancheck.domain;

import java.util.EnumSet;
import java.util.Set;

/** A role a user holds over a district subtree; what each may do is decided here and nowhere else. */
public enum Role {
    ADMIN(EnumSet.allOf(Action.class)),
    PLANNER(EnumSet.of(Action.READ, Action.PLAN, Action.CLOSE)),
    EVALUATOR(EnumSet.of(Action.READ, Action.REPORT)),
    REVIEWER(EnumSet.of(Action.READ, Action.REVIEW, Action.CLOSE, Action.AUDIT)),
    VIEWER(EnumSet.of(Action.READ));

    private final Set<Action> actions;

    Role(Set<Action> actions) {
        this.actions = actions;
    }

    public boolean allows(Action action) {
        return actions.contains(action);
    }

    /** The role's name in the API: admin, planner, ... */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
