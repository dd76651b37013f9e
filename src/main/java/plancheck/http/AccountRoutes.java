package plancheck.http;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import plancheck.domain.Actor;
import plancheck.domain.Grant;
import plancheck.domain.Role;
import plancheck.domain.User;
import plancheck.service.Accounts;
import plancheck.service.FieldError;
import plancheck.store.AccountStore.Credential;

/** Logging in and out, who one is, accounts (admin) and API tokens. */
final class AccountRoutes implements Routes {


    private final Accounts accounts;
    private final BodyHandler bodies;
    private final boolean secureCookies;

    AccountRoutes(Accounts accounts, BodyHandler bodies, boolean secureCookies) {
        this.accounts = accounts;
        this.bodies = bodies;
        this.secureCookies = secureCookies;
    }

    record LoginInput(String login, String password) {
    }

    record GrantView(String role, String scope) {
        static List<GrantView> of(List<Grant> grants) {
            return grants.stream().map(g -> new GrantView(g.role().key(), g.scope())).toList();
        }
    }

    record UserInput(String login, String displayName, String password, List<GrantView> roles) {
    }

    record UserUpdate(String displayName, String password, List<GrantView> roles, Boolean disabled) {
    }

    record TokenInput(String name, LocalDate expires, String user) {
    }

    record UserView(String login, String displayName, List<GrantView> roles, boolean disabled) {
        static UserView of(User u) {
            return new UserView(u.login(), u.displayName(), GrantView.of(u.grants()), u.disabled());
        }
    }

    record Me(String login, String displayName, List<GrantView> roles) {
        static Me of(Actor a) {
            return new Me(a.login(), a.displayName(), GrantView.of(a.grants()));
        }
    }

    record SessionView(Me user, Instant expires) {
    }

    record TokenView(String id, String name, String user, Instant createdAt, Instant expiresAt, Instant revokedAt) {
        static TokenView of(Credential c) {
            return new TokenView(c.id(), c.name(), c.login(), c.createdAt(), c.expiresAt(), c.revokedAt());
        }
    }

    /** A new token: {@code token} is the secret, shown this once. */
    record IssuedView(String id, String name, String user, Instant expiresAt, String token) {
    }

    @Override
    public void mount(Router router) {
        router.post("/api/session").handler(bodies).handler(this::login);
        router.delete("/api/session").handler(this::logout);
        router.get("/api/me").handler(ctx -> {
            new Query(ctx).done();
            Api.send(ctx, 200, Me.of(Guard.actor(ctx)));
        });
        router.get("/api/users").handler(ctx -> {
            new Query(ctx).done();
            Api.reply(ctx, 200, accounts.users(Guard.actor(ctx)).thenApply(us -> us.stream().map(UserView::of).toList()));
        });
        router.post("/api/users").handler(bodies).handler(this::createUser);
        router.get("/api/users/:login").handler(this::user);
        router.put("/api/users/:login").handler(bodies).handler(this::updateUser);
        router.post("/api/tokens").handler(bodies).handler(this::createToken);
        router.get("/api/tokens").handler(this::tokens);
        router.delete("/api/tokens/:id").handler(ctx -> {
            new Query(ctx).done();
            Future.fromCompletionStage(accounts.revokeToken(Guard.actor(ctx), ctx.pathParam("id")),
                    ctx.vertx().getOrCreateContext()).onSuccess(v -> ctx.response().setStatusCode(204).end())
                    .onFailure(ctx::fail);
        });
    }

    private void login(RoutingContext ctx) {
        new Query(ctx).done();
        LoginInput in = JsonBodies.read(ctx, LoginInput.class);
        List<FieldError> errors = new ArrayList<>();
        required(errors, "login", in.login());
        required(errors, "password", in.password());
        refuse(errors);
        String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
        Future.fromCompletionStage(accounts.login(in.login(), in.password(), address), ctx.vertx().getOrCreateContext())
                .onSuccess(session -> {
                    ctx.response().addCookie(Guard.sessionCookie(session.secret(), session.length().toSeconds(),
                            secureCookies));
                    Api.send(ctx, 201, new SessionView(Me.of(session.actor()), session.expires()));
                }).onFailure(ctx::fail);
    }

