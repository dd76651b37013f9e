package plancheck.http;

import static io.vertx.core.http.HttpMethod.GET;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;

/** With the watch on, a rule file edited on disk takes effect without a restart or a call. */
@ExtendWith(VertxExtension.class)
class RulesWatchTest {

    @Test
    void givenTheWatchOn_whenAThresholdIsEditedOnDisk_thenTheNewRulesDecideAndTheHistoryNamesTheWatch(Vertx vertx,
            @TempDir Path data, @TempDir Path dir) throws Exception {
        Path rules = RulesApiTest.copyRules(dir);
        try (Harness h = Harness.start(vertx, data, rules, true, s -> { })) {
            RulesApiTest.createBehind(h, "childcare");
            String before = h.call(GET, "/api/rules", null, "rules").json().get("revision").asText();

            RulesApiTest.widenTolerance(rules);

            // the watch reloads once the folder has been quiet for a moment: wait for it (at most 30 s)
            String status = null;
            for (int i = 0; i < 300 && !"ON_TRACK".equals(status); i++) {
                Thread.sleep(100);
                status = h.call(GET, "/api/evaluations/childcare", null, "getEvaluation").json().get("status")
                        .asText();
            }
            assertThat(status).isEqualTo("ON_TRACK");
            var listing = h.call(GET, "/api/rules", null, "rules").json();
            assertThat(listing.get("revision").asText()).isNotEqualTo(before);
            assertThat(listing.get("history").get(1).get("by").asText()).isEqualTo("watch");
        }
    }
}
