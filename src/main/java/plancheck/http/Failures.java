package plancheck.http;

import java.util.List;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

import plancheck.service.FieldError;
import plancheck.service.Rejected;

/** The one place that turns any failure into an {@code application/problem+json} answer. */
final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    /** Failure handler for every route, also the router's handler of 404, 405 and 500. */
    static void handle(RoutingContext ctx) {
        send(ctx, problem(ctx));
    }

    /** The router refused the request before any route ran, e.g. a path with a broken %-escape. */
    static void badRequest(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        send(ctx, Problem.of("bad-request", "Bad request", 400,
                failure == null || failure.getMessage() == null ? "the request cannot be read" : failure.getMessage(),
                List.of()));
    }

    static Problem problem(RoutingContext ctx) {
        Throwable failure = unwrap(ctx.failure());
        if (failure instanceof Problem.Raised raised) {
            return raised.problem();
        }
        if (failure instanceof Rejected.Invalid invalid) {
            return Problem.of("invalid-fields", "The request breaks the domain rules", 400, invalid.getMessage(),
                    invalid.errors());
        }
        if (failure instanceof Rejected.NotFound notFound) {
            return Problem.of("not-found", "No such " + notFound.thing(), 404, notFound.getMessage(), notFound.errors());
        }
        if (failure instanceof Rejected.Forbidden forbidden) {
            return Problem.of("forbidden", "Not allowed", 403, forbidden.getMessage(), forbidden.errors());
        }
        if (failure instanceof Rejected.Unauthorized unauthorized) {
            return Problem.of("unauthorized", "Credentials required", 401, unauthorized.getMessage(),
                    unauthorized.errors());
        }
        if (failure instanceof Rejected.Throttled throttled) {
            ctx.response().putHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
            return Problem.of("too-many-attempts", "Too many refused logins", 429, throttled.getMessage(),
                    throttled.errors());
        }
        if (failure instanceof Rejected.Conflict conflict) {
            return Problem.of("conflict", "The request clashes with what is stored", 409, conflict.getMessage(),
                    conflict.errors());
        }
        int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
        String path = ctx.request().path();
        return switch (status) {
            case 404 -> Problem.of("no-route", "No such resource", 404, "nothing is served at " + path, List.of());
            case 405 -> Problem.of("method-not-allowed", "Method not allowed", 405,
                    ctx.request().method() + " is not allowed on " + path, List.of());
            case 413 -> Problem.of("body-too-large", "Request body too large", 413,
                    "the body exceeds the limit of this server", List.of(new FieldError("", "body too large")));
            case 503 -> Problem.of("timeout", "Request timed out", 503, "the request was not answered in time;"
                    + " a write may or may not have been stored: read it back before retrying", List.of());
            case 400 -> Problem.of("bad-request", "Bad request", 400,
                    failure == null ? "bad request" : failure.getMessage(), List.of());
            default -> {
                if (status > 0 && status < 500) {
                    yield Problem.of("http-" + status, "HTTP " + status, status, "request refused", List.of());
                }
                LOG.error("{} {} failed", ctx.request().method(), path, failure);
                yield Problem.of("internal", "Internal error", 500, "the server failed; nothing was changed",
                        List.of());
            }
        };
    }

    static void send(RoutingContext ctx, Problem problem) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer realm=\"plancheck\"");
        }
        response.setStatusCode(problem.status()).putHeader("content-type", Problem.MEDIA_TYPE + "; charset=utf-8")
                .end(Buffer.buffer(JsonBodies.bytes(problem)));
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
