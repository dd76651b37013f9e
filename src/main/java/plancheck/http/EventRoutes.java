package plancheck.http;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import plancheck.domain.Action;
import plancheck.domain.Actor;
import plancheck.domain.Commitment;
import plancheck.service.Service;

/**
 * {@code GET /api/events}: server-sent events telling open pages that something changed. A change is a successful
 * write to commitments, results, reviews or imports, seen when its answer has gone out (so after the commit). An
 * event that names its commitment ({@code result}, {@code review}, {@code commitment}: data
 * {@code {"commitmentId", "district", "kind"}}, kind one of result, review, revision, retire) goes only to listeners
 * who may read its district (before or after the write, for a revision that moves it); a write that names no single
 * commitment (a batch, an import, a creation) sends a bare {@code changed} with no data to every listener, whose
 * pages then re-read what they show through their own scope.
 */
public final class EventRoutes implements Routes {

    private static final Pattern COMMITMENT = Pattern.compile("^/api/commitments/([^/]+)(/results)?$");
    private static final long HEARTBEAT_MS = 15_000;
    /** Where a route whose path names no commitment (a review names a result) says which one it changed. */
    static final String SUBJECT = "plancheck.event.commitment";

    private final Service service;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    private record Listener(HttpServerResponse response, Actor actor) {
    }

    public EventRoutes(Service service) {
        this.service = service;
    }

    @Override
    public void mount(Router router) {
        // first of all routes, so every write is seen whichever route answers it
        router.route().order(-1).handler(this::watch);
        router.get("/api/events").handler(this::listen);
    }

    /** How many pages are listening (for tests and the benchmark). */
    public int listeners() {
        return listeners.size();
    }

    private void watch(RoutingContext ctx) {
        HttpMethod m = ctx.request().method();
        String path = ctx.request().path();
        if (m != HttpMethod.GET && path.startsWith("/api/") && !path.startsWith("/api/session")
                && !path.startsWith("/api/users") && !path.startsWith("/api/tokens")) {
            // the commitment as it was before the write: a retired one is gone from the live ones afterwards
            Matcher c = COMMITMENT.matcher(path);
            Optional<Commitment> before = c.matches() ? service.commitment(c.group(1)) : Optional.empty();
            ctx.addEndHandler(done -> {
                int status = ctx.response().getStatusCode();
                if (done.succeeded() && status >= 200 && status < 300 && !path.equals("/api/imports")) {
                    publish(m, path, before, ctx.get(SUBJECT));
                }
            });
        }
        ctx.next();
    }

    private void listen(RoutingContext ctx) {
        new Query(ctx).done();
        HttpServerResponse response = ctx.response();
        response.setChunked(true).putHeader("content-type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store").putHeader("X-Accel-Buffering", "no");
        Listener listener = new Listener(response, Guard.actor(ctx));
        listeners.add(listener);
        long timer = ctx.vertx().setPeriodic(HEARTBEAT_MS, t -> response.write(": heartbeat\n\n"));
        response.closeHandler(v -> {
            listeners.remove(listener);
            ctx.vertx().cancelTimer(timer);
        });
        response.write("retry: 2000\nevent: hello\ndata: {}\n\n");
    }

    private void publish(HttpMethod method, String path, Optional<Commitment> before, String subject) {
        Matcher m = COMMITMENT.matcher(path);
        String id = subject != null ? subject : m.matches() ? m.group(1) : null;
        Optional<Commitment> after = id == null ? Optional.empty() : service.commitment(id);
        Optional<Commitment> c = after.or(() -> before);
        String kind = path.startsWith("/api/results/") ? "review"
                : m.matches() && m.group(2) != null ? "result"
                : method == HttpMethod.DELETE ? "retire" : "revision";
        String type = kind.equals("review") || kind.equals("result") ? kind : "commitment";
        for (Listener l : listeners) {
            String frame;
            if (c.isPresent()) {
                if (!may(l.actor(), after) && !may(l.actor(), before)) {
                    continue;
                }
                frame = "event: " + type + "\ndata: {\"commitmentId\":" + quote(c.get().id()) + ",\"district\":"
                        + quote(c.get().district()) + ",\"kind\":" + quote(kind) + "}\n\n";
            } else {
                frame = "event: changed\ndata: {}\n\n";
            }
            l.response().write(frame);
        }
    }

    private boolean may(Actor actor, Optional<Commitment> c) {
        return c.isPresent() && service.access().may(actor, Action.READ, c.get().district());
    }

    private static String quote(String s) {
        return new String(JsonBodies.bytes(s), java.nio.charset.StandardCharsets.UTF_8);
    }
}
