package plancheck.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import plancheck.Config;
import plancheck.domain.Commitment;
import plancheck.domain.Kind;
import plancheck.domain.Status;
import plancheck.service.FieldError;
import plancheck.service.Rejected;
import plancheck.service.Service;
import plancheck.service.Validation;

/** Builds the HTTP API router; the server and the tests use the same one. */
public final class Api {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final String JSON = "application/json; charset=utf-8";

    private final Service service;
    private final Buffer openapi;

    private Api(Service service) {
        this.service = service;
        this.openapi = Buffer.buffer(resource("/openapi.yaml"));
    }

    /**
     * The API router.
     *
     * @param maxBodyBytes larger request bodies are refused with 413
     * @param more         further route groups, mounted after the built-in ones; a group that reads bodies adds
     *                     {@link #bodies(long)} to its routes
     */
    public static Router router(Vertx vertx, Service service, Config config, List<Routes> more) {
        Api api = new Api(service);
        Router router = Router.router(vertx);
        // bodies are read (and limited) only where a body is expected: a catch-all POST route would turn every
        // unknown path into a 405 instead of a 404
        BodyHandler bodies = bodies(config.maxBodyBytes());
        Hardening.mount(router, config);
        Guard guard = new Guard(service.accounts(), service::districts, config.publicScorecards(),
                config.corsOrigins());
        router.route().handler(guard::handle);
        router.get("/health").handler(api::health);
        router.get("/openapi.yaml").handler(ctx -> ctx.response()
                .putHeader("content-type", "application/yaml; charset=utf-8").end(api.openapi));
        // GET /api/rules and the other rule routes: RuleRoutes

        router.post("/api/commitments/batch").handler(bodies).handler(api::createBatch);
        router.post("/api/commitments").handler(bodies).handler(api::create);
        router.get("/api/commitments").handler(api::list);
        router.get("/api/commitments/:id").handler(api::get);
        router.put("/api/commitments/:id").handler(bodies).handler(api::revise);
        router.delete("/api/commitments/:id").handler(api::retire);
        router.get("/api/commitments/:id/revisions").handler(api::revisions);
        router.post("/api/commitments/:id/results").handler(bodies).handler(api::report);
        router.get("/api/commitments/:id/results").handler(api::results);

        router.post("/api/results/batch").handler(bodies).handler(api::reportBatch);

        router.get("/api/evaluations").handler(api::evaluations);
        router.get("/api/evaluations/:id").handler(api::evaluation);
        router.get("/api/scorecard").handler(api::scorecard);

        new DistrictRoutes(service, bodies).mount(router);
        new AccountRoutes(service.accounts(), bodies, config.secureCookies()).mount(router);
        new ReviewRoutes(service, bodies).mount(router);
        new AuditRoutes(service).mount(router);
        more.forEach(routes -> routes.mount(router));
        unguarded(router);

        router.route().failureHandler(Failures::handle);
        router.errorHandler(400, Failures::badRequest);
        router.errorHandler(404, Failures::handle);
        router.errorHandler(405, ctx -> {
            ctx.response().putHeader("Allow", allowed(router, ctx.normalizedPath()));
            Failures.handle(ctx);
        });
        router.errorHandler(500, Failures::handle);
        return router;
    }

    /** Refuses to build a router with a route that has no entry in the permission table ({@code /web/*} routes
     * report their path as {@code /web/}). */
    private static void unguarded(Router router) {
        for (io.vertx.ext.web.Route route : router.getRoutes()) {
            if (route.getPath() == null || route.methods() == null) {
                continue;
            }
            for (io.vertx.core.http.HttpMethod m : route.methods()) {
                if (Permissions.TABLE.stream().noneMatch(r -> r.method().equals(m.name())
                        && (r.path().equals(route.getPath()) || r.path().equals(route.getPath() + "*")))) {
                    throw new IllegalStateException(m.name() + " " + route.getPath()
                            + " has no entry in Permissions.TABLE");
                }
            }
        }
    }

    /** The methods the routes of {@code path} take, for the Allow header of a 405 ("GET, PUT, DELETE"). */
    static String allowed(Router router, String path) {
        java.util.Set<String> methods = new java.util.TreeSet<>();
        String[] parts = path.split("/", -1);
        for (io.vertx.ext.web.Route route : router.getRoutes()) {
            String pattern = route.getPath();
            if (pattern == null || route.methods() == null) {
                continue;
            }
            String[] want = pattern.split("/", -1);
            boolean match = want.length == parts.length;
            for (int i = 0; match && i < want.length; i++) {
                match = want[i].startsWith(":") ? !parts[i].isEmpty() : want[i].equals(parts[i]);
            }
            if (match) {
                route.methods().forEach(m -> methods.add(m.name()));
            }
        }
        return String.join(", ", methods);
    }

    /** The body reader with the size limit (413 beyond it), for routes that take a body. */
    public static BodyHandler bodies(long maxBodyBytes) {
        return BodyHandler.create(false).setBodyLimit(maxBodyBytes);
    }

    // ---- handlers ----

