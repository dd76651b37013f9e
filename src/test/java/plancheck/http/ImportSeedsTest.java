package plancheck.http;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;

import plancheck.dataset.DatasetLoader;
import plancheck.store.Json;

/** Every seed report through the review: on an empty store, and against the reference data set. */
@ExtendWith(VertxExtension.class)
class ImportSeedsTest {

    private static final Path SEEDS = Path.of("data", "seeds");

    private static JsonNode importSeed(Harness h, String seed) throws Exception {
        String body = Json.MAPPER.writeValueAsString(Json.MAPPER.createObjectNode()
                .put("text", Files.readString(SEEDS.resolve(seed + ".txt"))).put("document", seed));
        Harness.Answer a = h.call(POST, "/api/imports", body, "importReport");
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        return a.json();
    }

    /** Accepts every candidate as proposed. */
    private static Harness.Answer acceptAll(Harness h, JsonNode draft) throws Exception {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode cs = body.putArray("commitments");
        draft.get("commitments").forEach(c -> cs.add(c.get("id").asText()));
        ArrayNode rs = body.putArray("results");
        draft.get("results").forEach(r -> rs.add(r.get("id").asText()));
        return h.call(POST, "/api/imports/" + draft.get("id").asText() + "/accept",
                Json.MAPPER.writeValueAsString(body), "acceptImport");
    }

    private static Map<String, Integer> counts(Harness.Answer a) {
        return Json.MAPPER.convertValue(a.json().get("counts"), new com.fasterxml.jackson.core.type.TypeReference<>() { });
    }

    private static JsonNode scorecard(Harness h, String district, int year) throws Exception {
        return h.call(GET, "/api/scorecard?district=" + district + "&year=" + year, null, "scorecard").json();
    }

    /**
     * Imported in the order of the seeds into an empty store: no summary result finds its commitment, because each
     * summary reports on the plan of the year before, and no seed holds that plan (000 sums up 2021, 003 2024, 004
     * 2022; 002 is a rectification report without a summary section; 001 has no plan section).
     */
    @Test
    void givenAnEmptyStoreWhenEverySeedIsImportedAndAcceptedThenTheScorecardsCountItsCommitments(Vertx vertx,
            @TempDir Path data) throws Exception {
        try (Harness h = Harness.start(vertx, data)) {
            record Expected(String seed, int commitments, int results) {
            }
            for (Expected e : List.of(new Expected("000_78664df261c6048e", 5, 20),
                    new Expected("002_ae4d2cb886bd8760", 3, 0), new Expected("003_af213d65b87cb190", 19, 26),
                    new Expected("004_fa4dcfe65d210400", 64, 37))) {
                JsonNode draft = importSeed(h, e.seed());
                assertThat(draft.get("commitments")).as(e.seed()).hasSize(e.commitments());
                assertThat(draft.get("results")).as(e.seed()).hasSize(e.results());

                Harness.Answer a = acceptAll(h, draft);

                assertThat(a.status()).as(a.text()).isEqualTo(200);
                assertThat(counts(a)).as(e.seed()).isEqualTo(Map.of("STORED", e.commitments(), "ACCEPTED_BEFORE", 0,
                        "DUPLICATE", 0, "NOT_LINKED", e.results(), "REVISED", 0));
                a.json().get("results").forEach(r -> assertThat(r.get("reason").asText()).as(e.seed())
                        .contains("plan is not stored"));
                Harness.Answer again = acceptAll(h, draft);
                assertThat(counts(again).get("ACCEPTED_BEFORE")).isEqualTo(e.commitments());
            }
            JsonNode none = importSeed(h, "001_50ffda074b4495d5");
            assertThat(none.get("commitments")).isEmpty();
            assertThat(none.get("results")).isEmpty();

            assertScore(scorecard(h, "huaqiangbei", 2022), 5, 2, 3);
            assertScore(scorecard(h, "huaqiangbei", 2023), 3, 3, 0);
            assertScore(scorecard(h, "fenghuang", 2025), 19, 11, 8);
            assertScore(scorecard(h, "guanhu", 2023), 64, 47, 17);
            assertThat(h.call(GET, "/api/scorecard", null, "scorecard").json().get("total").asInt()).isEqualTo(91);
        }
    }

