package plancheck.http;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import plancheck.domain.Commitment;
import plancheck.domain.Status;
import plancheck.ledger.LedgerCsv;
import plancheck.ledger.LedgerTable;
import plancheck.ledger.LedgerXlsx;
import plancheck.ledger.Layout;
import plancheck.service.Scorecard;
import plancheck.service.Service;

/**
 * The 台账 export: {@code GET /api/ledger.xlsx} and {@code GET /api/ledger.csv} with the filters of the evaluation
 * list and {@code asOf}. The query is checked before anything is sent; the file is then written off the event loop
 * straight into the answer. {@code GET /api/ledger}: the same rows as JSON, a page at a time (see {@link LedgerTable}).
 */
public final class LedgerRoutes implements Routes {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(LedgerRoutes.class);

    private final Service service;
    private final Layout layout = Layout.load();

    public LedgerRoutes(Service service) {
        this.service = service;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/ledger.xlsx").handler(ctx -> export(ctx, XLSX, "台账.xlsx", (judged, asOf, out) ->
                new LedgerXlsx(layout).write(judged, summary(judged, asOf), asOf, out)));
        router.get("/api/ledger.csv").handler(ctx -> export(ctx, CSV, "台账.csv", (judged, asOf, out) -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            new LedgerCsv(layout).write(judged, w);
            w.flush();
        }));
        router.get("/api/ledger").handler(this::table);
    }

    /** One page of the 台账 for the web app: the export's filters, several statuses, attention, search and sort. */
    private void table(RoutingContext ctx) {
        Query q = new Query(ctx);
        Service.Filter filter = q.filter(false);
        filter = new Service.Filter(filter.districts(), filter.year(), filter.category(), filter.kind(), null,
                filter.owner(), q.text("warning"));
        java.util.Set<Status> statuses = q.oneOfEach("status", Status.class);
        Boolean attention = q.bool("attention");
        String search = q.text("q");
        LedgerTable.Sort sort = q.oneOf("sort", LedgerTable.Sort.class);
        Boolean descending = q.direction("order");
        LocalDate asOf = q.date("asOf");
        Query.Paging paging = q.paging();
        q.done();
        LedgerTable.Selection selection = new LedgerTable.Selection(statuses, Boolean.TRUE.equals(attention), search,
                sort, Boolean.TRUE.equals(descending));
        Service.Filter scoped = service.access().restrict(Guard.actor(ctx), filter);
        // selecting and sorting 10k+ rows stays off the event loop even when the judgements are ready at once
        Api.reply(ctx, 200, service.judgements(scoped, asOf).thenApplyAsync(judged ->
                LedgerTable.page(judged, selection, paging.limit(), paging.offset())));
    }

    /** Writes a file of the judged commitments into a stream. */
    @FunctionalInterface
    interface FileWriter {
        void write(List<Service.Judgement> judged, LocalDate asOf, OutputStream out) throws IOException;
    }

    private void export(RoutingContext ctx, String type, String filename, FileWriter writer) {
        Query q = new Query(ctx);
        Service.Filter filter = q.filter(true);
        LocalDate asOf = q.date("asOf");
        q.done();
        filter = service.access().restrict(Guard.actor(ctx), filter);
        LocalDate day = asOf == null ? service.today() : asOf;
        stream(ctx, type, filename, service.judgements(filter, asOf), (judged, out) -> writer.write(judged, day, out));
    }

    /** What is written once the data are ready. */
    @FunctionalInterface
    interface Body<T> {
        void write(T data, OutputStream out) throws IOException;
    }

    /**
     * Sends {@code data}, once ready, as a file written by {@code body} on a worker thread. A failure before the
     * first byte is a problem answer; after it the connection is closed, as nothing else can tell the client.
     */
    static <T> void stream(RoutingContext ctx, String type, String filename, CompletableFuture<T> data,
            Body<T> body) {
        Context context = ctx.vertx().getOrCreateContext();
        Future.fromCompletionStage(data, context).onFailure(ctx::fail).onSuccess(ready -> {
            ctx.response().setChunked(true).putHeader("content-type", type).putHeader("content-disposition",
                    "attachment; filename*=UTF-8''" + URLEncoder.encode(filename, StandardCharsets.UTF_8)
                            .replace("+", "%20"));
            ctx.vertx().executeBlocking(() -> {
                ResponseStream out = new ResponseStream(ctx.response(), context);
                body.write(ready, out);
                out.close();
                return null;
            }, false).onFailure(e -> {
                LOG.warn("{} {} stopped while sending", ctx.request().method(), ctx.request().path(), e);
                ctx.response().reset();
            });
        });
    }

    private static Scorecard summary(List<Service.Judgement> judged, LocalDate asOf) {
        List<plancheck.domain.Evaluation> evaluations = judged.stream().map(Service.Judgement::evaluation).toList();
        java.util.Map<String, Commitment> byId = new java.util.HashMap<>();
        judged.forEach(j -> byId.put(j.commitment().id(), j.commitment()));
        return Scorecard.of(asOf, evaluations, e -> orEmpty(byId.get(e.commitmentId()).category()),
                e -> orEmpty(byId.get(e.commitmentId()).owner()));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
