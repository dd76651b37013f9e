package plancheck.http;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;
import static org.assertj.core.api.Assertions.assertThat;
import static plancheck.http.Harness.assertProblem;

import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;

import plancheck.domain.Role;

/** Logging in and out, tokens, who a request is, and what the server says about itself on every answer. */
@ExtendWith(VertxExtension.class)
class AccountsApiTest {

    private static final String PASSWORD = "凤凰街道督办2025上半年";

    @TempDir
    static Path data;
    static Harness h;
    static String planner;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        h = Harness.start(vertx, data);
        planner = h.userToken("planner-fh", Role.PLANNER, "fenghuang", PASSWORD);
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    private static Map<String, String> anonymous() {
        return Map.of("Authorization", Harness.ANONYMOUS);
    }

    private static String login(String user, String password) {
        return "{\"login\": \"" + user + "\", \"password\": \"" + password + "\"}";
    }

    @Test
    void givenTheRightPasswordWhenLoggingInThenAStrictHttpOnlyCookieOpensTheApiUntilLogout() throws Exception {
        Harness.Answer in = h.call(POST, "/api/session", login("planner-fh", PASSWORD), "login", anonymous());
        assertThat(in.status()).as(in.text()).isEqualTo(201);
        String cookie = in.header("set-cookie");
        assertThat(cookie).startsWith(Guard.COOKIE + "=pcs_").containsIgnoringCase("HttpOnly")
                .contains("SameSite=Strict", "Path=/", "Max-Age=43200");
        assertThat(in.json().get("user").get("roles").get(0).get("role").asText()).isEqualTo("planner");
        Map<String, String> session = Map.of("Authorization", Harness.ANONYMOUS, "Cookie", cookie.split(";")[0]);

        Harness.Answer me = h.call(GET, "/api/me", null, "me", session);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("login").asText()).isEqualTo("planner-fh");

