package plancheck.http;

import java.util.List;
import java.util.Optional;

import plancheck.domain.Action;

/**
 * What every route needs, in one table (the README's permission table is this one). A route not in the table is
 * refused at start, so no route can be served without a decision here. Scopes are checked by the service: out of
 * scope a single thing answers 404, a list filter naming a district out of scope 403.
 */
public final class Permissions {

    /** Who may call a route: nobody needs to sign in ({@link #open}), any signed-in user (action null), or a role
     * that allows {@code action} somewhere. A path ending in "/*" covers everything under it. */
    public record Rule(String method, String path, Action action, boolean open) {
        static Rule open(String method, String path) {
            return new Rule(method, path, null, true);
        }

        static Rule signedIn(String method, String path) {
            return new Rule(method, path, null, false);
        }

        static Rule needs(String method, String path, Action action) {
            return new Rule(method, path, action, false);
        }

        boolean matches(String m, String p) {
            return method.equals(m) && Permissions.matches(path, p);
        }
    }

    public static final List<Rule> TABLE = List.of(
            Rule.open("GET", "/health"),
            Rule.open("GET", "/openapi.yaml"),
            Rule.open("POST", "/api/session"),
            // the web app's pages and scripts hold no data: everything they show comes from the guarded API
            Rule.open("GET", "/"),
            Rule.open("GET", "/web/*"),
            Rule.open("GET", "/webjars/echarts/*"),
            Rule.signedIn("GET", "/api/events"),
            Rule.signedIn("DELETE", "/api/session"),
            Rule.signedIn("GET", "/api/me"),
            Rule.signedIn("POST", "/api/tokens"),
            Rule.signedIn("GET", "/api/tokens"),
            Rule.signedIn("DELETE", "/api/tokens/:id"),
            Rule.needs("GET", "/api/users", Action.ADMINISTER),
            Rule.needs("POST", "/api/users", Action.ADMINISTER),
            Rule.needs("GET", "/api/users/:login", Action.ADMINISTER),
            Rule.needs("PUT", "/api/users/:login", Action.ADMINISTER),
            Rule.needs("GET", "/api/rules", Action.READ),
            // the planners of a 督办 office draft threshold edits in the sheet; an admin puts them in use
            Rule.needs("GET", "/api/rules/policy.xlsx", Action.PLAN),
            Rule.needs("POST", "/api/rules/validate", Action.ADMINISTER),
            Rule.needs("POST", "/api/rules/reload", Action.ADMINISTER),
            Rule.needs("GET", "/api/districts", Action.READ),
            Rule.needs("GET", "/api/districts/:id", Action.READ),
            Rule.needs("POST", "/api/districts", Action.ADMINISTER),
            Rule.needs("PUT", "/api/districts/:id", Action.ADMINISTER),
            Rule.needs("POST", "/api/commitments/batch", Action.PLAN),
            Rule.needs("POST", "/api/commitments", Action.PLAN),
            Rule.needs("GET", "/api/commitments", Action.READ),
            Rule.needs("GET", "/api/commitments/:id", Action.READ),
            Rule.needs("PUT", "/api/commitments/:id", Action.PLAN),
            Rule.needs("DELETE", "/api/commitments/:id", Action.CLOSE),
            Rule.needs("GET", "/api/commitments/:id/revisions", Action.READ),
            Rule.needs("GET", "/api/commitments/:id/decisions", Action.READ),
            Rule.needs("GET", "/api/decisions", Action.READ),
            Rule.needs("POST", "/api/commitments/:id/results", Action.REPORT),
            Rule.needs("GET", "/api/commitments/:id/results", Action.READ),
            Rule.needs("POST", "/api/results/batch", Action.REPORT),
            Rule.needs("POST", "/api/results/:id/approve", Action.REVIEW),
            Rule.needs("POST", "/api/results/:id/return", Action.REVIEW),
            Rule.needs("GET", "/api/reviews", Action.REVIEW),
            Rule.needs("GET", "/api/evaluations", Action.READ),
            Rule.needs("GET", "/api/evaluations/:id", Action.READ),
            Rule.needs("GET", "/api/scorecard", Action.READ),
            Rule.needs("GET", "/api/scorecard/series", Action.READ),
            Rule.needs("POST", "/api/imports", Action.PLAN),
            Rule.needs("GET", "/api/imports/:id", Action.READ),
            Rule.needs("GET", "/api/imports/:id/text", Action.READ),
            Rule.needs("POST", "/api/imports/:id/accept", Action.PLAN),
            Rule.needs("GET", "/api/documents/:document", Action.READ),
            Rule.needs("GET", "/api/ledger", Action.READ),
            Rule.needs("GET", "/api/ledger.xlsx", Action.READ),
            Rule.needs("GET", "/api/ledger.csv", Action.READ),
            Rule.needs("POST", "/api/ledger/import", Action.PLAN),
            Rule.needs("GET", "/api/reminders", Action.READ),
            Rule.needs("GET", "/api/reminders.xlsx", Action.READ),
            Rule.needs("GET", "/api/audit", Action.AUDIT));

    /** Reads that a configuration switch may open to everyone (政务公开): scorecards and the district tree. */
    static final List<String> PUBLIC_READS = List.of("/api/scorecard", "/api/districts", "/api/districts/:id");

    private Permissions() {
    }

    /** The rule of a request path; trailing slashes do not make another path (the router ignores them too). */
    public static Optional<Rule> of(String method, String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.replaceAll("/+$", "") : path;
        String bare = p.isEmpty() ? "/" : p;
        return TABLE.stream().filter(r -> r.matches(method, bare)).findFirst();
    }

    /** Whether a route pattern ({@code /api/commitments/:id}, {@code /web/*}) covers a request path. */
    static boolean matches(String pattern, String path) {
        if (pattern.endsWith("/*")) {
            String prefix = pattern.substring(0, pattern.length() - 1);
            return path.startsWith(prefix) || path.equals(pattern.substring(0, pattern.length() - 2));
        }
        String[] want = pattern.split("/", -1);
        String[] parts = path.split("/", -1);
        if (want.length != parts.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith(":") ? parts[i].isEmpty() : !want[i].equals(parts[i])) {
                return false;
            }
        }
        return true;
    }
}
