package plancheck.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import plancheck.domain.Commitment;
import plancheck.domain.Result;
import plancheck.ingest.MetricVocabulary;
import plancheck.ingest.ReportImporter;
import plancheck.service.FieldError;
import plancheck.service.Imports;
import plancheck.service.Service;
import plancheck.store.Json;

/**
 * The report import: {@code POST /api/imports} keeps the text and its candidates as a draft, {@code GET
 * /api/imports/{id}} shows it, {@code POST /api/imports/{id}/accept} stores the chosen candidates (see
 * {@link Imports}); the kept text and the seed reports can be read as text. Only reading and mapping JSON is done
 * here.
 */
public final class ImportRoutes implements Routes {

    private static final Set<String> FIELDS = Set.of("text", "district", "document");
    private static final Set<String> ACCEPT_FIELDS = Set.of("commitments", "results", "revisions", "reason");
    /** Fields of a commitment candidate that say how it was read, not what is stored. */
    private static final Set<String> CANDIDATE_ONLY = Set.of("project", "confidence", "span", "quote", "notes",
            "duplicateOf", "accepted");
    /** The same for a result candidate, which also names what it was linked by. */
    private static final Set<String> RESULT_CANDIDATE_ONLY = Set.of("project", "confidence", "span", "quote", "notes",
            "accepted", "unlinked", "district", "year", "metric", "unit");
    /** Result fields a planner may edit on a proposed result. */
    private static final Set<String> RESULT_EDITS = Set.of("value", "stage", "done", "asOf", "note", "sample");
    private static final String TEXT = "text/plain; charset=utf-8";

    private final Imports imports;
    private final long maxBodyBytes;

    /** A whole report's text is larger than any API write: imports accept bodies up to at least this size. */
    static final long REPORT_BODY_BYTES = 8L << 20;

    /** @param maxBodyBytes larger request bodies are refused with 413 (at least {@link #REPORT_BODY_BYTES}) */
    public ImportRoutes(Service service, long maxBodyBytes) {
        this.imports = new Imports(service, new ReportImporter(MetricVocabulary.load()));
        this.maxBodyBytes = Math.max(maxBodyBytes, REPORT_BODY_BYTES);
    }

    @Override
    public void mount(Router router) {
        // no route takes query parameters: any given is refused rather than ignored
        router.post("/api/imports").handler(Api.bodies(maxBodyBytes)).handler(ImportRoutes::noQuery)
                .handler(this::importReport);
        router.get("/api/imports/:id").handler(ImportRoutes::noQuery).handler(ctx -> json(ctx, 200,
                imports.draft(ctx.pathParam("id"), Guard.actor(ctx))));
        router.get("/api/imports/:id/text").handler(ImportRoutes::noQuery).handler(ctx -> text(ctx,
                imports.text(ctx.pathParam("id"), Guard.actor(ctx))));
        router.post("/api/imports/:id/accept").handler(Api.bodies(maxBodyBytes)).handler(ImportRoutes::noQuery)
                .handler(this::accept);
        router.get("/api/documents/:document").handler(ImportRoutes::noQuery).handler(ctx -> text(ctx,
                imports.document(ctx.pathParam("document"))));
    }

    private static void noQuery(io.vertx.ext.web.RoutingContext ctx) {
        new Query(ctx).done();
        ctx.next();
    }

    /** The request, validated. */
    private record Request(String text, String district, String document) {
    }

    private void importReport(RoutingContext ctx) {
        Request request = validate(ctx);
        Future.fromCompletionStage(imports.create(request.text(), request.district(), request.document(),
                Guard.actor(ctx)), ctx.vertx().getOrCreateContext()).onComplete(ar -> {
                    if (ar.failed()) {
                        ctx.fail(ar.cause());
                    } else {
                        ctx.response().putHeader("location", "/api/imports/" + ar.result().id());
                        Api.send(ctx, 201, ar.result());
                    }
                });
    }

