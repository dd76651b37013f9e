package plancheck.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

import plancheck.App;
import plancheck.domain.Actor;
import plancheck.domain.Grant;
import plancheck.domain.Role;
import plancheck.domain.User;
import plancheck.service.Accounts;
import plancheck.Config;
import plancheck.domain.Status;

/** The data set loaded by a started server, seen over HTTP. */
class DatasetServeTest {

    @TempDir
    Path data;

    private Vertx vertx;
    private WebClient http;
    private App app;
    private String token;
    private final AtomicReference<DatasetLoader.Loaded> loaded = new AtomicReference<>();

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        http = WebClient.create(vertx);
    }

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** Starts the server the way {@code serve} does, with the data set choice of its flags. */
    private void serve(boolean reference, boolean demo) throws Exception {
        if (app != null) {
            app.close();
        }
        app = App.start(vertx, plancheck.TestStores.config(data).withPort(0), Clock.systemDefaultZone(), List.of(),
                service -> loaded.set(DatasetLoader.loadIfEmpty(service, reference, demo)));
        Accounts accounts = app.service().accounts();
        Actor tests = Actor.system("tests");
        if (accounts.noUsers()) {
            accounts.createUser(tests, new User("tester", "测试", List.of(new Grant(Role.VIEWER, "shenzhen"),
                    new Grant(Role.VIEWER, "demo"), new Grant(Role.PLANNER, "guanhu")), false),
                    null).join();
        }
        token = accounts.createToken(tests, "tests", LocalDate.now().plusDays(1), "tester").join().secret();
    }

    private JsonObject get(String path) {
        var response = http.get(app.port(), "localhost", path).bearerTokenAuthentication(token).send().toCompletionStage().toCompletableFuture()
                .join();
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.bodyAsJsonObject();
    }

    private static int total(List<DataFile> files) {
        return files.stream().mapToInt(f -> f.commitments().size()).sum();
    }

    @Test
    void givenAnEmptyStoreWhenServingThenEveryReferenceCommitmentAndResultIsThere() throws Exception {
        List<DataFile> reference = Dataset.reference();

        serve(true, false);

        assertThat(loaded.get().commitments()).isEqualTo(total(reference));
        assertThat(loaded.get().results()).isEqualTo(reference.stream().mapToInt(f -> f.results().size()).sum());
        assertThat(get("/api/commitments?district=guanhu").getInteger("total")).isEqualTo(78);
        assertThat(get("/api/commitments?district=fenghuang").getInteger("total")).isEqualTo(32);
        assertThat(get("/api/commitments?district=demo").getInteger("total")).as("no demo without --demo").isZero();
    }

    @Test
    void givenARestartOnTheSameStoreThenTheDataSetIsNotLoadedAgain() throws Exception {
        serve(true, false);
        int stored = app.service().size();

        serve(true, true);

        assertThat(loaded.get()).isEqualTo(new DatasetLoader.Loaded(0, 0));
        assertThat(app.service().size()).isEqualTo(stored);
        assertThat(get("/api/commitments/guanhu-2023-001/revisions").getJsonArray("revisions")).hasSize(1);
    }

    @Test
    void givenNoReferenceDataThenTheStoreStartsEmpty() throws Exception {
        serve(false, false);

        assertThat(app.service().size()).isZero();
        assertThat(get("/api/commitments").getInteger("total")).isZero();
    }

    @Test
    void givenDataOfItsOwnThenTheStoreIsLeftAsItIs() throws Exception {
        serve(false, false);
        JsonObject mine = new JsonObject().put("district", "guanhu").put("year", 2023).put("title", "自定承诺")
                .put("kind", "BINARY").put("metric", "task_done").put("revision", 1);
        var created = http.post(app.port(), "localhost", "/api/commitments").bearerTokenAuthentication(token)
                .sendJsonObject(mine).toCompletionStage()
                .toCompletableFuture().join();
        assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);

        serve(true, true);

        assertThat(loaded.get()).isEqualTo(new DatasetLoader.Loaded(0, 0));
        assertThat(get("/api/commitments").getInteger("total")).isEqualTo(1);
    }

    @Test
    void givenTheDemoThenEveryStatusIsServedAndEveryResultIsMarkedSample() throws Exception {
        serve(false, true);

        JsonArray evaluations = get("/api/evaluations?district=demo").getJsonArray("items");
        Set<Status> statuses = evaluations.stream().map(e -> Status.valueOf(((JsonObject) e).getString("status")))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Status.class)));
        assertThat(statuses).containsExactlyInAnyOrder(Status.values());
        for (Object e : evaluations) {
            String id = ((JsonObject) e).getString("commitmentId");
            JsonArray results = http.get(app.port(), "localhost", "/api/commitments/" + id + "/results")
                    .bearerTokenAuthentication(token).send()
                    .toCompletionStage().toCompletableFuture().join().bodyAsJsonArray();
            results.forEach(r -> assertThat(((JsonObject) r).getBoolean("sample")).as(id).isTrue());
        }
        assertThat(get("/api/commitments?district=guanhu").getInteger("total")).as("demo only").isZero();
    }
}
