package plancheck;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

import plancheck.engine.Engine;
import plancheck.engine.RuleBuildException;
import plancheck.http.Api;
import plancheck.http.Routes;
import plancheck.http.Server;
import plancheck.service.Service;
import plancheck.store.Store;

/**
 * The running application: storage opened, rules built, stored data loaded into the engine, then HTTP served. The
 * server listens only once all of that is done, so {@code /health} answers 200 as soon as it answers at all.
 */
public final class App implements AutoCloseable {

    private final Vertx vertx;
    private final Store store;
    private final Engine engine;
    private final Service service;
    private final List<String> deployments;
    private final int port;

    private App(Vertx vertx, Store store, Engine engine, Service service, List<String> deployments, int port) {
        this.vertx = vertx;
        this.store = store;
        this.engine = engine;
        this.service = service;
        this.deployments = deployments;
        this.port = port;
    }

    public static App start(Vertx vertx, Config config, Clock clock) throws RuleBuildException {
        return start(vertx, config, clock, List.of(), service -> { });
    }

    /**
     * Starts everything and serves HTTP; blocks until the server listens (call it off the event loop).
     *
     * @param routes  further route groups built on the service (e.g. the report import)
     * @param prepare runs on the ready service before the server listens (e.g. loading the reference data set)
     * @throws RuleBuildException when a rule does not compile; nothing is left running
     */
    public static App start(Vertx vertx, Config config, Clock clock, List<Function<Service, Routes>> routes,
            Consumer<Service> prepare) throws RuleBuildException {
        Store store = Store.open(config.effectiveJdbcUrl(), config.jdbcUser(), config.jdbcPassword());
        Engine engine = null;
        Service service = null;
        try {
            engine = Engine.start(config.rules(), config.partitions(), clock);
            service = Service.start(store, engine, clock);
            prepare.accept(service);
            Service ready = service;
            Router router = Api.router(vertx, service, config,
                    routes.stream().map(r -> r.apply(ready)).toList());
            // one server per event loop, sharing one port; Vert.x shares a port only when it is named, so 0 is
            // resolved to a free port first
            int port = config.port() == 0 ? freePort(config.host()) : config.port();
            List<String> deployments = List.of(join(vertx.deployVerticle(() -> new Server(router, config.host(), port, config.idleTimeoutSeconds()),
                    new DeploymentOptions().setInstances(Math.max(1, Runtime.getRuntime().availableProcessors())))));
            return new App(vertx, store, engine, service, deployments, port);
        } catch (RuleBuildException | RuntimeException e) {
            close(service, engine, store);
            throw e;
        }
    }

    /** The port the server listens on. */
    public int port() {
        return port;
    }

    public Service service() {
        return service;
    }

    /** Stops serving, then closes the service, the engine and the database. */
    @Override
    public void close() {
        deployments.forEach(d -> join(vertx.undeploy(d)));
        close(service, engine, store);
    }

    private static int freePort(String host) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static <T> T join(io.vertx.core.Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }

    private static void close(AutoCloseable... parts) {
        for (AutoCloseable part : parts) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception ignored) {
                    // close the rest anyway
                }
            }
        }
    }
}
