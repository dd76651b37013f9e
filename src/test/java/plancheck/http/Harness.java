package plancheck.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;

import plancheck.App;
import plancheck.Config;
import plancheck.store.Json;

/**
 * A real server on a free port over a data folder, a client, and the OpenAPI contract every answer is checked
 * against. Today is fixed at {@link #TODAY} so evaluations do not depend on when the tests run.
 */
final class Harness implements AutoCloseable {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-30T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

    /** 台账 import limits small enough for test files to pass them. */
    static final plancheck.ledger.Table.Limits LIMITS = new plancheck.ledger.Table.Limits(50, 16L << 20, 100,
            1L << 20);

    /** One answer: status, content type, the parsed body (null when empty or not JSON) and the headers. */
    record Answer(int status, String contentType, JsonNode json, String text, Map<String, String> headers) {
        Answer(int status, String contentType, JsonNode json, String text) {
            this(status, contentType, json, text, Map.of());
        }

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** Request header value that sends no Authorization at all (an anonymous request). */
    static final String ANONYMOUS = "";

    final Vertx vertx;
    final App app;
    final WebClient client;
    private final ResponseValidator validator;
    /** an admin's API token, sent when a request names no other credential */
    final String adminToken;

    private Harness(Vertx vertx, App app, WebClient client, ResponseValidator validator, String adminToken) {
        this.vertx = vertx;
        this.app = app;
        this.client = client;
        this.validator = validator;
        this.adminToken = adminToken;
    }

    static Harness start(Vertx vertx, Path data) throws Exception {
        return start(vertx, data, s -> { });
    }

    /** @param prepare runs on the ready service before the server listens (e.g. loading the data set) */
    static Harness start(Vertx vertx, Path data, java.util.function.Consumer<plancheck.service.Service> prepare)
            throws Exception {
        return start(vertx, data, Path.of("rules"), false, prepare);
    }

    /** @param rules the rules folder; {@code watch}: reload it on every change */
    static Harness start(Vertx vertx, Path data, Path rules, boolean watch,
            java.util.function.Consumer<plancheck.service.Service> prepare) throws Exception {
        Config config = plancheck.TestStores.config(data).withPort(0).withHost("127.0.0.1").withMaxBodyBytes(64 * 1024)
                .withRules(rules);
        App app = App.start(vertx, config, CLOCK, List.of(s -> new ImportRoutes(s, config.maxBodyBytes()),
                RuleRoutes.on(rules, watch, config.maxBodyBytes()), LedgerRoutes::new,
                s -> new ReminderRoutes(s, config.rules()),
                s -> new LedgerImportRoutes(s, LIMITS), WebRoutes::new, EventRoutes::new),
                prepare);
        WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(app.port()), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(64));
        OpenAPIContract contract = await(OpenAPIContract.from(vertx, validatableContract(data).toString()));
        return new Harness(vertx, app, client, ResponseValidator.create(vertx, contract), adminToken(app));
    }

    /** The admin of the test data folder (created on its first start) and a fresh token of theirs. */
    private static String adminToken(App app) {
        plancheck.service.Accounts accounts = app.service().accounts();
        LocalDate expires = TODAY.plusDays(30);
        if (accounts.noUsers()) {
            return accounts.bootstrap(new plancheck.domain.User("admin", "管理员", List.of(new plancheck.domain.Grant(
                    plancheck.domain.Role.ADMIN, null)), false), null, "tests", expires).secret();
        }
        return accounts.createToken(plancheck.domain.Actor.system("tests"), "tests", expires, "admin").join()
                .secret();
    }

    /**
     * Creates a user with one role (and, when {@code password} is given, a password) and returns an API token of
     * theirs; scope null for admin.
     */
    String userToken(String login, plancheck.domain.Role role, String scope, String password) {
        plancheck.service.Accounts accounts = app.service().accounts();
        plancheck.domain.Actor admin = plancheck.domain.Actor.system("tests");
        accounts.createUser(admin, new plancheck.domain.User(login, login, List.of(new plancheck.domain.Grant(role,
                scope)), false), password).join();
        return accounts.createToken(admin, "tests", TODAY.plusDays(30), login).join().secret();
    }

