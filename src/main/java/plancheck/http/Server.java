package plancheck.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/** Serves a router on one port; deploy one instance per event loop to use every core. */
public final class Server extends VerticleBase {

    private final Router router;
    private final String host;
    private final int port;
    private HttpServer server;

    public Server(Router router, String host, int port) {
        this.router = router;
        this.host = host;
        this.port = port;
    }

    @Override
    public Future<?> start() {
        return vertx.createHttpServer().requestHandler(router).listen(port, host).onSuccess(s -> server = s);
    }

    /** The port actually bound (useful when asked for port 0). */
    public int actualPort() {
        return server.actualPort();
    }
}