    /** {@code {"commitments": ["c1", {"id": "c2", "target": 250}], "results": ["r1"]}}. */
    private void accept(RoutingContext ctx) {
        JsonNode tree = JsonBodies.tree(ctx);
        if (!tree.isObject()) {
            throw Problem.badRequest("wrong-types", "Fields of the wrong type or value", "the body must be an object",
                    List.of(new FieldError("", "expected object")));
        }
        List<FieldError> errors = new ArrayList<>();
        tree.fieldNames().forEachRemaining(name -> {
            if (!ACCEPT_FIELDS.contains(name)) {
                errors.add(new FieldError(name, "unknown field"));
            }
        });
        List<ObjectNode> cs = picks(tree, "commitments", errors);
        List<ObjectNode> rs = picks(tree, "results", errors);
        List<String> vs = new ArrayList<>();
        picks(tree, "revisions", errors).forEach(v -> {
            if (v.size() > 1) {
                errors.add(new FieldError("revisions[" + vs.size() + "]", "a revision is accepted as proposed: name"
                        + " its id; edit the commitment with PUT afterwards"));
            }
            vs.add(v.get("id").asText());
        });
        JsonNode why = tree.get("reason");
        if (why != null && !why.isTextual()) {
            errors.add(new FieldError("reason", "expected string"));
        }
        String reason = why != null && why.isTextual() ? why.asText() : null;
        refuse(errors);
        String id = ctx.pathParam("id");
        plancheck.domain.Actor by = Guard.actor(ctx);
        // edits apply to the candidates as proposed: read the draft, map the edited candidates, then accept
        json(ctx, 200, imports.draft(id, by).thenCompose(draft -> {
            List<FieldError> refused = new ArrayList<>();
            List<Imports.Pick<Commitment>> commitments = new ArrayList<>();
            for (int i = 0; i < cs.size(); i++) {
                commitments.add(commitment(cs.get(i), draft, "commitments[" + i + "]", refused));
            }
            List<Imports.Pick<Result>> results = new ArrayList<>();
            for (int i = 0; i < rs.size(); i++) {
                results.add(result(rs.get(i), draft, "results[" + i + "]", refused));
            }
            refuse(refused);
            return imports.accept(id, commitments, results, vs, reason, by);
        }));
    }

