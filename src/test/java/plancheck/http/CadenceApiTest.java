package plancheck.http;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;
import static org.assertj.core.api.Assertions.assertThat;
import static plancheck.http.Harness.assertProblem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;

/**
 * A commitment's reporting cadence over the API: set on create and revise, refused when unknown, written in the
 * 台账, and each commitment chased by its own cadence in the 督办 feed (none named: the policy's MONTHLY).
 */
@ExtendWith(VertxExtension.class)
class CadenceApiTest {

    @TempDir
    static Path data;
    static Harness h;

    static String commitment(String id, String cadence) {
        return "{\"id\": \"" + id + "\", \"district\": \"fenghuang\", \"year\": 2025, \"title\": \"新增托位200个以上\","
                + " \"kind\": \"AT_LEAST\", \"unit\": \"个\", \"target\": 200, \"owner\": \"社会事务办\""
                + (cadence == null ? "" : ", \"cadence\": \"" + cadence + "\"") + "}";
    }

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        h = Harness.start(vertx, data);
        for (String[] c : new String[][] {{"default", null}, {"monthly", "MONTHLY"}, {"quarterly", "QUARTERLY"},
                {"deadline", "AT_DEADLINE"}}) {
            Harness.Answer a = h.call(POST, "/api/commitments", commitment(c[0], c[1]), "createCommitment");
            assertThat(a.status()).as(a.text()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void givenNoReportSinceTheStartThenEachCommitmentIsChasedByItsOwnCadence() throws Exception {
        // 2025-01-01 → 2025-06-30 without a report: over two months, under two quarters, no deadline passed
        assertThat(rules("default")).containsExactly("no report for two cadences");
        assertThat(rules("monthly")).containsExactly("no report for two cadences");
        assertThat(rules("quarterly")).containsExactly("no report within the cadence");
        assertThat(rules("deadline")).isEmpty();
        assertThat(h.call(GET, "/api/commitments/quarterly", null, "getCommitment").json().get("cadence").asText())
                .isEqualTo("QUARTERLY");
        assertThat(h.call(GET, "/api/commitments/default", null, "getCommitment").json().has("cadence")).isFalse();
    }

    @Test
    void givenARevisionToAnotherCadenceThenTheFeedFollowsIt() throws Exception {
        Harness.Answer a = h.call(POST, "/api/commitments", commitment("revised", "MONTHLY"), "createCommitment");
        assertThat(a.status()).isEqualTo(201);
        assertThat(rules("revised")).containsExactly("no report for two cadences");
        String body = commitment("revised", "AT_DEADLINE").replaceFirst("\\}$", ", \"reason\": \"改为到期报送\"}");
        Harness.Answer revised = h.call(PUT, "/api/commitments/revised", body, "reviseCommitment");
        assertThat(revised.status()).as(revised.text()).isEqualTo(200);
        assertThat(rules("revised")).isEmpty();
    }

    @Test
    void givenAnUnknownCadenceThenTheCommitmentIsRefusedNamingTheField() throws Exception {
        assertProblem(h.call(POST, "/api/commitments", commitment("weekly", "WEEKLY"), "createCommitment"), 400,
                "cadence");
        assertThat(h.call(GET, "/api/commitments/weekly", null, "getCommitment").status()).isEqualTo(404);
    }

    @Test
    void givenTheLedgerThenItsCadenceColumnNamesEachCommitmentsCadence() throws Exception {
        String csv = new String(h.download("/api/ledger.csv?district=fenghuang"), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(csv.lines().toList());
        assertThat(lines.get(0)).endsWith(",报送频次,系统编号");
        assertThat(lines).anyMatch(l -> l.endsWith(",每季度,quarterly")).anyMatch(l -> l.endsWith(",到期,deadline"))
                .anyMatch(l -> l.endsWith(",,default"));
    }

    private static List<String> rules(String id) throws Exception {
        JsonNode feed = h.call(GET, "/api/reminders?district=fenghuang", null, "listReminders").json();
        for (JsonNode item : feed.get("items")) {
            if (item.get("commitmentId").asText().equals(id)) {
                return item.get("reasons").findValuesAsText("rule");
            }
        }
        return List.of();
    }
}