    private void health(RoutingContext ctx) {
        new Query(ctx).done();
        ok(ctx, new Views.Health("UP", service.ruleset().revision(),
                service.size(), service.today(), java.time.Instant.now()));
    }

    private void create(RoutingContext ctx) {
        Commitment c = JsonBodies.read(ctx, Commitment.class);
        reply(ctx, 201, service.createCommitment(c, Guard.actor(ctx)), Function.identity());
    }

    private void createBatch(RoutingContext ctx) {
        List<Commitment> cs = JsonBodies.read(ctx, new TypeReference<List<Commitment>>() { });
        if (cs.contains(null)) {
            throw Problem.badRequest("wrong-types", "Fields of the wrong type or value", "null in the array",
                    List.of(new FieldError("[" + cs.indexOf(null) + "]", "must be an object")));
        }
        reply(ctx, 201, service.createCommitments(cs, Guard.actor(ctx)), Function.identity());
    }

    private void list(RoutingContext ctx) {
        Query q = new Query(ctx);
        Service.Filter filter = q.filter(false);
        LocalDate asOf = q.date("asOf");
        Query.Paging paging = q.paging();
        q.done();
        filter = service.access().restrict(Guard.actor(ctx), filter);
        reply(ctx, 200, asOf == null ? service.commitments(filter, paging.limit(), paging.offset())
                : service.commitments(filter, asOf, paging.limit(), paging.offset()), Function.identity());
    }

    private void get(RoutingContext ctx) {
        Query q = new Query(ctx);
        LocalDate asOf = q.date("asOf");
        q.done();
        String id = ctx.pathParam("id");
        (asOf == null ? service.commitment(id) : service.commitment(id, asOf)).ifPresentOrElse(c -> {
            visible(ctx, c.district(), id);
            ok(ctx, c);
        }, () -> reply(ctx, 200, service.stored(id), stored -> {
                    visible(ctx, stored.commitment().district(), id);
                    if (stored.live()) {
                        return stored.commitment();
                    }
                    if (asOf != null) {
                        throw new Problem.Raised(Problem.of("gone", "Commitment retired", 410, "commitment " + id
                                + " was retired on " + stored.retired().at() + ", on or before " + asOf,
                                List.of(new FieldError("asOf", "on or after the retirement"))));
                    }
                    throw new Problem.Raised(Problem.of("gone", "Commitment retired", 410, "commitment " + id
                            + " was retired on " + stored.retired().at() + "; its revisions stay readable",
                            List.of(new FieldError("id", "retired"))));
                }));
    }

    private void revise(RoutingContext ctx) {
        JsonNode tree = JsonBodies.tree(ctx);
        if (!(tree instanceof ObjectNode body)) {
            throw Problem.badRequest("wrong-types", "Fields of the wrong type or value", "the body must be an object",
                    List.of(new FieldError("", "expected object")));
        }
        String reason = textField(body, "reason");
        LocalDate effectiveFrom = dateField(body, "effectiveFrom");
        Commitment c = JsonBodies.convert(body, Commitment.class);
        reply(ctx, 200, service.reviseCommitment(ctx.pathParam("id"), c, reason, effectiveFrom, Guard.actor(ctx)),
                Function.identity());
    }

