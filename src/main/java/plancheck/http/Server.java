package plancheck.http;

import java.util.List;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;

import plancheck.service.FieldError;

/** Serves a router on one port; deploy one instance per event loop to use every core. */
public final class Server extends VerticleBase {

    /** Longest request line (method, path, query) and the most header bytes a request may send. */
    static final int MAX_LINE = 4096;
    static final int MAX_HEADERS = 8192;

    private final Router router;
    private final String host;
    private final int port;
    private final int idleTimeoutSeconds;
    private HttpServer server;

    public Server(Router router, String host, int port, int idleTimeoutSeconds) {
        this.router = router;
        this.host = host;
        this.port = port;
        this.idleTimeoutSeconds = idleTimeoutSeconds;
    }

    @Override
    public Future<?> start() {
        HttpServerOptions options = new HttpServerOptions().setIdleTimeout(idleTimeoutSeconds)
                .setMaxInitialLineLength(MAX_LINE).setMaxHeaderSize(MAX_HEADERS);
        return vertx.createHttpServer(options).invalidRequestHandler(Server::invalid).requestHandler(router)
                .listen(port, host).onSuccess(s -> server = s);
    }

    /** A request the HTTP decoder could not read: too long a line (414), too many header bytes (431), else 400. */
    private static void invalid(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        Problem p;
        if (cause instanceof TooLongHttpLineException) {
            p = Problem.of("uri-too-long", "Request line too long", 414, "the request line exceeds " + MAX_LINE
                    + " bytes", List.of(new FieldError("uri", "longer than " + MAX_LINE + " bytes")));
        } else if (cause instanceof TooLongHttpHeaderException) {
            p = Problem.of("headers-too-large", "Request headers too large", 431, "the headers exceed " + MAX_HEADERS
                    + " bytes", List.of(new FieldError("headers", "larger than " + MAX_HEADERS + " bytes")));
        } else {
            p = Problem.of("bad-request", "Bad request", 400, "the request cannot be read"
                    + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()), List.of());
        }
        request.response().setStatusCode(p.status()).putHeader("content-type", Problem.MEDIA_TYPE + "; charset=utf-8")
                .putHeader("connection", "close").end(Buffer.buffer(JsonBodies.bytes(p)));
    }

    /** The port actually bound (useful when asked for port 0). */
    public int actualPort() {
        return server.actualPort();
    }
}
