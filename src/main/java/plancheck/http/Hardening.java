package plancheck.http;

import java.util.Set;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.TimeoutHandler;

import plancheck.Config;

/**
 * What every answer gets before any route runs: a request timeout, security headers, and CORS for the configured
 * origins only (none by default, so no other site's page can read the API through a visitor's browser).
 */
final class Hardening {

    /** Pages are plain scripts and styles from this server; charts set inline styles. */
    static final String CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
            + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private Hardening() {
    }

    static void mount(Router router, Config config) {
        // the event stream stays open by design; every other request has its time limit
        TimeoutHandler timeout = TimeoutHandler.create(config.requestTimeoutMs());
        router.route().handler(ctx -> {
            if (ctx.request().path().equals("/api/events")) {
                ctx.next();
            } else {
                timeout.handle(ctx);
            }
        });
        router.route().handler(ctx -> {
            ctx.response().headers()
                    .set("X-Content-Type-Options", "nosniff")
                    .set("X-Frame-Options", "DENY")
                    .set("Referrer-Policy", "no-referrer")
                    .set("Content-Security-Policy", CSP)
                    .set("Cross-Origin-Opener-Policy", "same-origin");
            if (ctx.request().path().startsWith("/api/")) {
                ctx.response().headers().set("Cache-Control", "no-store");
            }
            ctx.next();
        });
        Set<String> origins = config.corsOrigins();
        if (!origins.isEmpty()) {
            router.route().handler(CorsHandler.create().addOrigins(java.util.List.copyOf(origins))
                    .allowCredentials(true)
                    .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE))
                    .allowedHeaders(Set.of("Content-Type", "Authorization")));
        }
    }
}
