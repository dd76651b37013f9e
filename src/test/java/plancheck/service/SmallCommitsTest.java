package plancheck.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import plancheck.Facts;
import plancheck.TestStores;
import plancheck.domain.Actor;

/** The embedded H2 file under a stream of single-result commits (H2 only: PostgreSQL keeps its own files). */
class SmallCommitsTest extends OnRealStore {

    private static final int WARM = 2000;
    private static final int COMMITS = 4000;
    /**
     * Each of these commits writes about 10 KB of new chunks, of which about 1.7 KB stay live (a result, its audit
     * entry, its status change). Without the writer's housekeeping the file grows by about the 10 KB for good; with
     * it, once the emptied chunks are reused, by about the live part. The chunks written within H2's retention time
     * are kept whatever is done, so the growth is measured after a first stretch, not from an empty file.
     */
    private static final long BOUND_PER_COMMIT = 5 << 10;

    @Test
    void givenAStreamOfSingleResultCommits_thenTheH2FileGrowsByLittleMoreThanTheLiveData() {
        assumeFalse(TestStores.postgresql());
        Actor evaluator = Actor.system("evaluator");
        service.createCommitments(java.util.List.of(Facts.childcare("c1"), Facts.childcare("c2")), evaluator).join();

        report(evaluator, WARM);
        long warm = store.fileSize().orElseThrow();
        report(evaluator, COMMITS);

        assertThat(store.fileSize().orElseThrow() - warm).isLessThan(COMMITS * BOUND_PER_COMMIT);
        assertThat(store.live().results()).hasSize(WARM + COMMITS);
    }

    private void report(Actor evaluator, int commits) {
        for (int i = 0; i < commits; i++) {
            service.report(Facts.value(i % 2 == 0 ? "c1" : "c2", i % 200, LocalDate.of(2025, 6, 30)), evaluator)
                    .join();
        }
    }
}
