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

    private static final int COMMITS = 4000;
    /**
     * Each of these commits writes about 10 KB of new chunks: measured on a loaded 2-core machine, the file ends at
     * 40 MB without the writer's housekeeping (and with H2's default retention it keeps growing for good) and at
     * 16 MB with it, once the emptied chunks are reused.
     */
    private static final long BOUND = 30L << 20;

    @Test
    void givenManySingleResultCommitsThenTheH2FileStaysBounded() {
        assumeFalse(TestStores.postgresql());
        Actor evaluator = Actor.system("evaluator");
        service.createCommitments(java.util.List.of(Facts.childcare("c1"), Facts.childcare("c2")), evaluator).join();

        for (int i = 0; i < COMMITS; i++) {
            service.report(Facts.value(i % 2 == 0 ? "c1" : "c2", i % 200, LocalDate.of(2025, 6, 30)), evaluator)
                    .join();
        }

        assertThat(store.fileSize().orElseThrow()).isLessThan(BOUND);
        assertThat(store.liveResults()).hasSize(COMMITS);
    }
}
