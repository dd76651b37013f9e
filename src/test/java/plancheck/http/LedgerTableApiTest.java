package plancheck.http;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static plancheck.http.Harness.as;
import static plancheck.http.Harness.assertProblem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import plancheck.domain.Role;

/** {@code GET /api/ledger}: filters, attention, search, sort, paging, the last report, scope and bad queries. */
@ExtendWith(VertxExtension.class)
class LedgerTableApiTest {

    /** Numbered commitments in 凤凰街道 (光明区) beside the three named ones, so that paging has pages. */
    private static final int MANY = 120;

    @TempDir
    static Path data;
    static Harness h;
    static String viewerFutian;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        h = Harness.start(vertx, data);
        create("""
                {"id": "a-childcare", "district": "fenghuang", "year": 2025, "category": "民生", "title": "新增托位200个以上",
                 "kind": "AT_LEAST", "unit": "个", "target": 200, "owner": "社会事务办", "deadline": "2025-12-31"}""");
        create("""
                {"id": "b-tower", "district": "huaqiangbei", "year": 2025, "category": "经济", "title": "科达利总部大厦开工建设",
                 "kind": "MILESTONE", "stage": "STARTED", "deadline": "2025-09-30", "owner": "经济服务办"}""");
        create("""
                {"id": "c-volunteers", "district": "fenghuang", "year": 2025, "category": "民生", "title": "成立街道志愿者联合会",
                 "kind": "BINARY", "deadline": "2025-03-31", "owner": "社会事务办"}""");
        for (int from = 0; from < MANY; from += 40) {
            List<String> batch = new ArrayList<>();
            for (int i = from; i < from + 40; i++) {
                batch.add(String.format("""
                        {"id": "n-%03d", "district": "fenghuang", "year": 2025, "category": "城建", "title": "改造道路%d公里",
                         "kind": "AT_LEAST", "unit": "公里", "target": 10, "owner": "城建办%d", "deadline": "2025-12-%02d"}""",
                        i, i, i % 3, 1 + i % 28));
            }
            assertThat(h.call(POST, "/api/commitments/batch", "[" + String.join(",", batch) + "]", null).status())
                    .isEqualTo(201);
        }
        report("a-childcare", "{\"value\": 80, \"asOf\": \"2025-03-31\"}");
        report("a-childcare", "{\"value\": 150, \"asOf\": \"2025-06-15\"}");
        report("n-007", "{\"value\": 9, \"asOf\": \"2025-06-20\"}");
        viewerFutian = h.userToken("viewer-futian", Role.VIEWER, "futian", null);
    }

    private static void create(String body) throws Exception {
        assertThat(h.call(POST, "/api/commitments", body, "createCommitment").status()).isEqualTo(201);
    }

    private static void report(String id, String body) throws Exception {
        assertThat(h.call(POST, "/api/commitments/" + id + "/results", body, "reportResult").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    private static JsonNode ledger(String query) throws Exception {
        Harness.Answer a = h.call(GET, "/api/ledger" + encoded(query), null, "ledgerTable");
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        return a.json();
    }

    /** The query with its non-ASCII characters percent-encoded, as a browser sends them. */
    static String encoded(String query) {
        StringBuilder out = new StringBuilder();
        query.codePoints().forEach(cp -> {
            if (cp < 128) {
                out.appendCodePoint(cp);
            } else {
                out.append(java.net.URLEncoder.encode(Character.toString(cp), java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").findValuesAsText("commitmentId");
    }

    @Test
    void givenManyCommitmentsWhenTheLedgerIsPagedThenEachPageHoldsLimitRowsAndTotalCountsAll() throws Exception {
        JsonNode first = ledger("?limit=50");
        JsonNode third = ledger("?limit=50&offset=100");
        assertThat(first.get("total").asInt()).isEqualTo(MANY + 3);
        assertThat(ids(first)).hasSize(50).startsWith("a-childcare", "b-tower", "c-volunteers", "n-000");
        assertThat(ids(third)).hasSize(MANY + 3 - 100).doesNotContainAnyElementsOf(ids(first));
        assertThat(ledger("?limit=50&offset=1000").get("items")).isEmpty();
    }

    @Test
    void givenReportsWhenTheLedgerIsReadThenEachRowCarriesItsLastReportAndProgressAgainstTheExpected()
            throws Exception {
        JsonNode row = ledger("?q=托位").get("items").get(0);
        assertThat(row.get("commitmentId").asText()).isEqualTo("a-childcare");
        assertThat(row.get("lastReport").get("value").asDouble()).isEqualTo(150);
        assertThat(row.get("lastReport").get("asOf").asText()).isEqualTo("2025-06-15");
        assertThat(row.get("progress").asDouble()).isEqualTo(0.75);
        assertThat(row.has("expectedProgress")).isTrue();
        assertThat(row.get("owner").asText()).isEqualTo("社会事务办");
        assertThat(row.get("deadline").asText()).isEqualTo("2025-12-31");
        // before the second report the first one is the last
        JsonNode then = ledger("?q=托位&asOf=2025-04-30").get("items").get(0);
        assertThat(then.get("lastReport").get("value").asDouble()).isEqualTo(80);
        assertThat(ledger("?q=志愿者").get("items").get(0).has("lastReport")).isFalse();
    }

    @Test
    void givenFiltersWhenTheLedgerIsReadThenOnlyMatchingRowsAreCounted() throws Exception {
        assertThat(ids(ledger("?district=futian"))).containsExactly("b-tower");
        assertThat(ledger("?district=guangming&limit=1").get("total").asInt()).isEqualTo(MANY + 2);
        assertThat(ledger("?category=民生").get("total").asInt()).isEqualTo(2);
        assertThat(ledger("?owner=城建办1").get("total").asInt()).isEqualTo(MANY / 3);
        assertThat(ledger("?year=2024").get("total").asInt()).isZero();
        assertThat(ledger("?kind=MILESTONE").get("items").findValuesAsText("commitmentId")).containsExactly("b-tower");
        JsonNode twoStatuses = ledger("?status=MISSED&status=NO_DATA&limit=1000");
        assertThat(twoStatuses.get("items").findValuesAsText("status")).isNotEmpty()
                .allMatch(s -> s.equals("MISSED") || s.equals("NO_DATA"));
        assertThat(ids(twoStatuses)).contains("c-volunteers").doesNotContain("a-childcare");
        JsonNode attention = ledger("?attention=true&limit=1000");
        for (JsonNode r : attention.get("items")) {
            assertThat(needsChasing(r)).as(r.toString()).isTrue();
        }
        // the volunteers' deadline has passed with no report: it needs attention; the childcare places are on pace
        assertThat(ids(attention)).contains("c-volunteers");
        JsonNode all = ledger("?limit=1000");
        long expected = 0;
        for (JsonNode r : all.get("items")) {
            if (needsChasing(r)) {
                expected++;
            }
        }
        assertThat(attention.get("total").asLong()).isEqualTo(expected);
    }

    /** BEHIND, MISSED, NO_DATA or a warning other than 待审核, which waits on a reviewer, not on the owner. */
    private static boolean needsChasing(JsonNode row) {
        if (List.of("BEHIND", "MISSED", "NO_DATA").contains(row.get("status").asText())) {
            return true;
        }
        for (JsonNode w : row.get("warnings")) {
            if (!(w.isTextual() ? w.asText() : w.path("code").asText()).equals("UNREVIEWED")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void givenASearchWhenTheLedgerIsReadThenEveryWordMustMatchTitleOwnerOrId() throws Exception {
        assertThat(ids(ledger("?q=改造道路7"))).containsExactly("n-007", "n-070", "n-071", "n-072", "n-073", "n-074",
                "n-075", "n-076", "n-077", "n-078", "n-079");
        assertThat(ids(ledger("?q=社会事务办 联合会".replace(" ", "%20")))).containsExactly("c-volunteers");
        assertThat(ids(ledger("?q=TOWER"))).containsExactly("b-tower");
        assertThat(ledger("?q=不存在的任务").get("total").asInt()).isZero();
    }

    @Test
    void givenASortWhenTheLedgerIsReadThenRowsComeInThatOrderWithTiesByIdAndMissingValuesLast() throws Exception {
        List<String> deadlines = ledger("?sort=deadline&limit=1000").get("items").findValuesAsText("deadline");
        assertThat(deadlines).isSorted();
        assertThat(ids(ledger("?sort=deadline&limit=1"))).containsExactly("c-volunteers");
        List<String> desc = ledger("?sort=deadline&order=desc&limit=1000").get("items").findValuesAsText("deadline");
        assertThat(desc).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(ids(ledger("?sort=lastReport&order=desc&limit=2"))).containsExactly("n-007", "a-childcare");
        List<String> owners = ledger("?sort=owner&limit=1000").get("items").findValuesAsText("owner");
        assertThat(owners).isSorted();
        JsonNode byProgress = ledger("?sort=progress&order=desc&limit=2");
        assertThat(ids(byProgress)).containsExactly("n-007", "a-childcare");
        List<Integer> order = new ArrayList<>();
        for (JsonNode r : ledger("?sort=status&limit=1000").get("items")) {
            order.add(plancheck.domain.Status.valueOf(r.get("status").asText()).ordinal());
        }
        assertThat(order).isSorted();
    }

    @Test
    void givenAViewerOfOneDistrictWhenTheLedgerIsReadThenOnlyTheirScopeIsListedAndOtherDistrictsAreRefused()
            throws Exception {
        Harness.Answer mine = h.call(GET, "/api/ledger", null, "ledgerTable", as(viewerFutian));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(ids(mine.json())).containsExactly("b-tower");
        assertThat(mine.json().get("total").asInt()).isEqualTo(1);
        assertProblem(h.call(GET, "/api/ledger?district=fenghuang", null, "ledgerTable", as(viewerFutian)), 403,
                "district");
        assertThat(h.call(GET, "/api/ledger", null, "ledgerTable", java.util.Map.of("Authorization",
                Harness.ANONYMOUS)).status()).isEqualTo(401);
    }

    @Test
    void givenStatusChangesWhenTheDecisionFeedIsReadThenTheyComeNewestFirstWithinTheReadersScope() throws Exception {
        Harness.Answer all = h.call(GET, "/api/decisions?district=guangming&limit=1000", null, "recentDecisions");
        assertThat(all.status()).as(all.text()).isEqualTo(200);
        List<String> ids = all.json().get("items").findValuesAsText("commitmentId");
        assertThat(ids).contains("a-childcare", "c-volunteers").doesNotContain("b-tower");
        List<Long> seqs = new ArrayList<>();
        all.json().get("items").forEach(d -> seqs.add(d.get("seq").asLong()));
        assertThat(seqs).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(h.call(GET, "/api/decisions?limit=2", null, "recentDecisions").json().get("items")).hasSize(2);
        Harness.Answer futian = h.call(GET, "/api/decisions", null, "recentDecisions", as(viewerFutian));
        assertThat(futian.json().get("items").findValuesAsText("commitmentId")).containsOnly("b-tower");
        assertThat(futian.json().get("items").get(0).get("title").asText()).isEqualTo("科达利总部大厦开工建设");
        assertProblem(h.call(GET, "/api/decisions?district=fenghuang", null, "recentDecisions", as(viewerFutian)),
                403, "district");
        assertThat(h.call(GET, "/api/decisions?since=2099-01-01", null, "recentDecisions").json().get("items"))
                .isEmpty();
        for (String[] bad : new String[][] {{"?since=last-week", "since"}, {"?offset=5", "offset"},
                {"?limit=0", "limit"}, {"?year=2025", "year"}}) {
            assertProblem(h.call(GET, "/api/decisions" + bad[0], null, "recentDecisions"), 400, bad[1]);
        }
    }

    @Test
    void givenBadParametersWhenTheLedgerIsReadThenEachIsNamedInA400() throws Exception {
        for (String[] bad : new String[][] {{"?limit=0", "limit"}, {"?limit=1001", "limit"}, {"?limit=ten", "limit"},
                {"?offset=-1", "offset"}, {"?sort=title", "sort"}, {"?order=down", "order"},
                {"?status=LATE", "status"}, {"?status=", "status"}, {"?attention=yes", "attention"},
                {"?asOf=2025-13-01", "asOf"}, {"?year=2025.0", "year"}, {"?q=a&q=b", "q"}, {"?page=2", "page"},
                {"?sort=owner&sort=status", "sort"}}) {
            assertProblem(h.call(GET, "/api/ledger" + bad[0], null, "ledgerTable"), 400, bad[1]);
        }
    }
}