    /** Each element as an object with its candidate id: "c1" is {"id": "c1"}. */
    private static List<ObjectNode> picks(JsonNode tree, String name, List<FieldError> errors) {
        JsonNode list = tree.get(name);
        if (list == null) {
            return List.of();
        }
        if (!list.isArray()) {
            errors.add(new FieldError(name, "expected array"));
            return List.of();
        }
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            if (e.isTextual()) {
                out.add(Json.MAPPER.createObjectNode().put("id", e.asText()));
            } else if (e.isObject() && e.path("id").isTextual()) {
                out.add((ObjectNode) e);
            } else {
                errors.add(new FieldError(name + "[" + i + "]", e.isObject() ? "id (the candidate id) is required"
                        + " as a string" : "expected a candidate id or an object with its id and edited fields"));
            }
        }
        return out;
    }

    private static Imports.Pick<Commitment> commitment(ObjectNode pick, Imports.Draft draft, String field,
            List<FieldError> errors) {
        String id = pick.get("id").asText();
        Imports.CommitmentProposal proposal = draft.commitments().stream().filter(c -> c.id().equals(id))
                .findFirst().orElse(null);
        if (pick.size() == 1 || proposal == null) {
            return Imports.Pick.of(id);
        }
        ObjectNode merged = Json.MAPPER.valueToTree(proposal.commitment());
        int before = errors.size();
        pick.fields().forEachRemaining(e -> {
            String name = e.getKey();
            if (name.equals("id")) {
                return;
            }
            if (CANDIDATE_ONLY.contains(name)) {
                errors.add(new FieldError(field + "." + name, "a field of the candidate, not of the commitment"));
            } else if (name.equals("source") || name.equals("revision")) {
                errors.add(new FieldError(field + "." + name, "set by the import"));
            } else {
                merged.set(name, e.getValue());
            }
        });
        return errors.size() > before ? Imports.Pick.of(id)
                : new Imports.Pick<>(id, convert(merged, Commitment.class, field, errors), null);
    }

    private static Imports.Pick<Result> result(ObjectNode pick, Imports.Draft draft, String field,
            List<FieldError> errors) {
        String id = pick.get("id").asText();
        Imports.ResultProposal proposal = draft.results().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElse(null);
        if (pick.size() == 1 || proposal == null) {
            return Imports.Pick.of(id);
        }
        ObjectNode merged = ((ObjectNode) Json.MAPPER.valueToTree(proposal.result())).without(List.of("id",
                "commitmentId"));
        String link = null;
        int before = errors.size();
        for (var it = pick.fields(); it.hasNext(); ) {
            var e = it.next();
            String name = e.getKey();
            if (name.equals("id")) {
                continue;
            }
            if (name.equals("commitmentId")) {
                if (e.getValue().isTextual()) {
                    link = e.getValue().asText();
                } else {
                    errors.add(new FieldError(field + ".commitmentId", "expected string"));
                }
            } else if (RESULT_CANDIDATE_ONLY.contains(name)) {
                errors.add(new FieldError(field + "." + name, "a field of the candidate, not of the result"));
            } else if (!RESULT_EDITS.contains(name)) {
                errors.add(new FieldError(field + "." + name, "not editable on a proposed result; one of "
                        + RESULT_EDITS.stream().sorted().toList() + " or commitmentId"));
            } else {
                merged.set(name, e.getValue());
            }
        }
        return errors.size() > before ? Imports.Pick.of(id)
                : new Imports.Pick<>(id, convert(merged, Result.class, field, errors), link);
    }

    /** Maps an edited candidate, its field errors named inside the body ({@code commitments[1].target}). */
    private static <T> T convert(ObjectNode node, Class<T> type, String field, List<FieldError> errors) {
        try {
            return JsonBodies.convert(node, type);
        } catch (Problem.Raised raised) {
            raised.problem().errors().forEach(e -> errors.add(new FieldError(
                    e.field().isEmpty() ? field : field + "." + e.field(), e.reason())));
            return null;
        }
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw Problem.badRequest("invalid-accept", "The accept request is invalid",
                    errors.size() + " field(s) refused", errors);
        }
    }

    private static <T> void json(RoutingContext ctx, int status, CompletableFuture<T> work) {
        Future.fromCompletionStage(work, ctx.vertx().getOrCreateContext()).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else {
                Api.send(ctx, status, ar.result());
            }
        });
    }


    private static void text(RoutingContext ctx, CompletableFuture<String> work) {
        Future.fromCompletionStage(work, ctx.vertx().getOrCreateContext()).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else {
                ctx.response().setStatusCode(200).putHeader("content-type", TEXT).end(ar.result());
            }
        });
    }

    private static Request validate(RoutingContext ctx) {
        JsonNode tree = JsonBodies.tree(ctx);
        if (!tree.isObject()) {
            throw Problem.badRequest("wrong-types", "Fields of the wrong type or value", "the body must be an object",
                    List.of(new FieldError("", "expected object")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "unknown field"));
            }
        }
        String text = string(tree, "text", errors);
        String district = string(tree, "district", errors);
        String document = string(tree, "document", errors);
        if (errors.isEmpty() && (text == null || text.isBlank())) {
            errors.add(new FieldError("text", text == null ? "required" : "must not be empty"));
        }
        if (!errors.isEmpty()) {
            throw Problem.badRequest("invalid-import", "The import request is invalid",
                    errors.size() + " field(s) refused", errors);
        }
        return new Request(text, district, document);
    }

    private static String string(JsonNode tree, String name, List<FieldError> errors) {
        JsonNode node = tree.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(name, "expected string"));
            return null;
        }
        return node.asText();
    }
}
