package plancheck.http;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static plancheck.http.Harness.assertProblem;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;

/** The district registry: seeded tree, subtree filters, figures per child district. */
@ExtendWith(VertxExtension.class)
class DistrictApiTest {

    private static final String COMMITMENT = """
            {"id": "%s", "district": "%s", "year": 2025, "category": "民生", "title": "新增托位200个以上",
             "kind": "AT_LEAST", "metric": "childcare_places", "unit": "个", "target": 200}
            """;

    @TempDir
    static Path data;
    static Harness h;

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        h = Harness.start(vertx, data);
        for (String[] c : new String[][] {{"d-huaqiangbei", "huaqiangbei"}, {"d-fenghuang", "fenghuang"},
                {"d-futian", "futian"}}) {
            Harness.Answer created = h.call(POST, "/api/commitments", COMMITMENT.formatted(c[0], c[1]),
                    "createCommitment");
            assertThat(created.status()).as(created.text()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void givenAnEmptyStoreThenTheSeedTreePutsEachStreetUnderItsDistrict() throws Exception {
        JsonNode all = h.call(GET, "/api/districts", null, "districts").json();
        assertThat(all.findValuesAsText("id")).contains("shenzhen", "futian", "huaqiangbei", "fenghuang", "guanhu");
        JsonNode futian = h.call(GET, "/api/districts/futian", null, "district").json();
        assertThat(futian.get("name").asText()).isEqualTo("福田区");
        assertThat(futian.get("level").asText()).isEqualTo("区");
        assertThat(futian.get("children").toString()).isEqualTo("[\"huaqiangbei\"]");
        assertThat(h.call(GET, "/api/districts/guanhu", null, "district").json().get("parent").asText())
                .isEqualTo("longhua");
    }

    @Test
    void givenAnUnknownDistrictThenItIsNotFound() throws Exception {
        assertProblem(h.call(GET, "/api/districts/atlantis", null, "district"), 404, "id");
    }

    @Test
    void givenAFilterByADistrictThenItsStreetsAreIncludedAndOtherDistrictsAreNot() throws Exception {
        JsonNode ids = h.call(GET, "/api/commitments?district=futian", null, "listCommitments").json();
        assertThat(ids.findValuesAsText("id")).containsExactlyInAnyOrder("d-futian", "d-huaqiangbei");
        JsonNode street = h.call(GET, "/api/commitments?district=huaqiangbei", null, "listCommitments").json();
        assertThat(street.findValuesAsText("id")).containsExactly("d-huaqiangbei");
        JsonNode city = h.call(GET, "/api/evaluations?district=shenzhen", null, "listEvaluations").json();
        assertThat(city.findValuesAsText("commitmentId"))
                .containsExactlyInAnyOrder("d-futian", "d-huaqiangbei", "d-fenghuang");
    }

    @Test
    void givenAScorecardOfTheCityThenByDistrictCountsEachChildDistrict() throws Exception {
        JsonNode card = h.call(GET, "/api/scorecard?district=shenzhen", null, "scorecard").json();
        assertThat(card.get("total").asInt()).isEqualTo(3);
        JsonNode by = card.get("byDistrict");
        assertThat(by.get("futian").get("total").asInt()).isEqualTo(2);
        assertThat(by.get("guangming").get("total").asInt()).isEqualTo(1);
        assertThat(by.has("longhua")).isFalse();

        JsonNode futian = h.call(GET, "/api/scorecard?district=futian", null, "scorecard").json().get("byDistrict");
        assertThat(futian.get("huaqiangbei").get("total").asInt()).isEqualTo(1);
        assertThat(futian.get("futian").get("total").asInt()).isEqualTo(1);
    }
}
