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
    private final String deployment;
    private final int port;

    private App(Vertx vertx, Store store, Engine engine, Service service, String deployment, int port) {
        this.vertx = vertx;
        this.store = store;
        this.engine = engine;
        this.service = service;
        this.deployment = deployment;
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
            Router router = Api.router(vertx, service, config.maxBodyBytes(),
                    routes.stream().map(r -> r.apply(ready)).toList());
            // one server per event loop; with port 0 they share the one free port Vert.x picks
            Server[] first = new Server[1];
            String deployment = vertx.deployVerticle(() -> {
                Server s = new Server(router, config.host(), config.port());
                if (first[0] == null) {
                    first[0] = s;
                }
                return s;
            }, new DeploymentOptions().setInstances(Math.max(1, Runtime.getRuntime().availableProcessors())))
                    .toCompletionStage().toCompletableFuture().join();
            return new App(vertx, store, engine, service, deployment, first[0].actualPort());
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
        vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().join();
        close(service, engine, store);
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
