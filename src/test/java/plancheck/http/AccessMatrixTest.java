package plancheck.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.junit5.VertxExtension;

import plancheck.domain.Role;

/**
 * Every route of {@link Permissions#TABLE} × every role × a thing inside and outside the role's scope (凤凰街道 is
 * in scope, 观湖街道 is not), and without credentials: the answer is what the permission table and the scope rules
 * say, and a refused request leaves the audit log (and so every stored thing) as it was.
 */
@ExtendWith(VertxExtension.class)
class AccessMatrixTest {

    @TempDir
    static Path data;
    static Harness h;
    static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);
    static String evaluatorOutside;
    static final AtomicInteger SEQ = new AtomicInteger();

    /** How a route answers a thing out of the caller's scope. */
    enum OutOfScope { SAME, HIDDEN_404, FORBIDDEN_403 }

    /** One concrete request for a route, and what a caller with the right role in scope gets. */
    record Call(HttpMethod method, String uri, String body, int success, OutOfScope outside, String type) {
        Call(HttpMethod method, String uri, String body, int success, OutOfScope outside) {
            this(method, uri, body, success, outside, "application/json");
        }
    }

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        h = Harness.start(vertx, data);
        TOKENS.put(Role.ADMIN, h.adminToken);
        for (Role r : List.of(Role.PLANNER, Role.EVALUATOR, Role.REVIEWER, Role.VIEWER)) {
            TOKENS.put(r, h.userToken(r.key() + "-fh", r, "fenghuang", null));
        }
        evaluatorOutside = h.userToken("evaluator-gh", Role.EVALUATOR, "guanhu", null);
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void givenEveryRouteRoleAndScopeThenTheAnswerFollowsThePermissionTable() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Permissions.Rule rule : Permissions.TABLE) {
            if (rule.open()) {
                Call c = call(rule, true);
                expect(wrong, rule, "anonymous", c, Map.of("Authorization", Harness.ANONYMOUS), c.success());
                checked++;
                continue;
            }
            Call anonymous = call(rule, true);
            expect(wrong, rule, "anonymous", anonymous, Map.of("Authorization", Harness.ANONYMOUS), 401);
            // the router serves /x/ as /x: such spellings must not slip past the table
            for (String spelt : new String[] {"/", "/.", "//"}) {
                String[] parts = anonymous.uri().split("\\?", 2);
                Call variant = new Call(anonymous.method(), parts[0] + spelt + (parts.length > 1 ? "?" + parts[1] : ""),
                        anonymous.body(), 401, OutOfScope.SAME);
                expect(wrong, rule, "anonymous as " + variant.uri(), variant, Map.of("Authorization",
                        Harness.ANONYMOUS), 401);
            }
            for (Role role : Role.values()) {
                boolean allowed = rule.action() == null || role.allows(rule.action());
                for (boolean inside : new boolean[] {true, false}) {
                    Call c = call(rule, inside);
                    int want = !allowed ? 403 : inside || role == Role.ADMIN ? c.success() : switch (c.outside()) {
                        case SAME -> c.success();
                        case HIDDEN_404 -> 404;
                        case FORBIDDEN_403 -> 403;
                    };
                    expect(wrong, rule, role.key() + (inside ? " in scope" : " out of scope"), c,
                            Harness.as(TOKENS.get(role)), want);
                    checked++;
                }
            }
        }
        assertThat(wrong).as("routes answering against the table").isEmpty();
        assertThat(checked).isGreaterThan(Permissions.TABLE.size() * 5);
        assertThat(h.app.service().verifyAudit().intact()).isTrue();
    }

    private static void expect(List<String> wrong, Permissions.Rule rule, String who, Call c,
            Map<String, String> headers, int want) throws Exception {
        long before = h.app.service().verifyAudit().entries();
        Harness.Answer a = c.body() == null ? h.call(c.method(), c.uri(), null, null, headers)
                : h.send(c.method(), c.uri(), io.vertx.core.buffer.Buffer.buffer(c.body()), c.type(), null, headers);
        if (a.status() != want) {
            wrong.add(rule.method() + " " + rule.path() + " as " + who + ": " + a.status() + " (want " + want + ") "
                    + a.text());
        }
        // a refused login is logged by design; every other refusal leaves the log as it was
        boolean refused = (a.status() == 401 || a.status() == 403 || a.status() == 404)
                && !rule.path().equals("/api/session");
        if (refused && h.app.service().verifyAudit().entries() != before) {
            wrong.add(rule.method() + " " + rule.path() + " as " + who + ": refused, yet the audit log grew");
        }
    }

    /** A request for the route about a thing of 凤凰 (inside) or 观湖 (outside), with fresh fixtures where it writes. */
    private static Call call(Permissions.Rule rule, boolean inside) throws Exception {
        String district = inside ? "fenghuang" : "guanhu";
        HttpMethod m = HttpMethod.valueOf(rule.method());
        int n = SEQ.incrementAndGet();
        return switch (rule.method() + " " + rule.path()) {
            case "GET /health", "GET /openapi.yaml", "GET /" -> new Call(m, rule.path(), null, 200, OutOfScope.SAME);
            case "GET /web/*" -> new Call(m, "/web/app.js", null, 200, OutOfScope.SAME);
            case "GET /webjars/echarts/*" -> new Call(m, "/webjars/echarts/echarts.min.js", null, 200, OutOfScope.SAME);
            // the stream never ends: a parameter it does not take shows the guard let the request through
            case "GET /api/events" -> new Call(m, rule.path() + "?probe=1", null, 400, OutOfScope.SAME);
            case "GET /api/scorecard/series" -> new Call(m, rule.path() + "?year=2025&district=" + district, null, 200,
                    OutOfScope.FORBIDDEN_403);
            case "POST /api/session" -> new Call(m, rule.path(), "{\"login\": \"nobody\", \"password\": \"x\"}", 401,
                    OutOfScope.SAME);
            // a token is not a session: there is nothing to log out of
            case "DELETE /api/session" -> new Call(m, rule.path(), null, 400, OutOfScope.SAME);
            case "GET /api/me", "GET /api/tokens", "GET /api/rules", "GET /api/districts", "GET /api/users" ->
                    new Call(m, rule.path(), null, 200, OutOfScope.SAME);
            case "POST /api/tokens" -> new Call(m, rule.path(), "{\"name\": \"dashboard\", \"expires\": \""
                    + Harness.TODAY.plusDays(10) + "\"}", 201, OutOfScope.SAME);
            case "DELETE /api/tokens/:id" -> new Call(m, "/api/tokens/nope", null, 404, OutOfScope.SAME);
            case "POST /api/users" -> new Call(m, rule.path(), "{\"login\": \"u" + n + "\", \"displayName\": \"用户\","
                    + " \"roles\": [{\"role\": \"viewer\", \"scope\": \"" + district + "\"}]}", 201, OutOfScope.SAME);
            case "GET /api/users/:login" -> new Call(m, "/api/users/viewer-fh", null, 200, OutOfScope.SAME);
            case "PUT /api/users/:login" -> new Call(m, "/api/users/viewer-fh", "{\"displayName\": \"查看员\"}", 200,
                    OutOfScope.SAME);
            case "GET /api/districts/:id" -> new Call(m, "/api/districts/" + district, null, 200, OutOfScope.SAME);
            case "POST /api/districts" -> new Call(m, rule.path(), "{\"id\": \"sq" + n + "\", \"name\": \"社区" + n
                    + "\", \"level\": \"社区\", \"parent\": \"" + district + "\"}", 201, OutOfScope.SAME);
            case "PUT /api/districts/:id" -> new Call(m, "/api/districts/" + district, "{\"name\": \""
                    + (inside ? "凤凰街道" : "观湖街道") + "\", \"level\": \"街道\", \"parent\": \""
                    + (inside ? "guangming" : "longhua") + "\"}", 200, OutOfScope.SAME);
            case "POST /api/commitments" -> new Call(m, rule.path(), commitment("new-" + n, district), 201,
                    OutOfScope.FORBIDDEN_403);
            case "POST /api/commitments/batch" -> new Call(m, rule.path(), "[" + commitment("batch-" + n, district)
                    + "]", 201, OutOfScope.FORBIDDEN_403);
            case "GET /api/commitments", "GET /api/evaluations", "GET /api/scorecard", "GET /api/reviews",
                    "GET /api/ledger", "GET /api/decisions" ->
                    new Call(m, rule.path() + "?district=" + district, null, 200, OutOfScope.FORBIDDEN_403);
            case "GET /api/commitments/:id", "GET /api/commitments/:id/revisions",
                    "GET /api/commitments/:id/results", "GET /api/evaluations/:id" ->
                    new Call(m, rule.path().replace(":id", stored(district)), null, 200, OutOfScope.HIDDEN_404);
            case "PUT /api/commitments/:id" -> {
                String id = stored(district);
                yield new Call(m, "/api/commitments/" + id, commitment(id, district).replaceFirst("\\{",
                        "{\"reason\": \"调整\", "), 200, OutOfScope.HIDDEN_404);
            }
            case "DELETE /api/commitments/:id" -> new Call(m, "/api/commitments/" + stored(district)
                    + "?reason=%E5%B9%B6%E5%85%A5", null, 204, OutOfScope.HIDDEN_404);
            case "POST /api/commitments/:id/results" -> new Call(m, "/api/commitments/" + stored(district)
                    + "/results", "{\"value\": 50, \"asOf\": \"2025-06-30\"}", 201, OutOfScope.HIDDEN_404);
            case "POST /api/results/batch" -> new Call(m, rule.path(), "[{\"commitmentId\": \"" + stored(district)
                    + "\", \"value\": 50, \"asOf\": \"2025-06-30\"}]", 201, OutOfScope.HIDDEN_404);
            case "POST /api/results/:id/approve" -> new Call(m, "/api/results/" + result(district) + "/approve", null,
                    200, OutOfScope.HIDDEN_404);
            case "POST /api/results/:id/return" -> new Call(m, "/api/results/" + result(district) + "/return",
                    "{\"reason\": \"佐证材料缺失\"}", 200, OutOfScope.HIDDEN_404);
            case "POST /api/imports" -> new Call(m, rule.path(), "{\"text\": \"二、2025年工作计划\\n推动新增托位200个以上。\","
                    + " \"district\": \"" + district + "\"}", 201, OutOfScope.FORBIDDEN_403);
            case "GET /api/imports/:id" -> new Call(m, "/api/imports/" + draft(district), null, 200,
                    OutOfScope.HIDDEN_404);
            case "GET /api/imports/:id/text" -> new Call(m, "/api/imports/" + draft(district) + "/text", null, 200,
                    OutOfScope.HIDDEN_404);
            case "POST /api/imports/:id/accept" -> new Call(m, "/api/imports/" + draft(district) + "/accept",
                    "{\"commitments\": [\"c1\"]}", 200, OutOfScope.HIDDEN_404);
            case "GET /api/documents/:document" -> new Call(m, "/api/documents/003_af213d65b87cb190", null, 200,
                    OutOfScope.SAME);
            case "GET /api/audit" -> new Call(m, rule.path(), null, 200, OutOfScope.SAME);
            case "GET /api/rules/policy.xlsx" -> new Call(m, rule.path(), null, 200, OutOfScope.SAME);
            case "POST /api/rules/validate" -> new Call(m, rule.path(), "{\"files\": {}}", 200, OutOfScope.SAME);
            // the shipped rules are in use already: nothing to swap
            case "POST /api/rules/reload" -> new Call(m, rule.path(), null, 200, OutOfScope.SAME);
            case "GET /api/commitments/:id/decisions" -> new Call(m, rule.path().replace(":id", stored(district)), null,
                    200, OutOfScope.HIDDEN_404);
            case "GET /api/ledger.xlsx", "GET /api/ledger.csv", "GET /api/reminders", "GET /api/reminders.xlsx" ->
                    new Call(m, rule.path() + "?district=" + district, null, 200, OutOfScope.FORBIDDEN_403);
            case "POST /api/ledger/import" -> new Call(m, rule.path() + "?district=" + district + "&year=2025",
                    "序号,任务内容\n1,新增托位" + n + "个以上\n", 201, OutOfScope.FORBIDDEN_403, "text/csv");
            default -> throw new IllegalStateException("no request for " + rule + ": add one to this test");
        };
    }

    private static String commitment(String id, String district) {
        return "{\"id\": \"" + id + "\", \"district\": \"" + district + "\", \"year\": 2025, \"title\": \"新增托位200个\","
                + " \"kind\": \"AT_LEAST\", \"metric\": \"childcare_places\", \"unit\": \"个\", \"target\": 200}";
    }

    /** A fresh commitment of the district, stored by the admin. */
    private static String stored(String district) throws Exception {
        String id = "m-" + district + "-" + SEQ.incrementAndGet();
        Harness.Answer a = h.call(HttpMethod.POST, "/api/commitments", commitment(id, district), null);
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        return id;
    }

    /** A fresh result of the district, reported by that district's evaluator (so a reviewer may review it). */
    private static long result(String district) throws Exception {
        String token = district.equals("fenghuang") ? TOKENS.get(Role.EVALUATOR) : evaluatorOutside;
        Harness.Answer a = h.call(HttpMethod.POST, "/api/commitments/" + stored(district) + "/results",
                "{\"value\": 80, \"asOf\": \"2025-06-30\"}", null, Harness.as(token));
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        return a.json().get("result").get("id").asLong();
    }

    private static String draft(String district) throws Exception {
        Harness.Answer a = h.call(HttpMethod.POST, "/api/imports", "{\"text\": \"二、2025年工作计划\\n推动新增托位"
                + SEQ.incrementAndGet() + "个以上。\", \"district\": \"" + district + "\"}", null);
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        return a.json().get("id").asText();
    }
}