    private void retire(RoutingContext ctx) {
        Query q = new Query(ctx);
        String reason = q.text("reason");
        q.done();
        String id = ctx.pathParam("id");
        Future.fromCompletionStage(service.retireCommitment(id, reason, Guard.actor(ctx)),
                ctx.vertx().getOrCreateContext())
                .onSuccess(v -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    private void revisions(RoutingContext ctx) {
        new Query(ctx).done();
        String id = ctx.pathParam("id");
        CompletableFuture<Views.Revisions> view = service.stored(id).thenCombine(service.revisions(id),
                (stored, revisions) -> {
                    visible(ctx, stored.commitment().district(), id);
                    return new Views.Revisions(id, stored.retired(), revisions);
                });
        reply(ctx, 200, view, Function.identity());
    }

    private void report(RoutingContext ctx) {
        new Query(ctx).done();
        Views.ResultInput input = JsonBodies.read(ctx, Views.ResultInput.class);
        reply(ctx, 201, service.report(input.toResult(ctx.pathParam("id")), Guard.actor(ctx)), Views.Reported::of);
    }

    /** Many results in one transaction, all or none; each names its commitment. */
    private void reportBatch(RoutingContext ctx) {
        new Query(ctx).done();
        List<Views.BatchResultInput> inputs = JsonBodies.read(ctx, new TypeReference<List<Views.BatchResultInput>>() {
        });
        List<FieldError> missing = new java.util.ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) == null) {
                missing.add(new FieldError("[" + i + "]", "must be an object"));
            } else if (inputs.get(i).commitmentId() == null) {
                missing.add(new FieldError("[" + i + "].commitmentId", "required"));
            }
        }
        if (!missing.isEmpty()) {
            throw Problem.badRequest("wrong-types", "Fields of the wrong type or value", "results without a commitment",
                    missing);
        }
        reply(ctx, 201, service.reportAll(inputs.stream().map(Views.BatchResultInput::toResult).toList(),
                Guard.actor(ctx)), list -> list.stream().map(Views.Reported::of).toList());
    }

    private void results(RoutingContext ctx) {
        Query q = new Query(ctx);
        LocalDate asOf = q.date("asOf");
        q.done();
        String id = ctx.pathParam("id");
        reply(ctx, 200, service.stored(id).thenCompose(stored -> {
            visible(ctx, stored.commitment().district(), id);
            return service.results(id).thenCombine(service.reviewMarks(id), (rs, marks) ->
                    Views.ListedResult.of(rs, marks, asOf));
        }), Function.identity());
    }

    private void evaluations(RoutingContext ctx) {
        Query q = new Query(ctx);
        Service.Filter filter = q.filter(true);
        LocalDate asOf = q.date("asOf");
        Query.Paging paging = q.paging();
        q.done();
        filter = service.access().restrict(Guard.actor(ctx), filter);
        reply(ctx, 200, service.evaluations(filter, asOf, paging.limit(), paging.offset()),
                page -> page.map(Views.EvaluationView::of));
    }

    private void evaluation(RoutingContext ctx) {
        Query q = new Query(ctx);
        LocalDate asOf = q.date("asOf");
        q.done();
        String id = ctx.pathParam("id");
        if (asOf == null) {
            // the hot read: straight from the index, without a hop through a future
            plancheck.domain.Evaluation e = service.evaluation(id).orElseThrow(() -> new Rejected.NotFound(id));
            visible(ctx, service.commitment(id).map(Commitment::district).orElse(null), id);
            ok(ctx, Views.EvaluationView.of(e));
            return;
        }
        reply(ctx, 200, service.stored(id).thenCompose(stored -> {
            visible(ctx, stored.commitment().district(), id);
            return service.evaluation(id, asOf);
        }), Views.EvaluationView::of);
    }

    private void scorecard(RoutingContext ctx) {
        Query q = new Query(ctx);
        Service.Filter asked = q.filter(true);
        LocalDate asOf = q.date("asOf");
        q.done();
        Service.Filter filter = service.access().restrict(Guard.actor(ctx), asked);
        reply(ctx, 200, service.scorecard(filter, asOf), s -> rendered(s, filter));
    }

    /** The JSON of the last scorecard answered per filter: an unchanged one (the same object) is written once. */
    private record Rendered(plancheck.service.Scorecard scorecard, byte[] json) {
    }

    private final java.util.Map<Service.Filter, Rendered> renderedScorecards =
            new java.util.concurrent.ConcurrentHashMap<>();

    private byte[] rendered(plancheck.service.Scorecard s, Service.Filter filter) {
        Rendered last = renderedScorecards.get(filter);
        if (last != null && last.scorecard == s) {
            return last.json;
        }
        byte[] json = JsonBodies.bytes(Views.ScorecardView.of(s, filter));
        if (renderedScorecards.size() >= 64) {
            renderedScorecards.clear();
        }
        renderedScorecards.put(filter, new Rendered(s, json));
        return json;
    }

    // ---- plumbing ----

    private static <T, V> void reply(RoutingContext ctx, int status, CompletableFuture<T> work, Function<T, V> view) {
        Future.fromCompletionStage(work, ctx.vertx().getOrCreateContext()).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            try {
                send(ctx, status, view.apply(ar.result()));
            } catch (RuntimeException e) {
                ctx.fail(e);
            }
        });
    }

    private static void ok(RoutingContext ctx, Object body) {
        send(ctx, 200, body);
    }

    /** The one way a JSON answer is written ({@code body} as bytes: JSON written already). */
    static void send(RoutingContext ctx, int status, Object body) {
        byte[] json = body instanceof byte[] written ? written : JsonBodies.bytes(body);
        ctx.response().setStatusCode(status).putHeader("content-type", JSON).end(Buffer.buffer(json));
    }

    /** Sends what {@code work} completes with, or fails the request with its error. */
    static <T> void reply(RoutingContext ctx, int status, CompletableFuture<T> work) {
        reply(ctx, status, work, Function.identity());
    }

    /** A commitment of a district out of the actor's read scope answers as if it did not exist. */
    private void visible(RoutingContext ctx, String district, String id) {
        service.access().requireVisible(Guard.actor(ctx), district, () -> new Rejected.NotFound(id));
    }

    /** Removes a text field from the body, refusing any other type. */
    private static String textField(ObjectNode body, String name) {
        JsonNode node = body.remove(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw Problem.badRequest("wrong-types", "Fields of the wrong type or value", name + " must be a string",
                    List.of(new FieldError(name, "expected string")));
        }
        return node.asText();
    }

    /** Removes a date field (YYYY-MM-DD) from the body, refusing any other type or form. */
    private static LocalDate dateField(ObjectNode body, String name) {
        String text = textField(body, name);
        if (text == null) {
            return null;
        }
        String problem = Query.notADate(text);
        if (problem != null) {
            throw Problem.badRequest("wrong-types", "Fields of the wrong type or value", name + " must be a date",
                    List.of(new FieldError(name, problem)));
        }
        return LocalDate.parse(text);
    }

    private static byte[] resource(String name) {
        try (InputStream in = Api.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
