package plancheck.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import plancheck.Facts;
import plancheck.domain.Commitment;
import plancheck.domain.Actor;
import plancheck.domain.Result;
import plancheck.domain.Status;
import plancheck.store.Store;

/** The bulk calls the reference data set loader makes, on a real store and engine. */
class ServiceTest extends OnRealStore {

    @Test
    void givenAnEmptyStoreWhenCommitmentsAndResultsAreLoadedInBulkThenTheyAreStoredAndEvaluated() {
        assertThat(service.isEmpty()).isTrue();
        service.createCommitments(List.of(Facts.childcare("c1"), Facts.milestone("m1")), Actor.system("dataset")).join();
        List<Service.Reported> reported = service.reportAll(List.of(Facts.value("c1", 150, LocalDate.of(2025, 6, 30)),
                new Result(null, "m1", null, plancheck.domain.Stage.STARTED, null, LocalDate.of(2023, 5, 1), "dataset",
                        null, null, true)), Actor.system("dataset")).join();

        assertThat(service.isEmpty()).isFalse();
        assertThat(reported).extracting(r -> r.result().id()).doesNotContainNull();
        assertThat(reported.get(0).evaluation().status()).isNotEqualTo(Status.NO_DATA);
        assertThat(store.live().results()).hasSize(2);
        assertThat(store.revisions("c1")).extracting(Store.Revision::by).containsExactly("dataset");
    }

    @Test
    void givenOneBadResultInABulkReportThenNoneIsStoredAndTheErrorNamesItsIndex() {
        service.createCommitments(List.of(Facts.childcare("c1")), Actor.system("dataset")).join();
        List<Result> results = List.of(Facts.value("c1", 150, LocalDate.of(2025, 5, 31)),
                Facts.value("c1", 160, LocalDate.of(2025, 7, 1)));

        assertThatThrownBy(() -> service.reportAll(results, Actor.system("dataset")).join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(Rejected.Invalid.class)
                .satisfies(e -> assertThat(((Rejected) e).errors()).extracting(FieldError::field)
                        .containsExactly("[1].asOf"));
        assertThat(store.live().results()).isEmpty();
    }

    @Test
    void givenOneBadCommitmentInABulkCreateThenNoneIsStored() {
        Commitment bad = new Commitment("bad", "fenghuang", "凤凰街道", 2025, null, "新增学位", plancheck.domain.Kind.AT_LEAST,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 0);

        assertThatThrownBy(() -> service.createCommitments(List.of(Facts.childcare("c1"), bad), Actor.system("dataset")).join())
                .cause().isInstanceOf(Rejected.Invalid.class)
                .satisfies(e -> assertThat(((Rejected) e).errors()).extracting(FieldError::field)
                        .containsExactly("[1].target"));
        assertThat(service.isEmpty()).isTrue();
        assertThat(service.commitment("c1")).isEmpty();
    }
}
