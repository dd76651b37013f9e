package plancheck.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import plancheck.domain.Commitment;
import plancheck.domain.Evaluation;
import plancheck.domain.Status;
import plancheck.engine.Engine;

/** The data set evaluated by the real rules (rules/ at the repository root). */
class DatasetEvaluationTest {

    /** Any day works for the demo; a fixed one keeps the test repeatable. */
    private static final LocalDate LOAD_DAY = LocalDate.of(2026, 11, 22);

    private static Engine engine;
    private static List<DataFile> reference;
    private static DataFile demo;

    @BeforeAll
    static void load() throws Exception {
        engine = Engine.start(Path.of("rules"), 2,
                Clock.fixed(LOAD_DAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));
        reference = Dataset.reference();
        demo = Dataset.demo(LOAD_DAY);
        List<DataFile> all = new ArrayList<>(reference);
        all.add(demo);
        engine.load(all.stream().flatMap(f -> f.commitments().stream()).toList(),
                all.stream().flatMap(f -> f.results().stream()).toList()).join();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static Commitment only(String document, String metric) {
        List<Commitment> found = reference.stream().filter(f -> f.document().equals(document))
                .flatMap(f -> f.commitments().stream()).filter(c -> c.metric().equals(metric)).toList();
        assertThat(found).as(document + " " + metric).hasSize(1);
        return found.get(0);
    }

    private static Commitment titled(String document, String title) {
        return reference.stream().filter(f -> f.document().equals(document)).flatMap(f -> f.commitments().stream())
                .filter(c -> c.title().equals(title)).findFirst().orElseThrow();
    }

    private static Evaluation asOf(LocalDate date, Commitment c) {
        return engine.evaluateAsOf(date, List.of(c.id())).join().get(0);
    }

    @Test
    void givenTheRectificationLedgerOn2023_04_10ThenItsCompletionRateIs25Of39AndOnTrack() {
        Commitment ledger = only("002_ae4d2cb886bd8760.txt", "rectification_tasks_done");
        assertThat(ledger.target()).isEqualTo(39.0);

        Evaluation e = asOf(LocalDate.of(2023, 4, 10), ledger);

        // the engine reports progress to three decimals
        assertThat(e.progress()).isCloseTo(25.0 / 39.0, within(0.0005));
        // 64 % done a quarter into the year is ahead of 序时进度
        assertThat(e.status()).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void givenTheLedgerBeforeItsReportThenNothingIsReportedYet() {
        Commitment ledger = only("002_ae4d2cb886bd8760.txt", "rectification_tasks_done");
        assertThat(asOf(LocalDate.of(2023, 4, 9), ledger).status()).isEqualTo(Status.NO_DATA);
    }

    @Test
    void givenAMilestoneWithNoResultThenItIsNoData() {
        Commitment hospital = titled("004_fa4dcfe65d210400.txt", "区综合医院开诊");
        assertThat(hospital.stage()).hasToString("IN_USE");
        assertThat(asOf(LocalDate.of(2023, 6, 30), hospital).status()).isEqualTo(Status.NO_DATA);
        assertThat(asOf(LocalDate.of(2024, 1, 31), hospital).status()).as("still unreported after the deadline")
                .isEqualTo(Status.NO_DATA);
    }

    @Test
    void givenAnOngoingDutyThenItIsKeptUpWhateverTheDate() {
        Commitment vaccination = titled("004_fa4dcfe65d210400.txt", "持续推进疫苗接种");
        assertThat(asOf(LocalDate.of(2023, 6, 30), vaccination).status()).isEqualTo(Status.ONGOING);
        assertThat(asOf(LocalDate.of(2030, 1, 1), vaccination).status()).isEqualTo(Status.ONGOING);
    }

    @Test
    void givenThePlansOf003And004ThenEveryCommitmentIsUnreportedOrOngoing() {
        for (String document : List.of("003_af213d65b87cb190.txt", "004_fa4dcfe65d210400.txt")) {
            List<String> ids = reference.stream().filter(f -> f.document().equals(document))
                    .flatMap(f -> f.commitments().stream()).map(Commitment::id).toList();
            List<Evaluation> evaluations = engine.evaluateAsOf(LOAD_DAY, ids).join();
            assertThat(evaluations).hasSize(ids.size()).allSatisfy(e -> assertThat(e.status())
                    .isIn(Status.NO_DATA, Status.ONGOING));
        }
    }

    @Test
    void givenTheDemoOnTheDayItIsLoadedThenEveryStatusAppears() {
        Map<String, Status> statuses = demo.commitments().stream().collect(Collectors.toMap(Commitment::id,
                c -> engine.evaluation(c.id()).orElseThrow().status()));

        assertThat(EnumSet.copyOf(statuses.values())).containsExactlyInAnyOrder(Status.values());
        // each sample result's note names the status it was written to show
        Map<String, Commitment> byId = demo.commitments().stream()
                .collect(Collectors.toMap(Commitment::id, Function.identity()));
        demo.results().forEach(r -> assertThat(r.note()).as(byId.get(r.commitmentId()).title())
                .endsWith("shows " + statuses.get(r.commitmentId())));
    }
}
