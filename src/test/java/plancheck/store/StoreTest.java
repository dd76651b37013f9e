package plancheck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.TestStores;
import plancheck.Facts;
import plancheck.domain.Commitment;
import plancheck.domain.Result;

class StoreTest {

    private static final Instant AT = Instant.parse("2025-06-30T02:00:00Z");

    @TempDir
    Path data;

    private Store open() {
        return Store.open(TestStores.url(data), TestStores.user(), null);
    }

    @Test
    void givenAFreshDatabaseThenItIsEmptyAndAfterACommitmentItIsNot() {
        try (Store store = open()) {
            assertThat(store.isEmpty()).isTrue();
            store.insertCommitments(List.of(Facts.childcare("c1").withRevision(1)), "planner", AT);
            assertThat(store.isEmpty()).isFalse();
        }
    }

    @Test
    void givenRowsRepeatingDistrictsReportersAndDaysAndAnImportedOne_whenTheLiveSetIsRead_thenEqualValuesAreOneObject() {
        try (Store store = open()) {
            store.insertCommitments(List.of(Facts.childcare("c1").withRevision(1),
                    Facts.imported("c2").withRevision(1)), "planner", AT);
            LocalDate day = LocalDate.of(2025, 6, 1);
            store.insertResults(List.of(Facts.value("c1", 80, day), Facts.value("c2", 80, day)), AT);

            Store.Live live = store.live();

            Commitment c1 = live.commitments().get(0);
            Commitment c2 = live.commitments().get(1);
            assertThat(c2.district()).isEqualTo("fenghuang").isSameAs(c1.district());
            assertThat(c2.unit()).isSameAs(c1.unit());
            assertThat(c2.source().document()).isSameAs(c1.source().document());
            assertThat(c2.assumed()).containsExactly("start", "year");
            Result r1 = live.results().get(0);
            Result r2 = live.results().get(1);
            assertThat(r1.commitmentId()).isEqualTo("c1").isSameAs(c1.id());
            assertThat(r2.asOf()).isEqualTo(day).isSameAs(r1.asOf());
            assertThat(r2.reportedBy()).isSameAs(r1.reportedBy());
            assertThat(r2.value()).isSameAs(r1.value());
        }
    }

    @Test
    void givenABatchWithATakenIdWhenInsertedThenNothingOfItIsStored() {
        try (Store store = open()) {
            store.insertCommitments(List.of(Facts.childcare("c1").withRevision(1)), "planner", AT);
            assertThatThrownBy(() -> store.insertCommitments(
                    List.of(Facts.childcare("c2").withRevision(1), Facts.childcare("c1").withRevision(1)), "planner", AT))
                    .isInstanceOf(Store.DuplicateIdException.class);
            assertThat(store.commitment("c2")).isEmpty();
            assertThat(store.live().commitments()).extracting(Commitment::id).containsExactly("c1");
        }
    }

