package plancheck.http;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import plancheck.engine.RuleBuildException;
import plancheck.ledger.Layout;
import plancheck.reminder.Level;
import plancheck.reminder.Reminder;
import plancheck.reminder.ReminderRules;
import plancheck.reminder.ReminderSheets;
import plancheck.reminder.Reminders;
import plancheck.service.FieldError;
import plancheck.service.Service;

/**
 * The 督办 feed: {@code GET /api/reminders} lists what needs chasing with why and how urgently (rules in
 * {@code rules/plancheck/reminders}); {@code GET /api/reminders.xlsx} is the same as 督办单, one sheet per 责任单位.
 */
public final class ReminderRoutes implements Routes {

    private static final int MAX_WITHIN = 366;

    private final Service service;
    private final Reminders reminders;
    private final ReminderSheets sheets;

    /** @throws IllegalStateException when the reminder rules do not compile (file, line and message) */
    public ReminderRoutes(Service service, Path rules) {
        this.service = service;
        try {
            this.reminders = new Reminders(ReminderRules.build(rules), service::policy);
        } catch (RuleBuildException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        this.sheets = new ReminderSheets(Layout.load(), reminders.words());
    }

    /** The feed: the date, the window, counts by level and the items, most urgent first. */
    record Feed(LocalDate asOf, int within, int total, Map<Level, Integer> byLevel, List<Reminder> items) {
        static Feed of(LocalDate asOf, int within, List<Reminder> items) {
            Map<Level, Integer> byLevel = new EnumMap<>(Level.class);
            for (Level l : Level.values()) {
                byLevel.put(l, 0);
            }
            items.forEach(r -> byLevel.merge(r.level(), 1, Integer::sum));
            return new Feed(asOf, within, items.size(), byLevel, items);
        }
    }

    /** A checked request. */
    private record Request(LocalDate day, int within, CompletableFuture<List<Reminder>> items) {
    }

    @Override
    public void mount(Router router) {
        router.get("/api/reminders").handler(ctx -> {
            Request r = request(ctx);
            r.items().whenComplete((items, failure) -> ctx.vertx().getOrCreateContext().runOnContext(v -> {
                if (failure != null) {
                    ctx.fail(failure);
                } else {
                    ctx.response().putHeader("content-type", "application/json; charset=utf-8")
                            .end(Buffer.buffer(JsonBodies.bytes(Feed.of(r.day(), r.within(), items))));
                }
            }));
        });
        router.get("/api/reminders.xlsx").handler(ctx -> {
            Request r = request(ctx);
            LedgerRoutes.stream(ctx, LedgerRoutes.XLSX, "督办单.xlsx", r.items(),
                    (items, out) -> sheets.write(items, r.day(), out));
        });
    }

    private Request request(RoutingContext ctx) {
        Query q = new Query(ctx);
        Service.Filter filter = q.filter(true);
        LocalDate asOf = q.date("asOf");
        Integer within = q.integer("within");
        q.done();
        filter = service.access().restrict(Guard.actor(ctx), filter);
        if (within != null && (within < 0 || within > MAX_WITHIN)) {
            throw Problem.badRequest("bad-query", "Bad query parameters", "some query parameters are invalid",
                    List.of(new FieldError("within", "must be between 0 and " + MAX_WITHIN + " (days)")));
        }
        int days = within == null ? reminders.defaultWithin() : within;
        LocalDate day = asOf == null ? service.today() : asOf;
        // the rules run off the event loop, on the thread that completes the evaluations
        return new Request(day, days, service.judgements(filter, asOf)
                .thenApplyAsync(judged -> reminders.of(judged, days)));
    }
}
