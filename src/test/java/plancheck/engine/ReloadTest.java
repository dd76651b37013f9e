package plancheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static plancheck.engine.Fixtures.*;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import plancheck.domain.Status;

/** A rule base tried beside the one in use, then swapped in; the status changes it causes are reported. */
class ReloadTest {

    private static final String POLICY = PolicySheet.PATH;

    private static SortedMap<String, String> shipped() {
        return RuleSources.read(RULES);
    }

    private static RuleBase compiled(SortedMap<String, String> files) throws RuleBuildException {
        return RuleBase.compile(files).orThrow();
    }

    @Test
    void givenAWiderTolerance_whenTriedThenSwapped_thenOnlyTheSwapChangesTheLiveStatusAndReportsIt()
            throws Exception {
        SortedMap<String, String> wide = new TreeMap<>(shipped());
        wide.put(POLICY, PolicySheets.base64(PolicySheets.defaultsWith("onTrackTolerance", 0.40)));
        RuleBase next = compiled(wide);
        try (Engine e = engineAt(MID_YEAR, 2)) {
            List<Decisions.Change> changes = new CopyOnWriteArrayList<>();
            e.upsert(atLeast("a", 100)).join();
            e.report(value("a", 30, MID_YEAR)).join();
            e.onDecisions(changes::addAll);

            assertThat(e.trial(next).join()).isEqualTo(Map.of("a", Status.ON_TRACK));
            assertThat(e.evaluation("a").orElseThrow().status()).isEqualTo(Status.BEHIND);

            e.swap(next).join();
            var after = e.evaluation("a").orElseThrow();
            assertThat(after.status()).isEqualTo(Status.ON_TRACK);
            assertThat(after.rulesetRevision()).isEqualTo(next.ruleset().revision());
            assertThat(e.ruleset()).isEqualTo(next.ruleset());
            assertThat(changes).hasSize(1);
            Decisions.Change c = changes.get(0);
            assertThat(c.from()).isEqualTo(Status.BEHIND);
            assertThat(c.to()).isEqualTo(Status.ON_TRACK);
            assertThat(c.cause()).isEqualTo(Decisions.Cause.rules(next.ruleset().revision()));
            assertThat(c.fired()).contains("progress keeps pace with expected progress");
            // writes after the swap are decided by the new rules
            assertThat(e.report(value("a", 20, MID_YEAR)).join().rulesetRevision())
                    .isEqualTo(next.ruleset().revision());
        }
    }

    @Test
    void givenRulesThatDecideNothing_whenTried_thenEveryStatusIsNullAndTheLiveOnesStay() throws Exception {
        SortedMap<String, String> noDecide = new TreeMap<>(shipped());
        noDecide.remove("plancheck/status/decide.drl");
        try (Engine e = engineAt(MID_YEAR, 1)) {
            e.upsert(atLeast("a", 100)).join();
            Map<String, Status> tried = e.trial(compiled(noDecide)).join();
            assertThat(tried).containsKey("a");
            assertThat(tried.get("a")).isNull();
            assertThat(e.evaluation("a").orElseThrow().status()).isEqualTo(Status.NO_DATA);
        }
    }

    @Test
    void givenARuleThatThrows_whenTried_thenTheTrialFails() throws Exception {
        SortedMap<String, String> throwing = new TreeMap<>(shipped());
        throwing.put("plancheck/status/throws.drl", """
                package plancheck.status
                import plancheck.domain.Standing
                rule "fails on every fact"
                dialect "java"
                when
                    $t : Standing( )
                then
                    throw new IllegalStateException("broken consequence");
                end
                """);
        try (Engine e = engineAt(MID_YEAR, 1)) {
            e.upsert(atLeast("a", 100)).join();
            RuleBase broken = compiled(throwing);
            assertThatThrownBy(() -> e.trial(broken).join()).isInstanceOf(CompletionException.class);
            assertThatThrownBy(() -> e.swap(broken).join()).isInstanceOf(CompletionException.class);
            // the swap that failed put the old rules back
            assertThat(e.ruleset().files()).doesNotContain("plancheck/status/throws.drl");
            assertThat(e.evaluation("a").orElseThrow().status()).isEqualTo(Status.NO_DATA);
            assertThat(e.report(value("a", 30, MID_YEAR)).join().status()).isEqualTo(Status.BEHIND);
        }
    }
}
