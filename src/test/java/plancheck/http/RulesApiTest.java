package plancheck.http;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static plancheck.http.Harness.assertProblem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;

import plancheck.engine.PolicySheets;
import plancheck.store.Json;

/** Rules as a living policy: validate an edit, reload without a restart, refuse a broken set, the decision log. */
@ExtendWith(VertxExtension.class)
class RulesApiTest {

    static final String POLICY = "plancheck/policy.xlsx";
    static final String DECIDE = "plancheck/status/decide.drl";
    static final String BROKEN = "src/test/resources/rules-edits/decide-unknown-property.drl.txt";

    /** A copy of the shipped rules to edit. */
    static Path copyRules(Path to) throws Exception {
        try (var walk = Files.walk(Path.of("rules"))) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(Path.of("rules").relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
        return to;
    }

    /** 40 of 200 by 30 June with 序时进度 49.45%: behind with a 10-point tolerance, on track with 40. */
    static void createBehind(Harness h, String id) throws Exception {
        Harness.Answer a = h.call(POST, "/api/commitments", """
                {"id": "%s", "district": "fenghuang", "year": 2025, "title": "新增托位200个以上",
                 "kind": "AT_LEAST", "unit": "个", "target": 200}""".formatted(id), "createCommitment");
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        Harness.Answer r = h.call(POST, "/api/commitments/" + id + "/results",
                "{\"value\": 40, \"asOf\": \"2025-06-30\"}", "reportResult");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().at("/evaluation/status").asText()).isEqualTo("BEHIND");
    }

    static void widenTolerance(Path rules) throws Exception {
        Files.write(rules.resolve(POLICY), plancheck.engine.PolicySheets.defaultsWith("onTrackTolerance", 0.40));
    }

    private static String revision(Harness h) throws Exception {
        return h.call(GET, "/api/rules", null, "rules").json().get("revision").asText();
    }

    @Test
    void givenAnEditNamingAMissingProperty_whenValidated_thenEveryErrorHasFileLineColumnAndNothingChanges(
            Vertx vertx, @TempDir Path data, @TempDir Path dir) throws Exception {
        Path rules = copyRules(dir);
        try (Harness h = Harness.start(vertx, data, rules, false, s -> { })) {
            String before = revision(h);
            String body = Json.MAPPER.writeValueAsString(Map.of("files", Map.of(DECIDE,
                    Files.readString(Path.of(BROKEN)))));
            Harness.Answer a = h.call(POST, "/api/rules/validate", body, "validateRules");
            assertThat(a.status()).as(a.text()).isEqualTo(200);
            assertThat(a.json().get("valid").asBoolean()).isFalse();
            JsonNode p = a.json().get("problems").get(0);
            assertThat(p.get("file").asText()).isEqualTo(DECIDE);
            assertThat(p.get("line").asInt()).isEqualTo(12);
            assertThat(p.get("column").asInt()).isPositive();
            assertThat(p.get("severity").asText()).isEqualTo("ERROR");
            assertThat(p.get("message").asText()).contains("progres");
            assertThat(revision(h)).isEqualTo(before);
            assertThat(Files.readString(rules.resolve(DECIDE))).doesNotContain("progres ");

            Harness.Answer fine = h.call(POST, "/api/rules/validate", "{\"files\": {}}", "validateRules");
            assertThat(fine.json().get("valid").asBoolean()).isTrue();
            assertThat(fine.json().get("revision").asText()).isEqualTo(before);
        }
    }

    @Test
    void givenBadValidateBodies_thenRefusedNamingTheField(Vertx vertx, @TempDir Path data) throws Exception {
        try (Harness h = Harness.start(vertx, data)) {
            assertProblem(h.call(POST, "/api/rules/validate", "{\"files\": {\"../x.drl\": \"\"}}", "validateRules"),
                    400, "files.../x.drl");
            assertProblem(h.call(POST, "/api/rules/validate", "{\"files\": {\"a/b.txt\": \"\"}}", "validateRules"),
                    400, "files.a/b.txt");
            assertProblem(h.call(POST, "/api/rules/validate", "{\"files\": {\"a/b.drl\": 3}}", "validateRules"),
                    400, "files.a/b.drl");
            assertProblem(h.call(POST, "/api/rules/validate", "{\"file\": {}}", "validateRules"), 400, "file");
            assertProblem(h.call(POST, "/api/rules/validate", "[]", "validateRules"), 400, "");
            assertProblem(h.call(POST, "/api/rules/reload?dryRun=yes", null, "reloadRules"), 400, "dryRun");
            assertProblem(h.call(POST, "/api/rules/reload?force=true", null, "reloadRules"), 400, "force");
        }
    }

