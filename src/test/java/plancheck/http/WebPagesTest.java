package plancheck.http;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import plancheck.domain.Role;

/**
 * The commitment page, the ledger and the shell in a real headless Chromium: a planner revises with a reason and
 * retires; a reviewer returns a result with a reason and its evaluator sees why; the ledger searches, sorts and
 * pages through the server; the English switch; no page overflows sideways on a phone or at 1366×768.
 */
@ExtendWith(VertxExtension.class)
class WebPagesTest {

    /** Numbered commitments beside the named ones, so that the ledger has pages. */
    private static final int MANY = 70;

    @TempDir
    static Path data;
    static Harness h;
    static Browser b;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        assumeTrue(Browser.available(), "chromium and chromium-driver are installed by test.sh");
        h = Harness.start(vertx, data);
        create("""
                {"id": "a-childcare", "district": "fenghuang", "year": 2025, "category": "民生", "title": "新增托位200个以上",
                 "kind": "AT_LEAST", "unit": "个", "target": 200, "owner": "社会事务办", "deadline": "2025-12-31"}""");
        create("""
                {"id": "b-library", "district": "fenghuang", "year": 2025, "category": "民生", "title": "新建社区图书馆3个",
                 "kind": "AT_LEAST", "unit": "个", "target": 3, "owner": "文化站", "deadline": "2025-11-30"}""");
        create("""
                {"id": "c-volunteers", "district": "fenghuang", "year": 2025, "category": "民生", "title": "成立街道志愿者联合会",
                 "kind": "BINARY", "deadline": "2025-03-31", "owner": "社会事务办"}""");
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            batch.add(String.format("""
                    {"id": "n-%03d", "district": "fenghuang", "year": 2025, "category": "城建", "title": "改造道路%d公里",
                     "kind": "AT_LEAST", "unit": "公里", "target": 10, "owner": "城建办", "deadline": "2025-12-%02d"}""",
                    i, i, 1 + i % 28));
        }
        assertThat(h.call(POST, "/api/commitments/batch", "[" + String.join(",", batch) + "]", null).status())
                .isEqualTo(201);
        h.userToken("planner", Role.PLANNER, "fenghuang", "planner-pass-1");
        h.userToken("evaluator", Role.EVALUATOR, "fenghuang", "evaluator-pass-1");
        h.userToken("reviewer", Role.REVIEWER, "guangming", "reviewer-pass-1");
        b = new Browser("http://127.0.0.1:" + h.app.port());
    }

    private static void create(String body) throws Exception {
        assertThat(h.call(POST, "/api/commitments", body, "createCommitment").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        if (b != null) {
            b.close();
        }
        if (h != null) {
            h.close();
        }
    }

    /** Signs in as {@code login}, signing out whoever was signed in. */
    private static void as(String login, String password) {
        b.driver.get(b.base + "/");
        b.waitFor().until(d -> !d.findElements(By.id("login-name")).isEmpty()
                || d.findElement(By.id("logout")).isDisplayed());
        if (b.driver.findElement(By.id("logout")).isDisplayed()) {
            b.logout();
        }
        b.login(login, password);
    }

    @Test
    void givenAPlannerWhenTheyReviseTheTargetWithAReasonThenThePageShowsTheNewTargetAndTheReason() {
        as("planner", "planner-pass-1");
        b.open("c/a-childcare");
        WebElement target = b.find("#c-target");
        target.clear();
        target.sendKeys("250");
        b.find("#c-reason").sendKeys("区里调高目标");
        b.find("#c-revise").click();
        b.waitFor().until(d -> "2".equals(d.findElement(By.id("commitment")).getAttribute("data-revision")));
        assertThat(b.find("#target").getText()).contains("250");
        assertThat(b.find("#revisions").getText()).contains("区里调高目标").contains("planner");
        // a planner reports nothing and reviews nothing: no such controls on the page
        assertThat(b.driver.findElements(By.id("report-form"))).isEmpty();
    }

    @Test
    void givenAPlannerWhenTheyRetireWithAReasonThenThePageSaysRetiredAndTheLedgerNoLongerListsIt() {
        as("planner", "planner-pass-1");
        b.open("c/b-library");
        b.find("#c-reason").sendKeys("并入区级项目");
        b.find("#c-retire").click();
        assertThat(b.find("#retired").getText()).contains("已撤销").contains("并入区级项目");
        b.open("ledger");
        b.fill("#f-search", "图书馆");
        b.waitFor().until(d -> "0".equals(d.findElement(By.id("page-info")).getAttribute("data-total")));
    }

    @Test
    void givenAReportedResultWhenAReviewerReturnsItWithAReasonThenTheEvaluatorSeesItReturnedAndWhy() {
        as("evaluator", "evaluator-pass-1");
        b.open("c/n-001");
        assertThat(b.driver.findElements(By.id("plan-actions"))).isEmpty();
        b.find("#r-value").sendKeys("4");
        b.find("#r-submit").click();
        b.waitFor().until(d -> d.findElements(By.cssSelector("#results tr[data-review=SUBMITTED]")).size() == 1);
        // the evaluator may not review their own result
        assertThat(b.driver.findElements(By.cssSelector("#results .return"))).isEmpty();

        as("reviewer", "reviewer-pass-1");
        b.open("c/n-001");
        b.find("#results tr[data-result] .return-reason").sendKeys("佐证材料缺失");
        b.find("#results tr[data-result] .return").click();
        b.waitFor().until(d -> d.findElements(By.cssSelector("#results tr[data-review=RETURNED]")).size() == 1);

        as("evaluator", "evaluator-pass-1");
        b.open("c/n-001");
        WebElement review = b.find("#results tr[data-review=RETURNED] .review");
        assertThat(review.getText()).contains("已退回").contains("佐证材料缺失");
    }

    @Test
    void givenTheLedgerWhenSearchingSortingAndPagingThenTheRowsComeFromTheServerInThatOrder() throws Exception {
        as("planner", "planner-pass-1");
        b.open("ledger");
        b.waitFor().until(d -> d.findElements(By.cssSelector("#ledger-rows tr[data-id]")).size() == 50);
        int total = Integer.parseInt(b.find("#page-info").getAttribute("data-total"));
        assertThat(total).isEqualTo(h.call(GET, "/api/ledger?limit=1", null, null).json().get("total").asInt());
        List<String> first = rowIds();
        b.find("#next").click();
        b.waitFor().until(d -> !rowIds().equals(first));
        assertThat(rowIds()).hasSize(total - 50).doesNotContainAnyElementsOf(first);
        assertThat(b.find("#page-info").getText()).contains("第 2 页");
        assertThat(b.find("#next").isEnabled()).isFalse();

        b.find("th[data-sort=deadline]").click();
        b.waitFor().until(d -> rowIds().size() == 50 && rowIds().get(0).equals("c-volunteers"));
        b.find("th[data-sort=deadline]").click();
        b.waitFor().until(d -> d.findElement(By.cssSelector("th[data-sort=deadline]")).getText().contains("▼"));
        b.waitFor().until(d -> rowIds().get(0).equals("a-childcare"));

        b.fill("#f-search", "改造道路6");
        b.waitFor().until(d -> rowIds().size() == 11);
        assertThat(rowIds()).allMatch(id -> id.equals("n-006") || id.startsWith("n-06"));
        assertThat(b.find("#page-info").getText()).contains("11");
    }

    /** The ids of the rows shown, read at once (the table is redrawn as a whole under the test's feet). */
    @SuppressWarnings("unchecked")
    private static List<String> rowIds() {
        return (List<String>) b.driver.executeScript("return Array.from(document.querySelectorAll("
                + "'#ledger-rows tr[data-id]')).map((r) => r.dataset.id);");
    }

    @Test
    void givenTheEnglishSwitchWhenClickedThenThePagesSpeakEnglishUntilSwitchedBack() {
        as("planner", "planner-pass-1");
        b.open("dashboard");
        b.find("#tile-total");
        assertThat(b.find("#nav-ledger").getText()).isEqualTo("台账");
        b.find("#lang").click();
        b.waitFor().until(d -> d.findElement(By.id("nav-ledger")).getText().equals("Ledger"));
        assertThat(b.find("#tile-attention").getText()).contains("Need attention");
        assertThat(b.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        b.open("ledger");
        assertThat(b.find("th[data-sort=deadline]").getText()).startsWith("Deadline");
        b.find("#lang").click();
        b.waitFor().until(d -> d.findElement(By.id("nav-ledger")).getText().equals("台账"));
    }

    @Test
    void givenAPhoneAndA1366ScreenWhenEachPageIsShownThenNothingOverflowsSideways() {
        as("planner", "planner-pass-1");
        try {
            for (Dimension size : List.of(new Dimension(390, 844), new Dimension(1366, 768))) {
                b.driver.manage().window().setSize(size);
                for (String page : List.of("dashboard", "ledger", "c/a-childcare", "import")) {
                    b.open(page);
                    b.find(page.equals("dashboard") ? "#tile-total" : page.equals("ledger")
                            ? "#ledger-rows tr[data-id]" : page.equals("import") ? "#import-input" : "#chart-history");
                    Object widths = b.driver.executeScript("return [document.documentElement.scrollWidth,"
                            + " document.documentElement.clientWidth, document.getElementById('main').scrollWidth,"
                            + " document.getElementById('main').clientWidth];");
                    @SuppressWarnings("unchecked")
                    List<Number> w = (List<Number>) widths;
                    assertThat(w.get(0).intValue()).as(page + " at " + size + " " + w).isLessThanOrEqualTo(
                            w.get(1).intValue());
                    assertThat(w.get(2).intValue()).as(page + " main at " + size + " " + w).isLessThanOrEqualTo(
                            w.get(3).intValue());
                }
            }
        } finally {
            b.driver.manage().window().setSize(new Dimension(1366, 768));
        }
    }
}
