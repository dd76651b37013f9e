package plancheck.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static plancheck.engine.Fixtures.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBuildTest {

    @Test
    void givenARuleNamingAMissingProperty_whenStarting_thenRefusesNamingFileLineAndMessage() {
        assertThatThrownBy(() -> Engine.start(Path.of("src/test/resources/rules-broken"), 1, clockAt(MID_YEAR)))
                .isInstanceOfSatisfying(RuleBuildException.class, e -> {
                    assertThat(e.problems()).isNotEmpty();
                    RuleBuildException.Problem p = e.problems().get(0);
                    assertThat(p.file()).isEqualTo("plancheck/status/broken.drl");
                    assertThat(p.line()).isEqualTo(11);
                    assertThat(p.message()).contains("noSuchProperty");
                    assertThat(e.getMessage()).contains("plancheck/status/broken.drl:11");
                });
    }

    @Test
    void givenARuleFileWhosePackageIsNotItsFolder_whenStarting_thenRefuses() {
        assertThatThrownBy(() -> Engine.start(Path.of("src/test/resources/rules-misplaced"), 1, clockAt(MID_YEAR)))
                .isInstanceOfSatisfying(RuleBuildException.class, e -> assertThat(e.problems())
                        .containsExactly(new RuleBuildException.Problem("plancheck/warnings/elsewhere.drl", 1,
                                "package plancheck.status does not match its folder; expected package "
                                        + "plancheck.warnings")));
    }

    @Test
    void givenAFolderWithoutRules_whenStarting_thenRefuses(@TempDir Path empty) {
        assertThatThrownBy(() -> Engine.start(empty, 1, clockAt(MID_YEAR))).isInstanceOf(RuleBuildException.class);
    }

    @Test
    void givenARulesFolderThatDoesNotExist_whenStarting_thenRefusesNamingTheFolderAndTheFlag(@TempDir Path parent) {
        Path missing = parent.resolve("rules");
        assertThatThrownBy(() -> Engine.start(missing, 1, clockAt(MID_YEAR)))
                .isInstanceOfSatisfying(RuleBuildException.class, e -> assertThat(e.getMessage())
                        .contains(missing.toAbsolutePath().toString()).contains("--rules"));
    }

    @Test
    void givenTheShippedRules_thenTheRulesetListsFilesRulesAndAContentHash(@TempDir Path copy) throws Exception {
        Ruleset shipped;
        try (Engine e = engineAt(MID_YEAR, 1)) {
            shipped = e.ruleset();
        }
        assertThat(shipped.files()).containsExactly(PolicySheet.PATH, "plancheck/status/decide.drl",
                "plancheck/status/warn.drl");
        assertThat(shipped.rules()).contains("target met before the deadline", "last result is stale");
        assertThat(shipped.revision()).matches("[0-9a-f]{16}");

        for (String f : shipped.files()) {
            Path to = copy.resolve(f);
            Files.createDirectories(to.getParent());
            Files.copy(RULES.resolve(f), to);
        }
        Path policy = copy.resolve(PolicySheet.PATH);
        try (Engine same = Engine.start(copy, 1, clockAt(MID_YEAR))) {
            assertThat(same.ruleset().revision()).isEqualTo(shipped.revision());
        }
        Files.write(policy, PolicySheets.defaultsWith("onTrackTolerance", 0.20));
        try (Engine edited = Engine.start(copy, 1, clockAt(MID_YEAR))) {
            assertThat(edited.ruleset().revision()).isNotEqualTo(shipped.revision());
            // 30% against 50% expected: behind with a 10-point tolerance, on track with 20
            assertThat(edited.upsert(atLeast("a", 100)).thenCompose(x -> edited.report(value("a", 30, MID_YEAR)))
                    .join().status()).isEqualTo(plancheck.domain.Status.ON_TRACK);
        }
    }
}