        assertThat(h.call(DELETE, "/api/session", null, "logout", session).status()).isEqualTo(204);
        assertProblem(h.call(GET, "/api/me", null, "me", session), 401, "Authorization");
    }

    @Test
    void givenAWrongPasswordThenRefusedAndLoggedAndAfterFiveTheAccountIsThrottledEvenWithTheRightOne()
            throws Exception {
        h.userToken("throttled", Role.VIEWER, "fenghuang", PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertProblem(h.call(POST, "/api/session", login("throttled", "wrong-password"), "login", anonymous()),
                    401, "password");
        }
        Harness.Answer blocked = h.call(POST, "/api/session", login("throttled", PASSWORD), "login", anonymous());
        assertProblem(blocked, 429, "login");
        assertThat(Long.parseLong(blocked.header("retry-after"))).isPositive();
        JsonNode refused = h.call(GET, "/api/audit?entity=session&entityId=throttled", null, "listAudit").json();
        assertThat(refused.findValuesAsText("action")).containsExactly("session.refused", "session.refused",
                "session.refused", "session.refused", "session.refused", "session.throttled");
        h.call(POST, "/api/session", login("throttled", PASSWORD), "login", anonymous());
        assertThat(h.call(GET, "/api/audit?entity=session&entityId=throttled", null, "listAudit").json()
                .findValuesAsText("action")).as("one throttled entry per window, not one per attempt").hasSize(6);
    }

    @Test
    void givenNoOrABadCredentialThen401AndOnlyHealthAndTheContractStayOpen() throws Exception {
        assertProblem(h.call(GET, "/api/commitments", null, "listCommitments", anonymous()), 401, "Authorization");
        Harness.Answer bad = h.call(GET, "/api/commitments", null, "listCommitments", Harness.as("pct_forged"));
        assertProblem(bad, 401, "Authorization");
        assertThat(bad.header("www-authenticate")).startsWith("Bearer");
        assertProblem(h.call(GET, "/api/me", null, "me", Map.of("Authorization", "Basic YWRtaW46YWRtaW4=")), 401,
                "Authorization");
        assertThat(h.call(GET, "/health", null, "health", anonymous()).status()).isEqualTo(200);
        assertThat(h.call(GET, "/openapi.yaml", null, null, anonymous()).status()).isEqualTo(200);
    }

    @Test
    void givenAClaimedUserHeaderThenTheCredentialStillDecidesWhoActed() throws Exception {
        String body = "{\"id\": \"who-acted\", \"district\": \"fenghuang\", \"year\": 2025, \"title\": \"新增托位200个\","
                + " \"kind\": \"AT_LEAST\", \"metric\": \"childcare_places\", \"target\": 200}";
        Harness.Answer created = h.call(POST, "/api/commitments", body, "createCommitment",
                Map.of("Authorization", "Bearer " + planner, "X-User", "admin"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode revisions = h.call(GET, "/api/commitments/who-acted/revisions", null, "listRevisions").json();
        assertThat(revisions.get("revisions").get(0).get("by").asText()).isEqualTo("planner-fh");

        assertProblem(h.call(POST, "/api/commitments/who-acted/results", "{\"value\": 1, \"asOf\": \"2025-06-30\","
                + " \"reportedBy\": \"admin\"}", "reportResult"), 400, "reportedBy");
        assertProblem(h.call(PUT, "/api/commitments/who-acted", body.replaceFirst("\\{", "{\"reason\": \"改\", \"by\":"
                + " \"admin\", "), "reviseCommitment", Harness.as(planner)), 400, "by");
    }

    @Test
    void givenATokenWhenRevokedThenItStopsWorkingAndOnlyItsOwnerOrAnAdminMayRevokeIt() throws Exception {
        Harness.Answer issued = h.call(POST, "/api/tokens", "{\"name\": \"大屏\", \"expires\": \""
                + Harness.TODAY.plusDays(30) + "\"}", "createToken", Harness.as(planner));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        String token = issued.json().get("token").asText();
        String id = issued.json().get("id").asText();
        assertThat(h.call(GET, "/api/me", null, "me", Harness.as(token)).json().get("login").asText())
                .isEqualTo("planner-fh");
        JsonNode listed = h.call(GET, "/api/tokens", null, "listTokens", Harness.as(planner)).json();
        assertThat(listed.findValuesAsText("id")).contains(id);
        assertThat(listed.toString()).doesNotContain(token);

        String other = h.userToken("viewer-other", Role.VIEWER, "guanhu", null);
        assertProblem(h.call(DELETE, "/api/tokens/" + id, null, "revokeToken", Harness.as(other)), 404, "id");
        assertThat(h.call(DELETE, "/api/tokens/" + id, null, "revokeToken", Harness.as(planner)).status())
                .isEqualTo(204);
        assertProblem(h.call(GET, "/api/me", null, "me", Harness.as(token)), 401, "Authorization");
    }

    @Test
    void givenTokenRequestsThatBreakTheRulesThenEachIsRefused() throws Exception {
        assertProblem(h.call(POST, "/api/tokens", "{\"name\": \"x\", \"expires\": \"" + Harness.TODAY + "\"}",
                "createToken", Harness.as(planner)), 400, "expires");
        assertProblem(h.call(POST, "/api/tokens", "{\"name\": \"x\", \"expires\": \"" + Harness.TODAY.plusYears(2)
                + "\"}", "createToken", Harness.as(planner)), 400, "expires");
        assertProblem(h.call(POST, "/api/tokens", "{\"name\": \"x\", \"expires\": \"" + Harness.TODAY.plusDays(3)
                + "\", \"user\": \"admin\"}", "createToken", Harness.as(planner)), 403, "user");
    }

    @Test
    void givenAnAdminThenUsersAreCreatedChangedAndDisabledAndADisabledUsersTokensStop() throws Exception {
        Harness.Answer created = h.call(POST, "/api/users", "{\"login\": \"guanhu-eval\", \"displayName\": \"观湖统计员\","
                + " \"password\": \"" + PASSWORD + "\", \"roles\": [{\"role\": \"evaluator\", \"scope\": \"guanhu\"}]}",
                "createUser");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.text()).doesNotContain(PASSWORD);
        assertProblem(h.call(POST, "/api/users", "{\"login\": \"Bad Name\", \"displayName\": \"\", \"password\":"
                + " \"short\", \"roles\": [{\"role\": \"boss\", \"scope\": \"guanhu\"}]}", "createUser"), 400,
                "roles[0].role");
        assertProblem(h.call(POST, "/api/users", "{\"login\": \"x2\", \"displayName\": \"x\", \"roles\":"
                + " [{\"role\": \"viewer\", \"scope\": \"nowhere\"}]}", "createUser"), 400, "roles[0].scope");

        Harness.Answer in = h.call(POST, "/api/session", login("guanhu-eval", PASSWORD), "login", anonymous());
        Map<String, String> session = Map.of("Authorization", Harness.ANONYMOUS, "Cookie",
                in.header("set-cookie").split(";")[0]);
        assertThat(h.call(GET, "/api/me", null, "me", session).status()).isEqualTo(200);

        Harness.Answer disabled = h.call(PUT, "/api/users/guanhu-eval", "{\"disabled\": true}", "updateUser");
        assertThat(disabled.json().get("disabled").asBoolean()).isTrue();
        assertProblem(h.call(GET, "/api/me", null, "me", session), 401, "Authorization");
        assertProblem(h.call(POST, "/api/session", login("guanhu-eval", PASSWORD), "login", anonymous()), 401,
                "password");
    }

    @Test
    void givenANewPasswordThenSessionsOpenedWithTheOldOneEnd() throws Exception {
        h.userToken("reset-me", Role.VIEWER, "fenghuang", PASSWORD);
        String cookie = h.call(POST, "/api/session", login("reset-me", PASSWORD), "login", anonymous())
                .header("set-cookie").split(";")[0];
        Map<String, String> session = Map.of("Authorization", Harness.ANONYMOUS, "Cookie", cookie);
        assertThat(h.call(GET, "/api/me", null, "me", session).status()).isEqualTo(200);

        assertThat(h.call(PUT, "/api/users/reset-me", "{\"password\": \"another-long-password\"}", "updateUser")
                .status()).isEqualTo(200);

        assertProblem(h.call(GET, "/api/me", null, "me", session), 401, "Authorization");
        JsonNode change = h.call(GET, "/api/audit?entity=user&entityId=reset-me", null, "listAudit").json();
        assertThat(change.get(change.size() - 1).get("after").asText()).contains("\"passwordChanged\":true")
                .doesNotContain("another-long-password");
    }

    @Test
    void givenAccountChangesThatWouldMisleadThenTheyAreRefused() throws Exception {
        assertProblem(h.call(POST, "/api/users", "{\"login\": \"gh-admin\", \"displayName\": \"观湖管理员\","
                + " \"roles\": [{\"role\": \"admin\", \"scope\": \"guanhu\"}]}", "createUser"), 400, "roles[0].scope");
        assertProblem(h.call(POST, "/api/users", "{\"login\": \"command-line\", \"displayName\": \"x\","
                + " \"roles\": [{\"role\": \"viewer\", \"scope\": \"guanhu\"}]}", "createUser"), 400, "login");
        assertProblem(h.call(PUT, "/api/users/admin", "{\"disabled\": true}", "updateUser"), 400, "disabled");
        assertProblem(h.call(PUT, "/api/users/admin", "{\"roles\": [{\"role\": \"viewer\", \"scope\": \"guanhu\"}]}",
                "updateUser"), 400, "roles");
        assertProblem(h.call(POST, "/api/session", login("x".repeat(70), PASSWORD), "login", anonymous()), 401,
                "password");
        assertThat(h.call(GET, "/api/audit?entity=session&entityId=" + "x".repeat(70), null, "listAudit").json())
                .as("a name no account can have is not logged").isEmpty();
    }

    @Test
    void givenACookieWriteFromAnotherSiteThenItIsRefused() throws Exception {
        String cookie = h.call(POST, "/api/session", login("planner-fh", PASSWORD), "login", anonymous())
                .header("set-cookie").split(";")[0];
        Harness.Answer a = h.call(POST, "/api/commitments", "{}", "createCommitment", Map.of("Authorization",
                Harness.ANONYMOUS, "Cookie", cookie, "Origin", "https://evil.example"));
        assertProblem(a, 403, "Origin");
    }

    @Test
    void givenAnyAnswerThenItCarriesTheSecurityHeaders() throws Exception {
        for (String uri : new String[] {"/health", "/api/commitments", "/api/nothing-here"}) {
            Harness.Answer a = h.call(GET, uri, null, null);
            assertThat(a.header("x-content-type-options")).as(uri).isEqualTo("nosniff");
            assertThat(a.header("x-frame-options")).as(uri).isEqualTo("DENY");
            assertThat(a.header("content-security-policy")).as(uri).contains("default-src 'self'");
        }
        assertThat(h.call(GET, "/api/commitments", null, null).header("cache-control")).isEqualTo("no-store");
        assertThat(h.call(GET, "/api/commitments", null, null, Map.of("Origin", "https://evil.example"))
                .header("access-control-allow-origin")).isNull();
    }

    @Test
    void givenTooLongARequestLineOrTooManyHeaderBytesThen414And431AsProblems() throws Exception {
        Harness.Answer longUri = h.call(GET, "/api/commitments?owner=" + "x".repeat(5000), null, null);
        assertProblem(longUri, 414, "uri");
        Harness.Answer bigHeaders = h.call(GET, "/api/commitments", null, null, Map.of("X-Filler", "y".repeat(9000)));
        assertProblem(bigHeaders, 431, "headers");
    }

    @Test
    void givenAMethodARouteDoesNotTakeThen405NamesTheOnesItDoes() throws Exception {
        Harness.Answer a = h.call(PUT, "/api/scorecard", "{}", null);
        assertProblem(a, 405, null);
        assertThat(a.header("allow")).isEqualTo("GET");
        assertThat(h.call(POST, "/api/commitments/x", "{}", null).header("allow")).isEqualTo("DELETE, GET, PUT");
    }
}
