package plancheck.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

import io.vertx.core.Vertx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

import plancheck.App;
import plancheck.Config;
import plancheck.dataset.DatasetException;
import plancheck.dataset.DatasetLoader;
import plancheck.engine.RuleBuildException;
import plancheck.http.EventRoutes;
import plancheck.http.ImportRoutes;
import plancheck.http.RuleRoutes;
import plancheck.http.LedgerImportRoutes;
import plancheck.http.LedgerRoutes;
import plancheck.http.ReminderRoutes;
import plancheck.http.Routes;
import plancheck.http.WebRoutes;
import plancheck.service.Service;

/** {@code serve}: opens storage, builds the rules and serves the HTTP API until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, defaultValueProvider = ServeCommand.Defaults.class,
        description = "Serve the HTTP API. Defaults come from the PLANCHECK_* environment variables, else from"
                + " the built-in configuration; flags override both.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port, 0 = any free one (PLANCHECK_PORT; default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", description = "address to bind (PLANCHECK_HOST; default ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--data", description = "folder of the embedded database (PLANCHECK_DATA; default ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--rules", description = "folder of the .drl rule files (PLANCHECK_RULES; default ${DEFAULT-VALUE})")
    Path rules;

    @Option(names = "--jdbc-url", description = "use this database instead of the embedded one, e.g."
            + " jdbc:postgresql://host/plancheck (PLANCHECK_JDBC_URL)")
    String jdbcUrl;

    @Option(names = "--jdbc-user", description = "database user for --jdbc-url (PLANCHECK_JDBC_USER)")
    String jdbcUser;

    @Option(names = "--jdbc-password", description = "database password for --jdbc-url (PLANCHECK_JDBC_PASSWORD)")
    String jdbcPassword;

    @Option(names = "--partitions", description = "rule sessions, one thread each (PLANCHECK_PARTITIONS;"
            + " default ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--max-body-bytes", description = "largest request body, larger gets 413"
            + " (PLANCHECK_MAX_BODY_BYTES; default ${DEFAULT-VALUE})")
    long maxBodyBytes;

    @Option(names = "--public-scorecards", arity = "1", description = "scorecards and districts readable without"
            + " credentials, for 政务公开 (PLANCHECK_PUBLIC_SCORECARDS; default ${DEFAULT-VALUE})")
    boolean publicScorecards;

    @Option(names = "--cors-origin", description = "an origin whose pages may call the API from a browser; repeat"
            + " for more (PLANCHECK_CORS_ORIGINS, comma-separated; default none)")
    java.util.Set<String> corsOrigins;

    @Option(names = "--secure-cookies", arity = "1", description = "session cookies only over HTTPS, behind a TLS"
            + " proxy (PLANCHECK_SECURE_COOKIES; default ${DEFAULT-VALUE})")
    boolean secureCookies;

    @Option(names = "--idle-timeout", description = "seconds before an idle connection is closed"
            + " (PLANCHECK_IDLE_TIMEOUT_SECONDS; default ${DEFAULT-VALUE})")
    int idleTimeoutSeconds;

    @Option(names = "--request-timeout", description = "milliseconds before an unanswered request gets 503"
            + " (PLANCHECK_REQUEST_TIMEOUT_MS; default ${DEFAULT-VALUE})")
    long requestTimeoutMs;

    @Option(names = "--no-reference-data", description = "start without the reference data set (it is loaded only"
            + " into an empty database on first start)")
    boolean noReferenceData;

    @Option(names = "--watch-rules", description = "reload the rules whenever a file in the rules folder changes"
            + " (a broken edit is refused and logged; the rules in use stay)")
    boolean watchRules;

    @Option(names = "--demo", description = "also load the illustrative demo scenario (made-up sample data showing"
            + " every status; only into an empty database)")
    boolean demo;

    /** The configuration these options describe. */
    public Config config() {
        Config env = Config.fromEnvironment(System.getenv());
        return new Config(port, host, data, rules, jdbcUrl, jdbcUser, jdbcPassword, partitions, maxBodyBytes,
                publicScorecards, corsOrigins == null ? env.corsOrigins() : corsOrigins, secureCookies,
                idleTimeoutSeconds, requestTimeoutMs);
    }

    @Override
    public Integer call() {
        Config config = config();
        Vertx vertx = Vertx.vertx();
        App app;
        try {
            app = App.start(vertx, config, Clock.systemDefaultZone(), routes(), this::prepare);
        } catch (RuleBuildException | DatasetException e) {
            System.err.println(e.getMessage());
            vertx.close();
            return 2;
        }
        System.out.println("plancheck listening on http://" + config.host() + ":" + app.port() + " (rules "
                + app.service().ruleset().revision() + ", " + app.service().size() + " commitments)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            vertx.close().toCompletionStage().toCompletableFuture().join();
            stopped.countDown();
        }, "plancheck-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Route groups beyond the built-in API (e.g. the report import), each built on the ready service. */
    List<Function<Service, Routes>> routes() {
        long maxBodyBytes = config().maxBodyBytes();
        java.nio.file.Path rules = config().rules();
        return List.of(service -> new ImportRoutes(service, maxBodyBytes),
                RuleRoutes.on(config().rules(), watchRules, maxBodyBytes), LedgerRoutes::new,
                service -> new ReminderRoutes(service, rules),
                LedgerImportRoutes::new, WebRoutes::new, EventRoutes::new);
    }

    /** Runs on the ready service before the server listens (e.g. loading the reference data set when empty). */
    void prepare(Service service) {
        DatasetLoader.loadIfEmpty(service, !noReferenceData, demo);
        if (demo && service.accounts().noUsers()) {
            demoUsers(service);
        }
    }

    /** One user per role over the demo district (the admin over everything), with passwords printed once. */
    private static void demoUsers(Service service) {
        plancheck.domain.Actor cli = plancheck.domain.Actor.system("command-line");
        System.out.println("demo users (sample accounts; passwords shown once):");
        for (plancheck.domain.Role role : plancheck.domain.Role.values()) {
            String login = "demo-" + role.key();
            String password = java.util.UUID.randomUUID().toString().substring(0, 18);
            service.accounts().createUser(cli, new plancheck.domain.User(login, "演示" + role.key(), List.of(
                    new plancheck.domain.Grant(role, role == plancheck.domain.Role.ADMIN ? null : "demo")), false),
                    password).join();
            System.out.println("  " + login + "  " + password);
        }
    }

    /** Option defaults from {@link Config#fromEnvironment}, so --help shows what will really be used. */
    static final class Defaults implements picocli.CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(picocli.CommandLine.Model.ArgSpec arg) {
            if (!(arg instanceof OptionSpec option)) {
                return null;
            }
            Config c = Config.fromEnvironment(System.getenv());
            Object value = switch (option.longestName()) {
                case "--port" -> c.port();
                case "--host" -> c.host();
                case "--data" -> c.data();
                case "--rules" -> c.rules();
                case "--jdbc-url" -> c.jdbcUrl();
                case "--jdbc-user" -> c.jdbcUser();
                case "--jdbc-password" -> c.jdbcPassword();
                case "--partitions" -> c.partitions();
                case "--max-body-bytes" -> c.maxBodyBytes();
                case "--public-scorecards" -> c.publicScorecards();
                case "--secure-cookies" -> c.secureCookies();
                case "--idle-timeout" -> c.idleTimeoutSeconds();
                case "--request-timeout" -> c.requestTimeoutMs();
                default -> null;
            };
            return value == null ? null : value.toString();
        }
    }
}
