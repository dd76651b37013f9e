package plancheck.http;

import java.util.List;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import plancheck.ingest.MetricVocabulary;
import plancheck.ingest.ReportImporter;
import plancheck.ledger.CsvTable;
import plancheck.ledger.Layout;
import plancheck.ledger.LedgerFileException;
import plancheck.ledger.LedgerReader;
import plancheck.ledger.RowError;
import plancheck.ledger.Table;
import plancheck.ledger.XlsxTable;
import plancheck.service.FieldError;
import plancheck.service.Imports;
import plancheck.service.Service;
import plancheck.service.Validation;

/**
 * The 台账 import: {@code POST /api/ledger/import?district=&year=} with an .xlsx or .csv body keeps its rows as a
 * draft import of commitment candidates, accepted like a report import ({@code POST /api/imports/{id}/accept}).
 * A file that cannot be read at all is refused whole (4xx, nothing kept); rows that cannot be read are listed.
 */
public final class LedgerImportRoutes implements Routes {

    private static final String CSV_TYPE = "text/csv";

    private final Service service;
    private final Imports imports;
    private final LedgerReader reader;
    private final Table.Limits limits;

    /** @param limits upload bytes, rows and unpacked bytes an import takes at most (default: {@code data/ledger.json}) */
    public LedgerImportRoutes(Service service, Table.Limits limits) {
        Layout layout = Layout.load();
        this.service = service;
        this.imports = new Imports(service, new ReportImporter(MetricVocabulary.load()));
        this.reader = new LedgerReader(layout, imports.importer());
        this.limits = limits == null ? layout.importLimits() : limits;
    }

    public LedgerImportRoutes(Service service) {
        this(service, null);
    }

    /**
     * The answer: the draft, the sheet read, how many rows below the header, the rows refused, and what each row
     * comes to (new, unchanged, revised with each change, error), counted.
     */
    record Imported(Imports.Draft draft, String sheet, int rows, List<RowError> errors,
            java.util.Map<LedgerReader.Outcome, Integer> counts, List<LedgerReader.Preview> preview) {
    }

    @Override
    public void mount(Router router) {
        router.post("/api/ledger/import").handler(Api.bodies(limits.maxBodyBytes())).handler(this::importLedger);
    }

    private void importLedger(RoutingContext ctx) {
        Query q = new Query(ctx);
        String district = q.text("district");
        Integer year = q.integer("year");
        q.done();
        List<FieldError> errors = new java.util.ArrayList<>();
        if (district == null) {
            errors.add(new FieldError("district", "required: the district the rows belong to"));
        } else if (service.districts().get(district).isEmpty()) {
            errors.add(new FieldError("district", "unknown district: " + district));
        }
        if (year == null) {
            errors.add(new FieldError("year", "required: the plan year of the rows"));
        } else if (year < Validation.FIRST_YEAR || year > Validation.LAST_YEAR) {
            errors.add(new FieldError("year", "must be between " + Validation.FIRST_YEAR + " and "
                    + Validation.LAST_YEAR));
        }
        if (!errors.isEmpty()) {
            throw Problem.badRequest("bad-query", "Bad query parameters", "some query parameters are invalid", errors);
        }
        String type = mediaType(ctx.request().getHeader("content-type"));
        boolean xlsx = LedgerRoutes.XLSX.equals(type);
        if (!xlsx && !CSV_TYPE.equals(type)) {
            throw new Problem.Raised(Problem.of("unsupported-media-type", "Unsupported media type", 415,
                    "a 台账 is sent as " + LedgerRoutes.XLSX + " or " + CSV_TYPE,
                    List.of(new FieldError("content-type", type == null ? "missing" : "not accepted: " + type))));
        }
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        plancheck.domain.Actor by = Guard.actor(ctx);
        int planYear = year;
        ctx.vertx().executeBlocking(() -> {
            try {
                Table table = xlsx ? XlsxTable.read(body, limits) : CsvTable.read(body, limits);
                LedgerReader.Parsed parsed = reader.read(table, district, planYear, "台账 " + table.sheet(),
                        id -> known(id, by), service.today());
                Imports.Draft draft = imports.create(parsed.text(), parsed.report(), district,
                        "台账 " + table.sheet(), by).join();
                java.util.Map<LedgerReader.Outcome, Integer> counts = new java.util.EnumMap<>(LedgerReader.Outcome.class);
                for (LedgerReader.Outcome o : LedgerReader.Outcome.values()) {
                    counts.put(o, 0);
                }
                parsed.preview().forEach(p -> counts.merge(p.outcome(), 1, Integer::sum));
                return new Imported(draft, table.sheet(), parsed.rows(), parsed.errors(), counts, parsed.preview());
            } catch (LedgerFileException e) {
                throw new Problem.Raised(Problem.of(e.slug(), "The 台账 cannot be read", e.status(), e.getMessage(),
                        e.errors().stream().map(LedgerImportRoutes::field).toList()));
            }
        }, false).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            ctx.response().setStatusCode(201).putHeader("location", "/api/imports/" + ar.result().draft().id())
                    .putHeader("content-type", "application/json; charset=utf-8")
                    .end(Buffer.buffer(JsonBodies.bytes(ar.result())));
        });
    }

    /**
     * The live commitment a row names by its id, with its results, when the importer may plan in its district (a
     * commitment out of reach is not told apart from an unknown id: the row is read as a new one).
     */
    private java.util.Optional<LedgerReader.Known> known(String id, plancheck.domain.Actor by) {
        return service.commitment(id).filter(c -> service.access().may(by, plancheck.domain.Action.PLAN,
                c.district())).map(c -> new LedgerReader.Known(c, service.results(id).join()));
    }

    /** A file problem as a field error: {@code 台账!row 5!完成时限}, the parts known. */
    private static FieldError field(RowError e) {
        StringBuilder f = new StringBuilder(e.sheet() == null ? "body" : e.sheet());
        if (e.row() > 0) {
            f.append("!row ").append(e.row());
        }
        if (e.column() != null) {
            f.append('!').append(e.column());
        }
        return new FieldError(f.toString(), e.reason());
    }

    private static String mediaType(String header) {
        return header == null ? null : header.split(";")[0].strip().toLowerCase();
    }

}
