package plancheck.http;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import plancheck.service.DecisionLog;
import plancheck.service.FieldError;
import plancheck.service.Rejected;
import plancheck.service.RulePolicy;
import plancheck.service.RulesWatch;
import plancheck.service.Service;

/**
 * The rules as a living policy: {@code GET /api/rules} (in use and history), {@code GET /api/rules/policy.xlsx} (the
 * policy sheet in use, to edit in Excel), {@code POST /api/rules/validate},
 * {@code POST /api/rules/reload[?dryRun=true]}, and the decision log {@code GET /api/commitments/{id}/decisions}.
 * Only reading and mapping JSON is done here ({@link RulePolicy}, {@link DecisionLog}).
 */
public final class RuleRoutes implements Routes {

    private static final String JSON = "application/json; charset=utf-8";
    /** A rules folder's texts are larger than an API write: validation accepts bodies up to at least this size. */
    static final long RULES_BODY_BYTES = 4L << 20;

    private final Service service;
    private final RulePolicy policy;
    private final DecisionLog decisions;
    private final long maxBodyBytes;

    RuleRoutes(Service service, RulePolicy policy, DecisionLog decisions, long maxBodyBytes) {
        this.service = service;
        this.policy = policy;
        this.decisions = decisions;
        this.maxBodyBytes = Math.max(maxBodyBytes, RULES_BODY_BYTES);
    }

    /**
     * The route group for a service whose rules come from {@code rulesDir}; with {@code watch} the folder is watched
     * and reloaded on every change. The policy, log and watch close with the service.
     */
    public static Function<Service, Routes> on(Path rulesDir, boolean watch, long maxBodyBytes) {
        return service -> {
            DecisionLog log = new DecisionLog(service);
            RulePolicy policy = new RulePolicy(service, rulesDir, log);
            service.closeWith(policy);
            service.closeWith(log);
            if (watch) {
                service.closeWith(RulesWatch.start(rulesDir, policy));
            }
            return new RuleRoutes(service, policy, log, maxBodyBytes);
        };
    }

    @Override
    public void mount(Router router) {
        router.get("/api/rules").handler(ctx -> {
            params(ctx, Set.of());
            json(ctx, policy.listing());
        });
        router.get("/api/rules/policy.xlsx").handler(ctx -> {
            params(ctx, Set.of());
            ctx.response().putHeader("content-type", LedgerRoutes.XLSX)
                    .putHeader("content-disposition", "attachment; filename=\"policy.xlsx\"")
                    .end(Buffer.buffer(policy.policySheet()));
        });
        router.post("/api/rules/validate").handler(Api.bodies(maxBodyBytes)).handler(this::validate);
        router.post("/api/rules/reload").handler(this::reload);
        router.get("/api/decisions").handler(this::recent);
        router.get("/api/commitments/:id/decisions").handler(ctx -> {
            params(ctx, Set.of());
            String id = ctx.pathParam("id");
            json(ctx, decisions.of(id, district -> service.access().requireVisible(Guard.actor(ctx), district,
                    () -> new Rejected.NotFound(id))).thenApply(list -> Map.of("commitmentId", id, "decisions", list)));
        });
    }

    /** The district feed of status changes: {@code GET /api/decisions?district=&since=&limit=}, in scope. */
    private void recent(RoutingContext ctx) {
        Query q = new Query(ctx);
        java.util.Set<String> districts = q.texts("district");
        java.time.Instant since = q.instant("since", service.zone());
        Query.Paging paging = q.paging();
        q.done();
        if (paging.offset() != 0) {
            throw Problem.badRequest("bad-query", "Bad query parameters", "the feed takes no offset",
                    List.of(new FieldError("offset", "not taken here: narrow by since")));
        }
        Service.Filter scoped = service.access().restrict(Guard.actor(ctx),
                new Service.Filter(districts, null, null, null, null, null, null));
        java.time.Instant from = since != null ? since
                : service.today().minusDays(7).atStartOfDay(service.zone()).toInstant();
        json(ctx, decisions.recent(scoped.districts(), from, paging.limit()).thenApply(list -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("since", from);
            out.put("items", list);
            return out;
        }));
    }

    /**
     * {@code {"files": {"plancheck/status/decide.drl": "<text>" | null, "plancheck/policy.xlsx": "<base64>"}}}: a
     * spreadsheet travels base64-encoded in the same map, so a sheet and the rules that read it are checked together.
     */
    private void validate(RoutingContext ctx) {
        params(ctx, Set.of());
        JsonNode tree = JsonBodies.tree(ctx);
        List<FieldError> errors = new ArrayList<>();
        if (!tree.isObject()) {
            errors.add(new FieldError("", "expected object"));
        } else {
            tree.fieldNames().forEachRemaining(name -> {
                if (!name.equals("files")) {
                    errors.add(new FieldError(name, "unknown field"));
                }
            });
        }
        JsonNode files = tree.path("files");
        Map<String, String> changes = new LinkedHashMap<>();
        if (errors.isEmpty() && !files.isObject()) {
            errors.add(new FieldError("files", files.isMissingNode() ? "is missing" : "expected object"));
        } else if (errors.isEmpty()) {
            files.fields().forEachRemaining(f -> {
                if (f.getValue().isTextual() || f.getValue().isNull()) {
                    changes.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText());
                } else {
                    errors.add(new FieldError("files." + f.getKey(), "expected string (the file's text) or null"));
                }
            });
        }
        if (!errors.isEmpty()) {
            throw Problem.badRequest("wrong-types", "Fields of the wrong type or value", "the body cannot be read",
                    errors);
        }
        json(ctx, policy.validate(changes));
    }

    private void reload(RoutingContext ctx) {
        params(ctx, Set.of("dryRun"));
        List<String> dry = ctx.queryParam("dryRun");
        boolean dryRun = false;
        if (dry.size() == 1) {
            if (!dry.get(0).equals("true") && !dry.get(0).equals("false")) {
                throw Problem.badRequest("bad-query", "Bad query parameters", "dryRun must be true or false",
                        List.of(new FieldError("dryRun", "expected true or false")));
            }
            dryRun = dry.get(0).equals("true");
        }
        json(ctx, policy.reload(Guard.actor(ctx), dryRun));
    }

    /** Refuses unknown and repeated query parameters. */
    private static void params(RoutingContext ctx, Set<String> known) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : ctx.queryParams().names()) {
            if (!known.contains(name)) {
                errors.add(new FieldError(name, "unknown query parameter"));
            } else if (ctx.queryParam(name).size() > 1) {
                errors.add(new FieldError(name, "given " + ctx.queryParam(name).size() + " times; expected once"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.badRequest("bad-query", "Bad query parameters",
                    "the query has " + errors.size() + " problem(s)", errors);
        }
    }

    private static <T> void json(RoutingContext ctx, CompletableFuture<T> work) {
        Future.fromCompletionStage(work, ctx.vertx().getOrCreateContext()).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else {
                ctx.response().setStatusCode(200).putHeader("content-type", JSON)
                        .end(Buffer.buffer(JsonBodies.bytes(ar.result())));
            }
        });
    }
}