    @Test
    void givenAThresholdEditedOnDisk_whenReloaded_thenItTakesEffectWithItsRevisionAndTheHistorySaysWhoAndWhat(
            Vertx vertx, @TempDir Path data, @TempDir Path dir) throws Exception {
        Path rules = copyRules(dir);
        try (Harness h = Harness.start(vertx, data, rules, false, s -> { })) {
            createBehind(h, "childcare");
            String before = revision(h);
            widenTolerance(rules);

            Harness.Answer dry = h.call(POST, "/api/rules/reload?dryRun=true", null, "reloadRules");
            assertThat(dry.status()).as(dry.text()).isEqualTo(200);
            assertThat(dry.json().get("outcome").asText()).isEqualTo("DRY_RUN");
            assertThat(dry.json().get("changes").toString())
                    .isEqualTo("[{\"commitmentId\":\"childcare\",\"from\":\"BEHIND\",\"to\":\"ON_TRACK\"}]");
            assertThat(revision(h)).isEqualTo(before);

            Harness.Answer applied = h.call(POST, "/api/rules/reload", null, "reloadRules");
            assertThat(applied.status()).as(applied.text()).isEqualTo(200);
            assertThat(applied.json().get("outcome").asText()).isEqualTo("APPLIED");
            assertThat(applied.json().get("filesChanged").toString()).isEqualTo("[\"" + POLICY + "\"]");
            String after = applied.json().get("revision").asText();
            assertThat(after).isNotEqualTo(before);
            assertThat(applied.json().get("previousRevision").asText()).isEqualTo(before);

            JsonNode e = h.call(GET, "/api/evaluations/childcare", null, "getEvaluation").json();
            assertThat(e.get("status").asText()).isEqualTo("ON_TRACK");
            assertThat(e.get("rulesetRevision").asText()).isEqualTo(after);

            JsonNode listing = h.call(GET, "/api/rules", null, "rules").json();
            assertThat(listing.get("revision").asText()).isEqualTo(after);
            JsonNode history = listing.get("history");
            assertThat(history).hasSize(2);
            assertThat(history.get(0).get("action").asText()).isEqualTo("START");
            assertThat(history.get(1).get("action").asText()).isEqualTo("RELOAD");
            assertThat(history.get(1).get("by").asText()).isEqualTo("admin");
            assertThat(history.get(1).get("changed").toString()).isEqualTo("[\"" + POLICY + "\"]");

            Harness.Answer again = h.call(POST, "/api/rules/reload", null, "reloadRules");
            assertThat(again.json().get("outcome").asText()).isEqualTo("UNCHANGED");

            JsonNode decisions = h.call(GET, "/api/commitments/childcare/decisions", null, "listDecisions").json()
                    .get("decisions");
            assertThat(decisions).hasSize(3);
            assertThat(List.of(decisions.get(0).get("causeType").asText(), decisions.get(1).get("causeType").asText(),
                    decisions.get(2).get("causeType").asText())).containsExactly("COMMITMENT", "RESULT", "RULES");
            assertThat(decisions.get(0).has("from")).isFalse();
            assertThat(decisions.get(0).get("to").asText()).isEqualTo("NO_DATA");
            assertThat(decisions.get(1).get("from").asText()).isEqualTo("NO_DATA");
            assertThat(decisions.get(1).get("to").asText()).isEqualTo("BEHIND");
            assertThat(decisions.get(1).get("fired").toString()).contains("progress lags expected progress");
            assertThat(decisions.get(2).get("to").asText()).isEqualTo("ON_TRACK");
            assertThat(decisions.get(2).get("rulesRevision").asText()).isEqualTo(after);
            assertThat(decisions.get(2).get("causeRef").asText()).isEqualTo(after);
            assertThat(decisions.get(2).get("asOf").asText()).isEqualTo(Harness.TODAY.toString());
        }
    }

