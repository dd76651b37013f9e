package plancheck.http;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

import plancheck.domain.Actor;
import plancheck.domain.Grant;
import plancheck.domain.Role;
import plancheck.service.Accounts;
import plancheck.service.Districts;
import plancheck.service.FieldError;

/**
 * Establishes who makes a request from its credential (a session cookie or {@code Authorization: Bearer}) and
 * checks the route's entry in {@link Permissions}: 401 without a valid credential, 403 when no role of the user
 * allows the route's action. Nothing a request says about itself (headers, body fields) decides who it is.
 */
final class Guard {

    static final String COOKIE = "plancheck_session";
    private static final String ACTOR = "plancheck.actor";
    private static final String SECRET = "plancheck.secret";

    private final Accounts accounts;
    private final java.util.function.Supplier<Districts> districts;
    private final boolean publicReads;
    private final Set<String> origins;

    Guard(Accounts accounts, java.util.function.Supplier<Districts> districts, boolean publicReads, Set<String> origins) {
        this.accounts = accounts;
        this.districts = districts;
        this.publicReads = publicReads;
        this.origins = origins;
    }

    /** The actor of a request that passed the guard. */
    static Actor actor(RoutingContext ctx) {
        return ctx.get(ACTOR);
    }

    /** The session secret of a cookie-authenticated request, else null. */
    static String sessionSecret(RoutingContext ctx) {
        return ctx.get(SECRET);
    }

    void handle(RoutingContext ctx) {
        String method = ctx.request().method().name();
        String path;
        try {
            path = ctx.normalizedPath();
        } catch (IllegalArgumentException unreadable) {
            // a broken %-escape: the router answers 400
            ctx.next();
            return;
        }
        Optional<Permissions.Rule> found = Permissions.of(method, path);
        if (found.isPresent() && found.get().open()) {
            ctx.next();
            return;
        }
        // deny by default: a path the table does not name (however the router would match it) needs a credential,
        // and then falls through to 404 / 405
        Optional<Permissions.Rule> rule = Optional.of(found.orElse(new Permissions.Rule(method, path, null, false)));
        String bearer = bearer(ctx);
        Cookie cookie = ctx.request().getCookie(COOKIE);
        String secret = bearer != null ? bearer : cookie == null ? null : cookie.getValue();
        if (secret == null) {
            if (publicReads && method.equals("GET") && Permissions.PUBLIC_READS.stream()
                    .anyMatch(p -> Permissions.matches(p, path))) {
                ctx.put(ACTOR, publicReader());
                ctx.next();
                return;
            }
            throw unauthorized("sign in (POST /api/session) or send Authorization: Bearer <token>");
        }
        if (bearer == null && !method.equals("GET") && !sameOrigin(ctx)) {
            throw forbidden("Origin", "a cookie-authenticated write must come from this site or an allowed origin");
        }
        java.util.concurrent.CompletableFuture<Optional<Actor>> known = accounts.authenticate(secret);
        boolean later = !known.isDone();
        if (later) {
            // the body must wait for the route's body handler, which resumes the request; bodiless ones resume here
            ctx.request().pause();
        }
        Future.fromCompletionStage(known, ctx.vertx().getOrCreateContext()).onComplete(ar -> {
            if (later && !method.equals("POST") && !method.equals("PUT")) {
                ctx.request().resume();
            }
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            Optional<Actor> actor = ar.result();
            if (actor.isEmpty()) {
                ctx.fail(unauthorized("the credential is unknown, expired or revoked"));
                return;
            }
            if (rule.get().action() != null && !actor.get().mayAnywhere(rule.get().action())) {
                ctx.fail(forbidden("", actor.get().login() + " has no role that may "
                        + rule.get().action().name().toLowerCase(java.util.Locale.ROOT)));
                return;
            }
            ctx.put(ACTOR, actor.get());
            if (bearer == null) {
                ctx.put(SECRET, secret);
            }
            ctx.next();
        });
    }

    /** The session cookie for a new login: not readable by scripts, never sent cross-site. */
    static Cookie sessionCookie(String secret, long maxAgeSeconds, boolean secure) {
        return Cookie.cookie(COOKIE, secret).setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setPath("/")
                .setMaxAge(maxAgeSeconds).setSecure(secure);
    }

    private String bearer(RoutingContext ctx) {
        String h = ctx.request().getHeader("Authorization");
        if (h == null) {
            return null;
        }
        if (!h.startsWith("Bearer ") || h.length() <= 7) {
            throw unauthorized("Authorization must be 'Bearer <token>'");
        }
        return h.substring(7).strip();
    }

    private boolean sameOrigin(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String host = ctx.request().authority() == null ? null : ctx.request().authority().toString();
        return origins.contains(origin) || (host != null && (origin.equals("http://" + host)
                || origin.equals("https://" + host)));
    }

    /** The reader of the open scorecards: a viewer of every top-level district. */
    private Actor publicReader() {
        List<Grant> grants = districts.get().all().stream().filter(d -> d.parent() == null)
                .map(d -> new Grant(Role.VIEWER, d.id())).toList();
        return new Actor("public", "政务公开", grants);
    }

    private static Problem.Raised unauthorized(String detail) {
        return new Problem.Raised(Problem.of("unauthorized", "Credentials required", 401, detail,
                List.of(new FieldError("Authorization", detail))));
    }

    private static Problem.Raised forbidden(String field, String detail) {
        return new Problem.Raised(Problem.of("forbidden", "Not allowed", 403, detail,
                List.of(new FieldError(field, detail))));
    }
}
