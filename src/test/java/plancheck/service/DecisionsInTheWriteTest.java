package plancheck.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import plancheck.Facts;
import plancheck.domain.Actor;
import plancheck.domain.Result;
import plancheck.domain.Status;
import plancheck.engine.Decisions;
import plancheck.ingest.MetricVocabulary;
import plancheck.ingest.ReportImporter;
import plancheck.store.PolicyStore;

/**
 * Status changes are stored in the transaction of the write that causes them. The decision log listens but its own
 * thread is stopped, so a change is found in the store only if the write itself stored it.
 */
class DecisionsInTheWriteTest extends OnRealStore {

    private static final Actor PLANNER = Actor.system("planner");
    private static final Actor REVIEWER = Actor.system("reviewer");

    private PolicyStore decisions;

    @BeforeEach
    void logWithoutItsThread() {
        new DecisionLog(service).close();
        decisions = new PolicyStore(store);
    }

    @Test
    void givenAnImportAccepted_thenEachNewCommitmentsFirstStatusIsStoredWithItsRevisionAsCause() {
        Imports imports = new Imports(service, new ReportImporter(MetricVocabulary.load()));
        Imports.Draft draft = imports.create("二、2025年工作计划\n（一）新增托位200个以上。\n", "fenghuang", null, PLANNER)
                .join();
        assertThat(draft.commitments()).isNotEmpty();
        Imports.Accepted accepted = imports.accept(draft.id(), List.of(Imports.Pick.of("c1")), List.of(), PLANNER)
                .join();

        String id = service.liveMatching(Service.Filter.ALL).get(0).id();
        assertThat(decisions.decisions(id)).singleElement().satisfies(d -> {
            assertThat(d.from()).isNull();
            assertThat(d.to()).isEqualTo("NO_DATA");
            assertThat(d.causeType()).isEqualTo("COMMITMENT");
            assertThat(d.causeRef()).isEqualTo("1");
        });
        assertThat(accepted.commitments()).hasSize(1);
    }

    @Test
    void givenAReportedResult_whenReturned_thenTheStatusFallsBackAndTheChangeIsStoredWithTheResultAsCause() {
        service.createCommitments(List.of(Facts.childcare("c1")), PLANNER).join();
        Result reported = service.report(Facts.value("c1", 120, LocalDate.of(2025, 6, 1)), PLANNER).join().result();

        new Reviews(service).returnResult(reported.id(), "数字与台账不符", REVIEWER).join();

        assertThat(decisions.decisions("c1")).extracting(d -> d.from() + ">" + d.to() + " " + d.causeType() + " "
                + d.causeRef()).containsExactly("null>NO_DATA COMMITMENT 1", "NO_DATA>ON_TRACK RESULT " + reported.id(),
                "ON_TRACK>NO_DATA RESULT " + reported.id());
    }

    @Test
    void givenTwoResultsOnOneDay_whenTheEarlierIsApproved_thenTheLaterStillCountsAndNoChangeIsStored() {
        service.createCommitments(List.of(Facts.childcare("c1")), PLANNER).join();
        LocalDate day = LocalDate.of(2025, 6, 1);
        Result low = service.report(Facts.value("c1", 50, day), PLANNER).join().result();
        service.report(Facts.value("c1", 120, day), PLANNER).join();
        int before = decisions.decisions("c1").size();

        new Reviews(service).approve(low.id(), REVIEWER).join();

        assertThat(decisions.decisions("c1")).hasSize(before);
        assertThat(engine.evaluation("c1").orElseThrow().status()).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void givenAChangeForeseenThatTheEngineDidNotReport_whenItsWorkIsDone_thenItNoLongerHidesALaterChange() {
        Foresight foresight = service.foresight();
        Decisions.Change change = new Decisions.Change("c1", Status.NO_DATA, Status.ON_TRACK, LocalDate.of(2025, 6,
                30), "r", List.of(), Decisions.Cause.result(7L));
        CompletableFuture<Void> engineWork = new CompletableFuture<>();
        service.onWriter(() -> {
            foresight.arm(List.of(Foresight.key("c1", Decisions.Cause.result(7L), Status.ON_TRACK)));
            return engineWork;
        });

        engineWork.complete(null);
        service.onWriter(() -> CompletableFuture.completedFuture(null)).join();

        assertThat(foresight.claimed(change)).isFalse();
    }

    @Test
    void givenAReportedResult_whenApproved_thenNoStatusChangeIsStored() {
        service.createCommitments(List.of(Facts.childcare("c1")), PLANNER).join();
        Result reported = service.report(Facts.value("c1", 120, LocalDate.of(2025, 6, 1)), PLANNER).join().result();

        new Reviews(service).approve(reported.id(), REVIEWER).join();

        assertThat(decisions.decisions("c1")).hasSize(2);
    }
}
