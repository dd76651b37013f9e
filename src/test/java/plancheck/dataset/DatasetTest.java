package plancheck.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import plancheck.domain.Commitment;
import plancheck.domain.Firmness;
import plancheck.domain.Kind;
import plancheck.domain.Result;
import plancheck.ingest.MetricVocabulary;

class DatasetTest {

    /** The seed reports, kept in the repository; tests run from the repo root. */
    private static final Path SEEDS = Path.of("data/seeds");

    private final List<DataFile> files = Dataset.reference();

    private static String normalised(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static String seed(String document) {
        try {
            return normalised(Files.readString(SEEDS.resolve(document), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot read seed " + document, e);
        }
    }

    private DataFile file(String document) {
        return files.stream().filter(f -> f.document().equals(document)).findFirst()
                .orElseThrow(() -> new AssertionError(document + " is not in the data set"));
    }

    private static Map<Kind, Long> kinds(DataFile f) {
        return f.commitments().stream()
                .collect(Collectors.groupingBy(Commitment::kind, TreeMap::new, Collectors.counting()));
    }

    @Test
    void givenTheShippedFilesWhenReadThenEverySeedWithAPlanHasItsFile() {
        assertThat(files).extracting(DataFile::document)
                .containsExactly("000_78664df261c6048e.txt", "002_ae4d2cb886bd8760.txt", "003_af213d65b87cb190.txt",
                        "004_fa4dcfe65d210400.txt")
                .doesNotHaveDuplicates();
    }

    @Test
    void givenThe华强北2022PlanThenItsCommitmentsAreCountedByKind() {
        DataFile huaqiangbei = file("000_78664df261c6048e.txt");
        assertThat(huaqiangbei.commitments()).hasSize(24);
        assertThat(kinds(huaqiangbei)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                Kind.MILESTONE, 1L, Kind.BINARY, 15L, Kind.ONGOING, 8L)));
        assertThat(huaqiangbei.results()).hasSize(2);
    }

    @Test
    void givenThe华强北RectificationLedgerThenItsMeasuresAndResultsAreCounted() {
        DataFile ledger = file("002_ae4d2cb886bd8760.txt");
        assertThat(ledger.commitments()).hasSize(85);
        assertThat(kinds(ledger)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                Kind.AT_LEAST, 2L, Kind.BINARY, 52L, Kind.ONGOING, 31L)));
        assertThat(ledger.results()).hasSize(68);
    }

    @Test
    void givenTheFourSeedsWithCommitmentsThenTheDataSetHoldsTheirSum() {
        assertThat(files).hasSize(4);
        assertThat(files.stream().mapToInt(f -> f.commitments().size()).sum()).isEqualTo(219);
    }

    @Test
    void givenThe观湖2023PlanThenItsCommitmentsAreCountedByKind() {
        DataFile guanhu = file("004_fa4dcfe65d210400.txt");
        assertThat(guanhu.commitments()).hasSize(78);
        assertThat(kinds(guanhu)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                Kind.AT_LEAST, 18L, Kind.AT_MOST, 3L, Kind.EXACT, 1L, Kind.MILESTONE, 14L, Kind.BINARY, 27L,
                Kind.ONGOING, 15L)));
        assertThat(guanhu.results()).isEmpty();
    }

    @Test
    void givenThe凤凰2025PlanThenItsCommitmentsAreCountedByKind() {
        DataFile fenghuang = file("003_af213d65b87cb190.txt");
        assertThat(fenghuang.commitments()).hasSize(32);
        assertThat(kinds(fenghuang)).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                Kind.AT_LEAST, 2L, Kind.MILESTONE, 5L, Kind.BINARY, 19L, Kind.ONGOING, 6L)));
        assertThat(fenghuang.results()).isEmpty();
    }

    @Test
    void everySourceQuoteOccursVerbatimInItsSeed() {
        for (DataFile f : files) {
            String text = seed(f.document());
            for (Commitment c : f.commitments()) {
                assertThat(c.source().document()).as(c.id()).isEqualTo(f.document());
                assertThat(text).as(c.id() + " source.quote").contains(normalised(c.source().quote()));
                if (c.prior() != null) {
                    assertThat(text).as(c.id() + " prior.quote").contains(normalised(c.prior().quote()));
                }
            }
        }
    }

    @Test
    void everyEvidenceQuoteOccursVerbatimInItsSeedAndNoReferenceResultIsASample() {
        for (DataFile f : files) {
            for (Result r : f.results()) {
                assertThat(r.sample()).as(r.commitmentId()).isFalse();
                assertThat(seed(r.evidence().document())).as(r.commitmentId() + " evidence.quote")
                        .contains(normalised(r.evidence().quote()));
            }
        }
    }

    @Test
    void idsAreUniqueAndNameDistrictAndYear() {
        List<Commitment> all = files.stream().flatMap(f -> f.commitments().stream()).toList();
        assertThat(all).extracting(Commitment::id).doesNotHaveDuplicates();
        for (DataFile f : files) {
            for (Commitment c : f.commitments()) {
                assertThat(c.district()).as(c.id()).isEqualTo(f.district());
                assertThat(c.districtName()).as(c.id()).isEqualTo(f.districtName());
                // an optional segment names a list inside the document, e.g. zg = 整改 measures
                assertThat(c.id()).matches(f.district() + "-" + c.year() + "-([a-z]+-)?\\d{3}");
            }
        }
    }

    @Test
    void everyResultReportsOnACommitmentOfItsFile() {
        for (DataFile f : files) {
            Map<String, Commitment> byId = f.commitments().stream()
                    .collect(Collectors.toMap(Commitment::id, Function.identity()));
            assertThat(f.results()).allSatisfy(r -> assertThat(byId).containsKey(r.commitmentId()));
        }
    }

    @Test
    void everyMetricKeyIsInTheVocabulary() {
        MetricVocabulary vocabulary = MetricVocabulary.load();
        assertThat(files).allSatisfy(f -> assertThat(f.commitments())
                .allSatisfy(c -> assertThat(vocabulary.contains(c.metric())).as(c.id() + " " + c.metric()).isTrue()));
    }

    @Test
    void givenStriveWordsInTheQuoteThenTheCommitmentIsStriveAndOnlyThen() {
        for (DataFile f : files) {
            for (Commitment c : f.commitments()) {
                boolean strive = c.source().quote().matches(".*(力争|争创|努力).*");
                assertThat(c.firmness()).as(c.id() + " " + c.source().quote())
                        .isEqualTo(strive ? Firmness.STRIVE : Firmness.FIRM);
            }
        }
    }

    @Test
    void givenADefaultedDeadlineThenItIsListedAsAssumedAndAStatedOneIsNot() {
        for (DataFile f : files) {
            for (Commitment c : f.commitments()) {
                boolean defaulted = c.deadline() == null && c.kind() != Kind.ONGOING;
                assertThat(c.assumed().contains("deadline")).as(c.id()).isEqualTo(defaulted);
            }
        }
    }

    @Test
    void givenTheKindThenTheFieldsItNeedsAreThere() {
        for (DataFile f : files) {
            for (Commitment c : f.commitments()) {
                if (c.kind().numeric()) {
                    assertThat(c.target()).as(c.id()).isNotNull();
                    assertThat(c.unit()).as(c.id()).isNotNull();
                }
                assertThat(c.stage() != null).as(c.id() + " stage").isEqualTo(c.kind() == Kind.MILESTONE);
            }
        }
    }

    @Test
    void givenThePrecedingSummaryThenNewPlacesCarryTheirPriorFigure() {
        Commitment childcare = file("003_af213d65b87cb190.txt").commitments().stream()
                .filter(c -> c.metric().equals("childcare_places")).findFirst().orElseThrow();
        assertThat(childcare.target()).isEqualTo(200.0);
        assertThat(childcare.prior().year()).isEqualTo(2024);
        assertThat(childcare.prior().value()).isEqualTo(287.0);
        assertThat(childcare.baseline()).as("a 新增 target counts from zero").isNull();

        Commitment schools = file("004_fa4dcfe65d210400.txt").commitments().stream()
                .filter(c -> c.metric().equals("school_places_primary_middle")).findFirst().orElseThrow();
        assertThat(schools.target()).isEqualTo(1480.0);
        assertThat(schools.prior().value()).isEqualTo(800.0);
    }

    @Test
    void givenTheDemoScenarioThenEveryResultIsAnIllustrativeSample() {
        DataFile demo = Dataset.demo(LocalDate.of(2026, 3, 15));
        assertThat(demo.document()).isEqualTo("illustrative");
        assertThat(demo.commitments()).allSatisfy(c -> {
            assertThat(c.district()).isEqualTo("demo");
            assertThat(c.source().document()).isEqualTo("illustrative");
        });
        assertThat(demo.results()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.sample()).isTrue();
            assertThat(r.evidence().document()).isEqualTo("illustrative");
            assertThat(r.evidence().quote()).isEqualTo("illustrative sample, not reported");
        });
    }

    @Test
    void givenAnyLoadDayThenTheDemoKeepsEveryDateAtTheSameDistanceFromThatDay() {
        LocalDate a = LocalDate.of(2026, 3, 15);
        LocalDate b = LocalDate.of(2031, 11, 2);
        DataFile onA = Dataset.demo(a);
        DataFile onB = Dataset.demo(b);
        Map<String, Long> fromA = new HashMap<>();
        onA.commitments().forEach(c -> fromA.put(c.id(), ChronoUnit.DAYS.between(a, c.effectiveStart())));
        onB.commitments().forEach(c -> assertThat(ChronoUnit.DAYS.between(b, c.effectiveStart())).as(c.id())
                .isEqualTo(fromA.get(c.id())));
        for (int i = 0; i < onA.results().size(); i++) {
            assertThat(ChronoUnit.DAYS.between(b, onB.results().get(i).asOf()))
                    .isEqualTo(ChronoUnit.DAYS.between(a, onA.results().get(i).asOf()));
        }
        assertThat(onB.commitments()).allSatisfy(c -> assertThat(c.year()).isEqualTo(c.effectiveStart().getYear()));
    }
}
