package plancheck.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import plancheck.domain.Commitment;
import plancheck.ingest.ImportJson;
import plancheck.ingest.ImportReport;
import plancheck.ingest.MetricVocabulary;
import plancheck.ingest.ReportImporter;
import plancheck.ingest.ResultLinker;
import plancheck.service.FieldError;
import plancheck.service.Service;
import plancheck.store.Json;

/**
 * {@code POST /api/imports}: report text in, proposed commitments and results out. Nothing is stored; the planner
 * sends the accepted commitments to {@code POST /api/commitments/batch}.
 */
public final class ImportRoutes implements Routes {

    private static final Set<String> FIELDS = Set.of("text", "district", "document");
    private static final String JSON = "application/json; charset=utf-8";

    private final Service service;
    private final ReportImporter importer;
    private final long maxBodyBytes;

    /** A whole report's text is larger than any API write: imports accept bodies up to at least this size. */
    static final long REPORT_BODY_BYTES = 8L << 20;

    /** @param maxBodyBytes larger request bodies are refused with 413 (at least {@link #REPORT_BODY_BYTES}) */
    public ImportRoutes(Service service, long maxBodyBytes) {
        this.service = service;
        this.importer = new ReportImporter(MetricVocabulary.load());
        this.maxBodyBytes = Math.max(maxBodyBytes, REPORT_BODY_BYTES);
    }

    @Override
    public void mount(Router router) {
        router.post("/api/imports").handler(Api.bodies(maxBodyBytes)).handler(this::importReport);
    }

    /** The request, validated. */
    private record Request(String text, String district, String document) {
    }

    private void importReport(RoutingContext ctx) {
        Request request = validate(ctx);
        // reading a long report takes a while, and stored commitments are read on the service's threads: off the
        // event loop, on a worker that may wait
        ctx.vertx().executeBlocking(() -> {
            ImportReport report = importer.importText(request.text(), request.district(), request.document());
            Map<String, List<Commitment>> stored = new HashMap<>();
            ResultLinker.CommitmentLookup lookup = (district, year) -> stored.computeIfAbsent(district + "/" + year,
                    k -> service.commitments(Service.Filter.of(district, year), Integer.MAX_VALUE, 0)
                            .join().items());
            ImportReport linked = new ImportReport(report.planYear(), report.summaryYear(), report.planSection(),
                    report.summarySection(), report.commitments(), ResultLinker.link(report.results(), lookup),
                    report.skipped());
            return JsonBodies.bytes(ImportJson.tree(linked, Json.MAPPER));
        }, false).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
            } else {
                ctx.response().setStatusCode(200).putHeader("content-type", JSON).end(Buffer.buffer(ar.result()));
            }
        });
    }

    private static Request validate(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        if (body != null && !isUtf8(body.getBytes())) {
            throw Problem.badRequest("invalid-utf8", "Body is not UTF-8", "the body is not valid UTF-8 text",
                    List.of(new FieldError("", "invalid UTF-8")));
        }
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

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