    @Test
    void givenABrokenEditOnDisk_whenReloaded_thenRefusedWithFileAndLineAndTheOldRulesKeepServing(Vertx vertx,
            @TempDir Path data, @TempDir Path dir) throws Exception {
        Path rules = copyRules(dir);
        try (Harness h = Harness.start(vertx, data, rules, false, s -> { })) {
            createBehind(h, "childcare");
            String before = revision(h);
            Files.copy(Path.of(BROKEN), rules.resolve("plancheck/status/extra.drl"));

            Harness.Answer refused = h.call(POST, "/api/rules/reload", null, "reloadRules");
            assertProblem(refused, 409, null);
            assertThat(refused.json().get("errors").get(0).get("field").asText())
                    .startsWith("plancheck/status/extra.drl:12");
            assertThat(revision(h)).isEqualTo(before);
            assertThat(h.call(GET, "/api/evaluations/childcare", null, "getEvaluation").json()
                    .get("rulesetRevision").asText()).isEqualTo(before);
            assertThat(h.call(GET, "/api/rules", null, "rules").json().get("history")).hasSize(1);
        }
    }

    @Test
    void givenASheetWithABadCell_whenValidated_thenTheProblemNamesFileSheetRowAndColumnAndNothingChanges(Vertx vertx,
            @TempDir Path data, @TempDir Path dir) throws Exception {
        Path rules = copyRules(dir);
        try (Harness h = Harness.start(vertx, data, rules, false, s -> { })) {
            String before = revision(h);
            byte[] bad = Files.readAllBytes(Path.of("src/test/resources/broken/policy/text-in-a-number-cell.xlsx"));
            Harness.Answer a = h.call(POST, "/api/rules/validate", Json.MAPPER.writeValueAsString(Map.of("files",
                    Map.of(POLICY, PolicySheets.base64(bad)))), "validateRules");
            assertThat(a.status()).as(a.text()).isEqualTo(200);
            assertThat(a.json().get("valid").asBoolean()).isFalse();
            JsonNode p = a.json().get("problems").get(0);
            assertThat(p.get("file").asText()).isEqualTo(POLICY);
            assertThat(p.get("sheet").asText()).isEqualTo("policy");
            assertThat(p.get("line").asInt()).isEqualTo(2);
            assertThat(p.get("column").asInt()).isEqualTo(3);
            assertThat(p.get("message").asText()).contains("onTrackTolerance", "10%", "C2");

            Harness.Answer notBase64 = h.call(POST, "/api/rules/validate", "{\"files\": {\"" + POLICY
                    + "\": \"%%%\"}}", "validateRules");
            assertThat(notBase64.json().get("problems").get(0).get("message").asText()).startsWith("not base64");

            byte[] good = PolicySheets.with(PolicySheets.row("fenghuang", null, "onTrackTolerance", 0.40));
            Harness.Answer fine = h.call(POST, "/api/rules/validate", Json.MAPPER.writeValueAsString(Map.of("files",
                    Map.of(POLICY, PolicySheets.base64(good)))), "validateRules");
            assertThat(fine.json().get("valid").asBoolean()).as(fine.text()).isTrue();
            assertThat(fine.json().get("revision").asText()).isNotEqualTo(before);
            assertThat(revision(h)).isEqualTo(before);

            // the same bad sheet on disk: a reload is refused naming the cell, the old rules keep serving
            Files.write(rules.resolve(POLICY), bad);
            Harness.Answer refused = h.call(POST, "/api/rules/reload", null, "reloadRules");
            assertProblem(refused, 409, null);
            assertThat(refused.json().get("errors").get(0).get("field").asText())
                    .isEqualTo("plancheck/policy.xlsx[policy]:2:3");
            assertThat(revision(h)).isEqualTo(before);
        }
    }

    @Test
    void givenAnOverrideForTheDistrict_whenReloaded_thenTheEvaluationNamesItAndTheAuditLogHasTheReload(Vertx vertx,
            @TempDir Path data, @TempDir Path dir) throws Exception {
        Path rules = copyRules(dir);
        try (Harness h = Harness.start(vertx, data, rules, false, s -> { })) {
            createBehind(h, "childcare");
            // 凤凰街道 lies under 光明区: a row for the 区 applies to it
            Files.write(rules.resolve(POLICY), PolicySheets.with(PolicySheets.row("guangming", null,
                    "onTrackTolerance", 0.40)));
            Harness.Answer applied = h.call(POST, "/api/rules/reload", null, "reloadRules");
            assertThat(applied.status()).as(applied.text()).isEqualTo(200);
            String after = applied.json().get("revision").asText();

            JsonNode e = h.call(GET, "/api/evaluations/childcare", null, "getEvaluation").json();
            assertThat(e.get("status").asText()).isEqualTo("ON_TRACK");
            assertThat(e.at("/explanation/en").asText()).endsWith("Policy: 光明区 (onTrackTolerance 0.4).");
            assertThat(e.at("/explanation/zh").asText()).endsWith("适用政策：光明区（onTrackTolerance 0.4）。");

            JsonNode audit = h.call(GET, "/api/audit?entity=rules", null, null).json();
            JsonNode entry = audit.get(audit.size() - 1);
            assertThat(entry.get("action").asText()).isEqualTo("rules.reload");
            assertThat(entry.get("actor").asText()).isEqualTo("admin");
            assertThat(entry.get("entityId").asText()).isEqualTo(after);
            assertThat(entry.get("after").asText()).contains(after, POLICY);

            // the decision of the reload is stored with it
            JsonNode decisions = h.call(GET, "/api/commitments/childcare/decisions", null, "listDecisions").json()
                    .get("decisions");
            assertThat(decisions.get(decisions.size() - 1).get("causeRef").asText()).isEqualTo(after);
        }
    }

