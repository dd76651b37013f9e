package plancheck.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;

import io.vertx.core.Vertx;

import plancheck.dataset.DatasetLoader;
import plancheck.domain.Role;

/**
 * Screenshots of the dashboard, the ledger, a commitment and the import page into docs/screenshots/ (run by
 * docs/screenshots.sh): a server on the reference data set and the demo scenario, at the tests' fixed today
 * (2025-06-30), seen by an admin at 1366×768.
 */
public final class Screenshots {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Vertx vertx = Vertx.vertx();
        Path data = Files.createTempDirectory("plancheck-shots");
        try (Harness h = Harness.start(vertx, data.resolve("db"), s -> DatasetLoader.loadIfEmpty(s, true, true))) {
            h.userToken("leader", Role.ADMIN, null, "screenshots-1");
            try (Browser b = new Browser("http://127.0.0.1:" + h.app.port())) {
                b.login("leader", "screenshots-1");
                b.open("dashboard");
                b.find("[data-district=guangming]").click();
                b.waitFor().until(d -> d.findElement(By.id("dashboard")).getAttribute("data-total") != null
                        && !"0".equals(d.findElement(By.id("dashboard")).getAttribute("data-total")));
                Thread.sleep(1500); // the charts' entry animation
                shot(b, out.resolve("dashboard.png"));
                // the ledger of every district in 2024 (the year the seeds' summaries report on), the latest reports
                // first; then the commitment reported last
                b.find("#tree > a").click();
                b.waitFor().until(d -> d.findElements(By.cssSelector("#tree > a.on")).size() == 1);
                new org.openqa.selenium.support.ui.Select(b.find("#year")).selectByValue("2024");
                b.waitFor().until(d -> d.findElement(By.id("asof-label")).getText().startsWith("2024"));
                b.open("ledger");
                b.find("#ledger-rows tr[data-id]");
                b.find("th[data-sort=lastReport]").click();
                b.waitFor().until(d -> d.findElement(By.cssSelector("th[data-sort=lastReport]")).getText().contains("▲"));
                b.find("th[data-sort=lastReport]").click();
                b.waitFor().until(d -> d.findElement(By.cssSelector("th[data-sort=lastReport]")).getText().contains("▼"));
                Thread.sleep(500);
                shot(b, out.resolve("ledger.png"));
                b.find("#ledger-rows tr[data-id]").click();
                b.find("#chart-history canvas");
                Thread.sleep(1500);
                b.driver.executeScript("window.scrollTo(0, 0)");
                shot(b, out.resolve("commitment.png"));
                b.open("import");
                b.fill("#import-input", Files.readString(Path.of("data/seeds/003_af213d65b87cb190.txt")));
                b.fill("#import-document", "003_af213d65b87cb190");
                b.find("#import-read").click();
                b.find("#import-text mark");
                b.find(".cand[data-id=c13]").click();
                Thread.sleep(500);
                shot(b, out.resolve("import.png"));
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static void shot(Browser b, Path to) throws java.io.IOException {
        Files.copy(b.driver.getScreenshotAs(OutputType.FILE).toPath(), to, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("wrote " + to);
    }
}
