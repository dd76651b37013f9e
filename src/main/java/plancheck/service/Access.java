package plancheck.service;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import plancheck.domain.Action;
import plancheck.domain.Actor;
import plancheck.domain.Grant;
import plancheck.domain.Role;

/**
 * Who may do what where: a role allows an action (see {@link Role}) over the subtree of its grant's district; an
 * admin may do everything everywhere. Out of scope, a single thing is answered as if it did not exist (404, so that
 * its existence does not leak); a list filter naming a district out of scope is refused (403).
 */
public final class Access {

    private final Supplier<Districts> districts;

    Access(Supplier<Districts> districts) {
        this.districts = districts;
    }

    /** Whether the actor may do {@code action} on something of {@code district}. */
    public boolean may(Actor actor, Action action, String district) {
        for (Grant g : actor.grants()) {
            if (g.role().allows(action) && (g.role() == Role.ADMIN || within(district, g.scope()))) {
                return true;
            }
        }
        return false;
    }

    /** Refuses (403) unless the actor may do {@code action} in {@code district}. */
    public void require(Actor actor, Action action, String district, String field) {
        if (!may(actor, action, district)) {
            throw new Rejected.Forbidden(actor.login() + " may not " + action.name().toLowerCase(java.util.Locale.ROOT)
                    + " in " + district, List.of(new FieldError(field, "outside your scope for "
                    + action.name().toLowerCase(java.util.Locale.ROOT) + ": " + district)));
        }
    }

    /** Answers 404 for a thing of {@code district} the actor may not read. */
    public void requireVisible(Actor actor, String district, Supplier<Rejected.NotFound> notFound) {
        if (!may(actor, Action.READ, district)) {
            throw notFound.get();
        }
    }

    /**
     * The districts (roots of subtrees) where the actor may do {@code action}; null when everywhere (admin).
     */
    public Set<String> scopes(Actor actor, Action action) {
        Set<String> out = new LinkedHashSet<>();
        for (Grant g : actor.grants()) {
            if (g.role() == Role.ADMIN) {
                return null;
            }
            if (g.role().allows(action)) {
                out.add(g.scope());
            }
        }
        return out;
    }

    /**
     * A read filter within the actor's scope: without districts it gets the actor's scopes; a district named
     * outside them is refused.
     */
    public Service.Filter restrict(Actor actor, Service.Filter f) {
        Set<String> roots = scopes(actor, Action.READ);
        if (roots == null) {
            return f;
        }
        if (roots.isEmpty()) {
            throw new Rejected.Forbidden(actor.login() + " may not read anything", List.of(new FieldError("district",
                    "no role of yours allows reading")));
        }
        if (f.districts() == null || f.districts().isEmpty()) {
            return f.withDistricts(roots);
        }
        for (String d : f.districts()) {
            require(actor, Action.READ, d, "district");
        }
        return f;
    }

    /** Whether {@code district} is {@code scope} or lies under it. */
    boolean within(String district, String scope) {
        if (district == null || scope == null) {
            return false;
        }
        Districts tree = districts.get();
        for (String id = district; id != null; id = tree.get(id).map(plancheck.domain.District::parent).orElse(null)) {
            if (id.equals(scope)) {
                return true;
            }
        }
        return false;
    }
}