    /** The request headers that authenticate with {@code token}. */
    static Map<String, String> as(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** Sends a request; when {@code operationId} is given the answer must match the contract for it. */
    Answer call(HttpMethod method, String uri, String body, String operationId) throws Exception {
        return call(method, uri, body, operationId, Map.of());
    }

    Answer call(HttpMethod method, String uri, String body, String operationId, Map<String, String> requestHeaders)
            throws Exception {
        return send(method, uri, body == null ? null : Buffer.buffer(body), body == null ? null : "application/json",
                operationId, requestHeaders);
    }

    /** Sends a file as an admin; the answer is checked as {@link #call} does. */
    Answer send(HttpMethod method, String uri, byte[] body, String contentType, String operationId) throws Exception {
        return send(method, uri, Buffer.buffer(body), contentType, operationId, Map.of());
    }

    /** GETs a file as an admin, asserting 200; the body's bytes. */
    byte[] download(String uri) throws Exception {
        HttpResponse<Buffer> r = await(client.get(uri).putHeader("Authorization", "Bearer " + adminToken).send());
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r.body().getBytes();
    }

    /** Sends these bytes under this content type (null: none) as they are. */
    Answer send(HttpMethod method, String uri, Buffer body, String contentType, String operationId,
            Map<String, String> requestHeaders) throws Exception {
        HttpRequest<Buffer> request = client.request(method, uri);
        if (!requestHeaders.containsKey("Authorization")) {
            request.putHeader("Authorization", "Bearer " + adminToken);
        }
        requestHeaders.forEach((k, v) -> {
            if (!v.equals(ANONYMOUS)) {
                request.putHeader(k, v);
            }
        });
        if (contentType != null) {
            request.putHeader("content-type", contentType);
        }
        Future<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendBuffer(body);
        HttpResponse<Buffer> response = await(sent);
        String answered = response.getHeader("content-type");
        Buffer raw = response.body();
        if (operationId != null) {
            Map<String, String> headers = headers(response.headers());
            headers.put("content-type", validatableType(answered));
            // the validator reads JSON bodies only (a text/plain Buffer is refused): text and file answers (CSV,
            // xlsx) are checked by the tests themselves, for their content type and content
            if (answered == null || answered.contains("json")) {
                await(validator.validate(ValidatableResponse.create(response.statusCode(), headers, raw,
                        validatableType(answered)), operationId));
            }
        }
        JsonNode json = raw != null && answered != null && answered.contains("json")
                ? Json.MAPPER.readTree(raw.getBytes()) : null;
        return new Answer(response.statusCode(), answered, json, raw == null ? null : raw.toString(),
                headers(response.headers()));
    }

    /** Asserts the answer is a problem+json with this status, naming this field among its errors. */
    static void assertProblem(Answer a, int status, String field) {
        assertThat(a.status()).as(a.text()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().get("status").asInt()).isEqualTo(status);
        assertThat(a.json().get("type").asText()).startsWith("https://");
        assertThat(a.json().get("title").asText()).isNotBlank();
        assertThat(a.json().get("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(a.json().get("errors").findValuesAsText("field")).as(a.text()).contains(field);
        }
    }

    /*
     * The contract validator knows no application/problem+json (only plain and vendor JSON types), so the tests
     * check against a copy of the contract that calls it application/json; the schemas are the served ones.
     */
    private static Path validatableContract(Path data) throws java.io.IOException {
        String served = java.nio.file.Files.readString(Path.of("src/main/resources/openapi.yaml"));
        Path copy = data.resolveSibling(data.getFileName() + "-openapi.yaml");
        // nor spreadsheet and CSV files, nor text/event-stream (GET /api/events): the tests read those themselves
        java.nio.file.Files.writeString(copy, served.replace(Problem.MEDIA_TYPE, "application/json")
                .replace(LedgerRoutes.XLSX + ":", "application/octet-stream:").replace("text/csv:", "text/plain:")
                .replace("text/event-stream", "text/plain"));
        return copy;
    }

    /** The media type without parameters, problem+json as application/json (see above). */
    private static String validatableType(String contentType) {
        if (contentType == null) {
            return null;
        }
        String type = contentType.split(";")[0].strip();
        return type.equals(Problem.MEDIA_TYPE) ? "application/json" : type;
    }

    private static Map<String, String> headers(MultiMap headers) {
        Map<String, String> out = new java.util.HashMap<>();
        headers.forEach(e -> out.put(e.getKey().toLowerCase(), e.getValue()));
        return out;
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        client.close();
        app.close();
    }
}