    private void logout(RoutingContext ctx) {
        new Query(ctx).done();
        String secret = Guard.sessionSecret(ctx);
        if (secret == null) {
            throw Problem.badRequest("no-session", "Not a session", "this request was not made with a session cookie"
                    + " (an API token is revoked with DELETE /api/tokens/{id})", List.of(new FieldError("Cookie",
                    "no session cookie")));
        }
        Future.fromCompletionStage(accounts.logout(secret, Guard.actor(ctx)), ctx.vertx().getOrCreateContext())
                .onSuccess(v -> {
                    ctx.response().addCookie(Guard.sessionCookie("", 0, secureCookies));
                    ctx.response().setStatusCode(204).end();
                }).onFailure(ctx::fail);
    }

    private void user(RoutingContext ctx) {
        new Query(ctx).done();
        String login = ctx.pathParam("login");
        Api.reply(ctx, 200, accounts.users(Guard.actor(ctx)).thenApply(us -> us.stream()
                .filter(u -> u.login().equals(login)).findFirst().map(UserView::of)
                .orElseThrow(() -> new plancheck.service.Rejected.NotFound("user", "login", login))));
    }

    private void createUser(RoutingContext ctx) {
        new Query(ctx).done();
        UserInput in = JsonBodies.read(ctx, UserInput.class);
        List<FieldError> errors = new ArrayList<>();
        required(errors, "login", in.login());
        required(errors, "displayName", in.displayName());
        if (in.roles() == null) {
            errors.add(new FieldError("roles", "required: a list of {role, scope}"));
        }
        List<Grant> grants = grants(in.roles(), errors);
        refuse(errors);
        Api.reply(ctx, 201, accounts.createUser(Guard.actor(ctx), new User(in.login(), in.displayName(), grants, false),
                in.password()).thenApply(UserView::of));
    }

    private void updateUser(RoutingContext ctx) {
        new Query(ctx).done();
        UserUpdate in = JsonBodies.read(ctx, UserUpdate.class);
        List<FieldError> errors = new ArrayList<>();
        List<Grant> grants = in.roles() == null ? null : grants(in.roles(), errors);
        refuse(errors);
        Api.reply(ctx, 200, accounts.updateUser(Guard.actor(ctx), ctx.pathParam("login"), in.displayName(), grants,
                in.password(), in.disabled()).thenApply(UserView::of));
    }

    private void createToken(RoutingContext ctx) {
        new Query(ctx).done();
        TokenInput in = JsonBodies.read(ctx, TokenInput.class);
        Api.reply(ctx, 201, accounts.createToken(Guard.actor(ctx), in.name(), in.expires(), in.user())
                .thenApply(i -> new IssuedView(i.token().id(), i.token().name(), i.token().login(),
                        i.token().expiresAt(), i.secret())));
    }

    private void tokens(RoutingContext ctx) {
        Query q = new Query(ctx);
        String user = q.text("user");
        q.done();
        Api.reply(ctx, 200, accounts.tokens(Guard.actor(ctx), user).thenApply(ts -> ts.stream().map(TokenView::of)
                .toList()));
    }

    private static List<Grant> grants(List<GrantView> roles, List<FieldError> errors) {
        List<Grant> out = new ArrayList<>();
        if (roles == null) {
            return out;
        }
        for (int i = 0; i < roles.size(); i++) {
            GrantView g = roles.get(i);
            if (g == null || g.role() == null) {
                errors.add(new FieldError("roles[" + i + "].role", "required"));
                continue;
            }
            Role role = role(g.role());
            if (role == null) {
                errors.add(new FieldError("roles[" + i + "].role", "unknown role '" + g.role()
                        + "'; one of admin, planner, evaluator, reviewer, viewer"));
                continue;
            }
            out.add(new Grant(role, g.scope()));
        }
        return out;
    }

    private static Role role(String key) {
        for (Role r : Role.values()) {
            if (r.key().equals(key)) {
                return r;
            }
        }
        return null;
    }

    private static void required(List<FieldError> errors, String field, String value) {
        if (value == null || value.isEmpty()) {
            errors.add(new FieldError(field, "required"));
        }
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw Problem.badRequest("missing-fields", "Required fields are missing or wrong",
                    "some fields are missing or wrong", errors);
        }
    }

}