    @Test
    void givenThePolicySheetRoute_thenAdminsAndPlannersGetTheSheetInUseAndReportersAreRefused(Vertx vertx,
            @TempDir Path data, @TempDir Path dir) throws Exception {
        Path rules = copyRules(dir);
        try (Harness h = Harness.start(vertx, data, rules, false, s -> { })) {
            byte[] inUse = Files.readAllBytes(rules.resolve(POLICY));
            assertThat(h.download("/api/rules/policy.xlsx")).isEqualTo(inUse);
            Harness.Answer a = h.call(GET, "/api/rules/policy.xlsx", null, "policySheet");
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.headers().get("content-disposition")).contains("policy.xlsx");
            // an edit on disk not yet reloaded is not what is served
            Files.write(rules.resolve(POLICY), PolicySheets.defaultsWith("staleAfterDays", 60));
            assertThat(h.download("/api/rules/policy.xlsx")).isEqualTo(inUse);

            String planner = h.userToken("planner-1", plancheck.domain.Role.PLANNER, "fenghuang", null);
            assertThat(h.call(GET, "/api/rules/policy.xlsx", null, "policySheet", Harness.as(planner)).status())
                    .isEqualTo(200);
            String reporter = h.userToken("evaluator-1", plancheck.domain.Role.EVALUATOR, "fenghuang", null);
            assertProblem(h.call(GET, "/api/rules/policy.xlsx", null, "policySheet", Harness.as(reporter)), 403,
                    null);
            assertProblem(h.call(GET, "/api/rules/policy.xlsx?x=1", null, "policySheet"), 400, "x");
        }
    }

    @Test
    void givenABatchOfResultsForOneCommitment_thenEachStatusChangeIsStoredOnceWithTheResultThatCausedIt(Vertx vertx,
            @TempDir Path data) throws Exception {
        try (Harness h = Harness.start(vertx, data)) {
            createBehind(h, "childcare");
            // 40 → BEHIND (stored); 70 (35% against 49.45%) → still BEHIND, no change; 190 → ON_TRACK; 20 → BEHIND
            Harness.Answer a = h.call(POST, "/api/results/batch", "[{\"commitmentId\": \"childcare\", \"value\": 70,"
                    + " \"asOf\": \"2025-06-30\"}, {\"commitmentId\": \"childcare\", \"value\": 190, \"asOf\":"
                    + " \"2025-06-30\"}, {\"commitmentId\": \"childcare\", \"value\": 20, \"asOf\": \"2025-06-30\"}]",
                    "reportResults");
            assertThat(a.status()).as(a.text()).isEqualTo(201);
            JsonNode results = a.json();
            JsonNode decisions = h.call(GET, "/api/commitments/childcare/decisions", null, "listDecisions").json()
                    .get("decisions");
            List<String> seen = new java.util.ArrayList<>();
            decisions.forEach(d -> seen.add(d.path("from").asText("-") + ">" + d.get("to").asText() + " "
                    + d.get("causeType").asText()));
            assertThat(seen).containsExactly("->NO_DATA COMMITMENT", "NO_DATA>BEHIND RESULT", "BEHIND>ON_TRACK RESULT",
                    "ON_TRACK>BEHIND RESULT");
            assertThat(decisions.get(2).get("causeRef").asText()).isEqualTo(results.get(1).at("/result/id").asText());
            assertThat(decisions.get(3).get("causeRef").asText()).isEqualTo(results.get(2).at("/result/id").asText());
        }
    }

    @Test
    void givenAnUnknownCommitment_thenItsDecisionsAre404(Vertx vertx, @TempDir Path data) throws Exception {
        try (Harness h = Harness.start(vertx, data)) {
            assertProblem(h.call(GET, "/api/commitments/nope/decisions", null, "listDecisions"), 404, null);
        }
    }
}
