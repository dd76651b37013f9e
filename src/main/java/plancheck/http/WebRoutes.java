package plancheck.http;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

import plancheck.service.FieldError;
import plancheck.service.Scorecard;
import plancheck.service.Service;

/**
 * The web app: its pages and scripts from the jar ({@code web/}), ECharts from its WebJar, and the month-end
 * series the dashboard's line chart draws.
 */
public final class WebRoutes implements Routes {

    /** The ECharts WebJar's version (pom.xml); its files sit under this folder of the class path. */
    static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist";

    private final Service service;

    public WebRoutes(Service service) {
        this.service = service;
    }

    /** One point of the series: the scorecard's rates at a month end. */
    record Point(LocalDate asOf, int total, Double completionRate, Double onPaceRate) {
    }

    record Series(List<String> districts, int year, List<Point> points) {
    }

    @Override
    public void mount(Router router) {
        router.get("/").handler(ctx -> ctx.reroute("/web/index.html"));
        router.get("/web/*").handler(StaticHandler.create("web").setCachingEnabled(false)
                .setDefaultContentEncoding("UTF-8"));
        router.get("/webjars/echarts/*").handler(StaticHandler.create(ECHARTS).setDefaultContentEncoding("UTF-8"));
        router.get("/api/scorecard/series").handler(this::series);
    }

    private void series(RoutingContext ctx) {
        Query q = new Query(ctx);
        java.util.Set<String> districts = q.texts("district");
        Integer year = q.integer("year");
        q.done();
        if (year == null) {
            throw Problem.badRequest("bad-query", "Bad query parameters", "year is required",
                    List.of(new FieldError("year", "required")));
        }
        Service.Filter asked = new Service.Filter(districts, year, null, null, null, null, null);
        Service.Filter filter = service.access().restrict(Guard.actor(ctx), asked);
        List<CompletableFuture<Point>> points = new ArrayList<>();
        for (LocalDate end : monthEnds(year, service.today())) {
            points.add(service.scorecard(filter, end).thenApply(WebRoutes::point));
        }
        CompletableFuture<Series> all = CompletableFuture.allOf(points.toArray(CompletableFuture[]::new))
                .thenApply(v -> new Series(filter.districts() == null ? null
                        : filter.districts().stream().sorted().toList(), year,
                        points.stream().map(CompletableFuture::join).toList()));
        Future.fromCompletionStage(all, ctx.vertx().getOrCreateContext()).onComplete(ar -> {
            if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
            }
            ctx.response().putHeader("content-type", "application/json; charset=utf-8")
                    .end(Buffer.buffer(JsonBodies.bytes(ar.result())));
        });
    }

    /** The month ends of {@code year} up to today (today itself when the year is under way). */
    static List<LocalDate> monthEnds(int year, LocalDate today) {
        List<LocalDate> out = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            LocalDate end = YearMonth.of(year, m).atEndOfMonth();
            if (end.isAfter(today)) {
                if (!today.isBefore(LocalDate.of(year, 1, 1))) {
                    out.add(today);
                }
                break;
            }
            out.add(end);
        }
        return out;
    }

    private static Point point(Scorecard s) {
        return new Point(s.asOf(), s.total(), s.completionRate(), s.onPaceRate());
    }
}
