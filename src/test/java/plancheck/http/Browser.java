package plancheck.http;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through its chromium-driver (both installed by test.sh; nothing downloads a
 * browser), with a fresh profile each time, at the 1366×768 the pages are made for.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    final ChromeDriver driver;
    final String base;
    private final Path profile;

    Browser(String base) throws java.io.IOException {
        this.base = base;
        this.profile = Files.createTempDirectory("plancheck-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--lang=zh-CN",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1366, 768));
    }

    static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
    }

    void open(String hash) {
        driver.get(base + "/#/" + hash);
    }

    WebElement find(String css) {
        return waitFor().until(d -> {
            var found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // pages redraw whole sections: an element found a moment ago may be replaced before it is read
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        // what the page showed, so a failure says why (an error message on the page, a wrong page)
        wait.withMessage(() -> driver.getCurrentUrl() + " shows: " + driver.findElement(By.tagName("body")).getText());
        return wait;
    }

    void login(String login, String password) {
        driver.get(base + "/");
        find("#login-name").sendKeys(login);
        find("#login-password").sendKeys(password);
        find("#login-submit").click();
        waitFor().until(d -> d.findElement(By.id("who")).getText().contains(login));
    }

    void logout() {
        find("#logout").click();
        find("#login-name");
    }

    /** Sets a text field's value at once (a whole report typed key by key would take minutes). */
    void fill(String css, String text) {
        WebElement e = find(css);
        driver.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", e,
                text);
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() throws java.io.IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
