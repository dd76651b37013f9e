package plancheck.http;

import static io.vertx.core.http.HttpMethod.GET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import plancheck.domain.Role;

/**
 * The web app in a real headless Chromium, through the flows people use: a planner imports seed 003 and sees it
 * on the dashboard; an evaluator reports a result on the commitment page while a second dashboard is open, which
 * updates without reload; a reviewer approves it from the review queue. One browser for all of it, to stay fast.
 */
@ExtendWith(VertxExtension.class)
class WebFlowTest {

    private static final String SEED = "003_af213d65b87cb190";

    @Test
    void givenSeed003ImportedByAPlannerWhenAnEvaluatorReportsAndAReviewerApprovesThenTheDashboardsFollowLive(
            Vertx vertx, @TempDir Path data) throws Exception {
        assumeTrue(Browser.available(), "chromium and chromium-driver are installed by test.sh");
        try (Harness h = Harness.start(vertx, data)) {
            h.userToken("planner", Role.PLANNER, "fenghuang", "planner-pass-1");
            h.userToken("evaluator", Role.EVALUATOR, "fenghuang", "evaluator-pass-1");
            h.userToken("reviewer", Role.REVIEWER, "fenghuang", "reviewer-pass-1");
            try (Browser b = new Browser("http://127.0.0.1:" + h.app.port())) {
                b.login("planner", "planner-pass-1");
                importSeed(b);
                b.find("#to-dashboard").click();
                b.waitFor().until(d -> "19".equals(d.findElement(By.id("dashboard")).getAttribute("data-total")));
                assertThat(b.find("#tile-total").getText()).contains("19");
                assertThat(b.find("#chart-byStatus canvas").isDisplayed()).isTrue();
                b.logout();

                String childcare = childcare(h);
                b.login("evaluator", "evaluator-pass-1");
                b.open("dashboard");
                String drawn = b.find("#dashboard[data-drawn]").getAttribute("data-drawn");
                String dashboard = b.driver.getWindowHandle();
                b.driver.switchTo().newWindow(org.openqa.selenium.WindowType.WINDOW);
                b.open("c/" + childcare);
                b.find("#r-value").sendKeys("120");
                b.find("#r-submit").click();
                b.waitFor().until(d -> d.findElements(By.cssSelector("#results tr[data-result]")).size() == 1);
                b.driver.switchTo().window(dashboard);
                b.waitFor().until(d -> !drawn.equals(d.findElement(By.id("dashboard")).getAttribute("data-drawn")));
                b.logout();

                b.login("reviewer", "reviewer-pass-1");
                b.open("review");
                b.find("#review-rows tr[data-result] .approve").click();
                b.waitFor().until(d -> d.findElements(By.cssSelector("#review-rows tr[data-result]")).isEmpty());
            }
            JsonNode results = h.call(GET, "/api/commitments/" + childcare(h) + "/results", null, null).json();
            assertThat(results.get(0).get("value").asDouble()).isEqualTo(120);
            assertThat(results.get(0).get("review").asText()).isEqualTo("APPROVED");
        }
    }

    private static void importSeed(Browser b) throws java.io.IOException {
        b.open("import");
        b.fill("#import-input", Files.readString(Path.of("data", "seeds", SEED + ".txt")));
        b.fill("#import-document", SEED);
        b.find("#import-read").click();
        b.find("#import-text mark");
        assertThat(b.driver.findElements(By.cssSelector(".cand"))).hasSizeGreaterThan(19);
        // summary results of 2024 find no 2024 plan in an empty store: they stay unticked
        b.find("#accept").click();
        assertThat(b.find("#accepted").getText()).contains("STORED 19");
    }

    /** The id of 推动新增托位200个以上 as the import stored it. */
    private static String childcare(Harness h) throws Exception {
        JsonNode page = h.call(GET, "/api/commitments?district=fenghuang&year=2025&limit=100", null, null).json();
        for (JsonNode c : page.get("items")) {
            if (c.get("title").asText().contains("托位")) {
                return c.get("id").asText();
            }
        }
        throw new AssertionError("no childcare commitment in " + page);
    }
}
