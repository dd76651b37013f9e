package plancheck.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import plancheck.domain.Role;

/** The README's permission table says what {@link Permissions#TABLE} and {@link Role} decide, row by row. */
class PermissionTableTest {

    @Test
    void givenTheReadmeThenItsTableHasOneRowPerRouteWithTheRolesThatMayCallIt() throws Exception {
        List<String> rows = Files.readAllLines(Path.of("README.md")).stream()
                .filter(l -> l.startsWith("| `") && l.contains(" /")).toList();
        for (Permissions.Rule rule : Permissions.TABLE) {
            String need = rule.open() ? "open" : rule.action() == null ? "signed in"
                    : rule.action().name().toLowerCase(Locale.ROOT);
            StringBuilder want = new StringBuilder("| `" + rule.method() + " " + rule.path() + "` | " + need + " |");
            for (Role role : Role.values()) {
                boolean may = rule.action() == null || role.allows(rule.action());
                want.append(may ? " ✓ |" : "  |");
            }
            assertThat(rows).as("README row for " + rule).contains(want.toString());
        }
        assertThat(rows.stream().filter(r -> r.matches("\\| `[A-Z]+ /.*` \\| [a-z ]+ \\|.*"))).hasSize(
                Permissions.TABLE.size());
    }
}