    private static void assertScore(JsonNode scorecard, int total, int noData, int ongoing) {
        assertThat(scorecard.get("total").asInt()).isEqualTo(total);
        assertThat(scorecard.get("byStatus").get("NO_DATA").asInt()).isEqualTo(noData);
        assertThat(scorecard.get("byStatus").get("ONGOING").asInt()).isEqualTo(ongoing);
    }

    /**
     * With the reference data set stored, a candidate is a duplicate exactly where the data set holds it: the ones
     * left are those whose clause no data-set quote of the same district and year overlaps (the data set left them
     * out as slogans, 持续 + an aim, 探索, …).
     */
    @Test
    void givenTheReferenceDataSetThenEverySeedCandidateItHoldsIsADuplicateAndAcceptingStoresOnlyTheOthers(
            Vertx vertx, @TempDir Path data) throws Exception {
        try (Harness h = Harness.start(vertx, data, s -> DatasetLoader.loadIfEmpty(s, true, false))) {
            Map<String, Integer> duplicates = Map.of("000_78664df261c6048e", 4, "002_ae4d2cb886bd8760", 3,
                    "003_af213d65b87cb190", 15, "004_fa4dcfe65d210400", 57);
            for (var e : duplicates.entrySet()) {
                JsonNode draft = importSeed(h, e.getKey());
                JsonNode dataSet = Json.MAPPER.readTree(Path.of("data/reference/" + e.getKey() + ".json").toFile());
                Map<String, JsonNode> held = new java.util.HashMap<>();
                dataSet.get("commitments").forEach(c -> held.put(c.get("id").asText(), c));
                int flagged = 0;
                for (JsonNode c : draft.get("commitments")) {
                    JsonNode k = c.get("commitment");
                    if (c.has("duplicateOf")) {
                        flagged++;
                        JsonNode same = held.get(c.get("duplicateOf").asText());
                        assertThat(same).as(c.toString()).isNotNull();
                        assertThat(same.get("district")).isEqualTo(k.get("district"));
                        assertThat(same.get("year")).isEqualTo(k.get("year"));
                    } else {
                        String quote = whitespaceless(c.get("quote").asText());
                        assertThat(held.values()).as(c.get("id") + " " + quote).noneMatch(s -> {
                            String q = whitespaceless(s.get("source").get("quote").asText());
                            return s.get("year").equals(k.get("year")) && (q.contains(quote) || quote.contains(q));
                        });
                    }
                }
                assertThat(flagged).as(e.getKey()).isEqualTo(e.getValue());
            }
            JsonNode fenghuang = importSeed(h, "003_af213d65b87cb190");
            assertThat(duplicateOf(fenghuang, "推动新增托位200个以上")).isEqualTo("fenghuang-2025-020");
            assertThat(duplicateOf(fenghuang, "芯仪科技投产")).isEqualTo("fenghuang-2025-002");
            assertThat(duplicateOf(fenghuang, "昆泰芯投产")).isEqualTo("fenghuang-2025-003");
            JsonNode guanhu = importSeed(h, "004_fa4dcfe65d210400");
            assertThat(duplicateOf(guanhu, "办结率达到100%")).isEqualTo("guanhu-2023-064");
            assertThat(duplicateOf(guanhu, "推动观城一期西片区8条道路建设")).isEqualTo("guanhu-2023-027");

            Harness.Answer a = acceptAll(h, fenghuang);

            assertThat(counts(a)).isEqualTo(Map.of("STORED", 4, "ACCEPTED_BEFORE", 0, "DUPLICATE", 15,
                    "NOT_LINKED", 26, "REVISED", 0));
            assertThat(scorecard(h, "fenghuang", 2025).get("total").asInt()).isEqualTo(32 + 4);
        }
    }

    private static String duplicateOf(JsonNode draft, String title) {
        for (JsonNode c : draft.get("commitments")) {
            if (c.get("commitment").get("title").asText().equals(title)) {
                return c.path("duplicateOf").asText(null);
            }
        }
        throw new AssertionError("no candidate " + title);
    }

    private static String whitespaceless(String s) {
        return s.replaceAll("\\s+", "");
    }
}