    @Test
    void givenARevisionWhenReadBackThenEveryRevisionIsKeptWithReasonWhoAndWhen() {
        try (Store store = open()) {
            Commitment first = Facts.childcare("c1").withRevision(1);
            store.insertCommitments(List.of(first), "planner", AT);
            Commitment second = new Commitment("c1", first.district(), first.districtName(), 2025, first.category(),
                    "新增托位250个以上", first.kind(), first.metric(), first.unit(), 250.0, null, null, null, null, null,
                    null, null, null, null, null, first.source(), null, 2);
            store.revise(second, "区里下达新指标", "officer", AT.plusSeconds(60), java.time.LocalDate.of(2025, 3, 1));

            assertThat(store.commitment("c1").orElseThrow().commitment()).isEqualTo(second);
            assertThat(store.revisions("c1")).extracting(Store.Revision::revision, Store.Revision::by,
                    Store.Revision::reason, Store.Revision::effectiveFrom).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(1, "planner", null, null),
                            org.assertj.core.groups.Tuple.tuple(2, "officer", "区里下达新指标",
                                    java.time.LocalDate.of(2025, 3, 1)));
            assertThat(store.histories()).containsOnlyKeys("c1");
            assertThat(store.revisions("c1").get(0).commitment()).isEqualTo(first);
            assertThat(store.revisions("c1").get(1).at()).isEqualTo(AT.plusSeconds(60));
        }
    }

    @Test
    void givenResultsWhenRetiredThenTheyStayStoredButLeaveTheLiveSet() {
        try (Store store = open()) {
            store.insertCommitments(List.of(Facts.childcare("c1").withRevision(1),
                    Facts.childcare("c2").withRevision(1)), "planner", AT);
            List<Result> stored = store.insertResults(List.of(Facts.value("c1", 80, LocalDate.of(2025, 3, 31)),
                    Facts.value("c2", 20, LocalDate.of(2025, 3, 31)), Facts.value("c1", 120, LocalDate.of(2025, 6, 30))),
                    AT);
            assertThat(stored).extracting(Result::id).doesNotContainNull().doesNotHaveDuplicates();

            store.retire("c2", "合并到c1", "officer", AT);

            assertThat(store.live().commitments()).extracting(Commitment::id).containsExactly("c1");
            assertThat(store.live().results()).extracting(Result::value).containsExactly(80.0, 120.0);
            assertThat(store.results("c2")).extracting(Result::value).containsExactly(20.0);
            assertThat(store.commitment("c2").orElseThrow().retired().reason()).isEqualTo("合并到c1");
        }
    }

    @Test
    void givenWritesWhenTheDatabaseIsReopenedThenEverythingIsThere() {
        List<Result> stored;
        try (Store store = open()) {
            store.insertCommitments(List.of(Facts.childcare("c1").withRevision(1)), "planner", AT);
            stored = store.insertResults(List.of(Facts.value("c1", 80, LocalDate.of(2025, 3, 31))), AT);
        }
        try (Store store = open()) {
            assertThat(store.live().commitments()).containsExactly(Facts.childcare("c1").withRevision(1));
            assertThat(store.live().results()).isEqualTo(stored);
        }
    }

    @Test
    void givenAnAcceptanceWithATakenCommitmentIdThenNeitherItsCommitmentsNorResultsNorMarksAreStored() {
        try (Store store = open()) {
            store.insertCommitments(List.of(Facts.childcare("taken").withRevision(1)), "planner", AT);
            store.insertImport(new Store.ImportDraft("imp-1", "report.txt", "fenghuang", "planner", AT, "text", 4,
                    "{}"));
            Result r = new Result(null, "fresh", 120.0, null, null, LocalDate.of(2025, 6, 30), "planner", null, null,
                    false);
            Store.ImportAcceptance clash = new Store.ImportAcceptance("imp-1",
                    List.of(Facts.childcare("fresh").withRevision(1), Facts.childcare("taken").withRevision(1)),
                    List.of("c1", "c2"), List.of(r), List.of("r1"));

            assertThatThrownBy(() -> store.acceptImport(clash, "reviewer", AT))
                    .isInstanceOf(Store.DuplicateIdException.class);

            assertThat(store.commitment("fresh")).isEmpty();
            assertThat(store.importMarks("imp-1")).isEmpty();
            List<Result> stored = store.acceptImport(new Store.ImportAcceptance("imp-1",
                    List.of(Facts.childcare("fresh").withRevision(1)), List.of("c1"), List.of(r), List.of("r1")),
                    "reviewer", AT);
            assertThat(store.results("fresh")).extracting(Result::id).containsExactly(stored.get(0).id());
            assertThat(store.importMarks("imp-1")).extracting(Store.ImportMark::candidate, Store.ImportMark::resultId)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("c1", null),
                            org.assertj.core.groups.Tuple.tuple("r1", stored.get(0).id()));
            assertThat(store.importDraft("imp-1", true).orElseThrow().text()).isEqualTo("text");
            assertThat(store.importDraft("imp-1", false).orElseThrow().text()).isNull();
        }
    }
}
