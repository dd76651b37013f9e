package plancheck.http;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static plancheck.http.Harness.assertProblem;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;

/** The 督办 feed over HTTP: what needs chasing today, by owner and window, and the 督办单 workbook. */
@ExtendWith(VertxExtension.class)
class ReminderApiTest {

    @TempDir
    static Path data;
    static Harness h;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        h = Harness.start(vertx, data);
        for (String c : List.of("""
                {"id": "behind", "district": "fenghuang", "year": 2025, "title": "新增托位200个以上", "kind": "AT_LEAST",
                 "unit": "个", "target": 200, "owner": "社会事务办", "lead": "张三"}""", """
                {"id": "tower", "district": "huaqiangbei", "year": 2025, "title": "科达利总部大厦开工建设",
                 "kind": "MILESTONE", "stage": "STARTED", "deadline": "2025-07-10", "owner": "经济服务办"}""", """
                {"id": "done", "district": "fenghuang", "year": 2025, "title": "成立街道志愿者联合会", "kind": "BINARY",
                 "owner": "社会事务办"}""")) {
            assertThat(h.call(POST, "/api/commitments", c, "createCommitment").status()).isEqualTo(201);
        }
        for (String[] r : new String[][] {{"behind", "{\"value\": 20, \"asOf\": \"2025-06-01\", \"sample\": true}"},
                {"done", "{\"done\": true, \"asOf\": \"2025-06-20\", \"sample\": true}"}}) {
            assertThat(h.call(POST, "/api/commitments/" + r[0] + "/results", r[1], "reportResult").status())
                    .isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void givenTodayThenTheFeedListsWhatNeedsChasingMostUrgentFirstWithReasonsAndLevels() throws Exception {
        JsonNode feed = h.call(GET, "/api/reminders", null, "listReminders").json();
        assertThat(feed.get("asOf").asText()).isEqualTo("2025-06-30");
        assertThat(feed.get("within").asInt()).isEqualTo(14);
        assertThat(feed.get("items").findValuesAsText("commitmentId")).containsExactly("tower", "behind");
        JsonNode tower = feed.get("items").get(0);
        assertThat(tower.get("level").asText()).isEqualTo("RED");
        assertThat(tower.get("levelLabel").asText()).isEqualTo("红");
        assertThat(tower.get("reasons").findValuesAsText("rule")).containsExactlyInAnyOrder(
                "no report for two cadences", "deadline near and not met");
        assertThat(tower.get("reasons").findValuesAsText("zh")).contains("距完成时限还有10天，尚未完成");
        JsonNode behind = feed.get("items").get(1);
        // results now come in SUBMITTED: one 29 days old waits for review too long
        assertThat(behind.get("reasons").findValuesAsText("code")).containsExactlyInAnyOrder("BEHIND", "UNREVIEWED");
        assertThat(behind.get("lastReport").asText()).isEqualTo("2025-06-01：20个");
        assertThat(feed.get("byLevel").get("RED").asInt()).isEqualTo(2);
    }

    @Test
    void givenAnOwnerAndANarrowWindowThenOnlyTheirItemsAndReasonsInsideItRemain() throws Exception {
        JsonNode feed = h.call(GET, "/api/reminders?owner=%E7%BB%8F%E6%B5%8E%E6%9C%8D%E5%8A%A1%E5%8A%9E&within=5",
                null, "listReminders").json();
        assertThat(feed.get("items").findValuesAsText("commitmentId")).containsExactly("tower");
        assertThat(feed.get("items").get(0).get("reasons").findValuesAsText("code")).containsExactly("NO_REPORT");
    }

    @Test
    void givenAnEarlierDateThenTheFeedIsAsItWouldHaveBeenThen() throws Exception {
        JsonNode feed = h.call(GET, "/api/reminders?asOf=2025-01-20&district=guangming", null, "listReminders")
                .json();
        assertThat(feed.get("total").asInt()).isZero();
    }

    @Test
    void givenABadWindowOrParameterThenTheFeedIsAProblemNamingIt() throws Exception {
        assertProblem(h.call(GET, "/api/reminders?within=-1", null, "listReminders"), 400, "within");
        assertProblem(h.call(GET, "/api/reminders?within=soon", null, "listReminders"), 400, "within");
        assertProblem(h.call(GET, "/api/reminders.xlsx?level=RED", null, "exportReminders"), 400, "level");
    }

    @Test
    void givenTheFeedThenThe督办单HasOneSheetPerOwnerWithTheLevelColoured() throws Exception {
        HttpResponse<Buffer> r = Harness.await(h.client.get("/api/reminders.xlsx")
                .putHeader("Authorization", "Bearer " + h.adminToken).send());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.getHeader("content-type")).isEqualTo(LedgerRoutes.XLSX);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(r.body().getBytes()))) {
            assertThat(wb.getSheets().map(Sheet::getName).toList()).containsExactly("社会事务办", "经济服务办");
            List<Row> rows = wb.findSheet("经济服务办").orElseThrow().read();
            assertThat(rows.get(1).getCellText(0)).isEqualTo("序号");
            assertThat(rows.get(2).getCellText(1)).isEqualTo("红");
            assertThat(rows.get(2).getCellText(2)).isEqualTo("科达利总部大厦开工建设");
            assertThat(rows.get(2).getCellText(8)).contains("黄：距完成时限还有10天", "红：已180天未报送进展");
        }
        assertThat(LedgerExportTest.unzip(data, r.body().getBytes()).get("xl/styles.xml")).contains("FFF8696B");
    }
}
