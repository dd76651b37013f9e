package plancheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import plancheck.TestStores;
import plancheck.domain.Actor;
import plancheck.service.Accounts;
import plancheck.store.Store;

/** The first admin from the command line, and the audit log's chain checked after someone edits a row. */
class AccountCommandsTest {

    /** Runs the command line and answers its exit code and what it printed. */
    /** Runs the command line on the store of {@code data}. */
    private static Object[] run(Path data, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(TestStores.flags(data));
        return run(all.toArray(String[]::new));
    }

    private static Object[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = Main.commandLine().execute(args);
            return new Object[] {code, out.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void givenAnEmptyStoreWhenAnAdminIsAddedThenTheLastLinePrintedIsAWorkingToken(@TempDir Path data) {
        Object[] r = run(data, "users", "add", "root", "--role", "admin", "--display-name", "系统管理员");
        assertThat(r[0]).isEqualTo(0);
        List<String> lines = ((String) r[1]).lines().toList();
        String token = lines.get(lines.size() - 1);
        assertThat(token).startsWith("pct_");

        try (Store store = Store.open(TestStores.url(data), TestStores.user(), null)) {
            Optional<Actor> who = Accounts.standalone(store, Clock.systemDefaultZone()).authenticate(token).join();
            assertThat(who).map(Actor::login).contains("root");
        }
        assertThat(run(data, "users", "add", "root", "--role", "admin")[0]).isEqualTo(2);
        assertThat(run(data, "users", "add", "x1", "--role", "boss")[0]).isEqualTo(2);
    }

    @Test
    void givenAnAuditRowChangedAfterItWasWrittenThenVerifyNamesItAndFails(@TempDir Path data) throws Exception {
        run(data, "users", "add", "root", "--role", "admin");
        run(data, "users", "add", "planner", "--role", "planner", "--scope", "fenghuang");
        Object[] intact = run(data, "audit", "verify");
        assertThat(intact[0]).isEqualTo(0);
        assertThat((String) intact[1]).contains("intact: 4 entries");

        try (Connection c = TestStores.connect(data);
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit SET actor = 'someone-else' WHERE seq = 2");
        }
        Object[] changed = run(data, "audit", "verify");
        assertThat(changed[0]).isEqualTo(1);
        assertThat((String) changed[1]).contains("entry 2 was changed");

        try (Connection c = TestStores.connect(data);
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit SET actor = 'command-line' WHERE seq = 2");
            s.executeUpdate("DELETE FROM audit WHERE seq = 3");
        }
        Object[] removed = run(data, "audit", "verify");
        assertThat(removed[0]).isEqualTo(1);
        assertThat((String) removed[1]).contains("entry 3 is missing");
    }

    @Test
    void givenTheNotedHeadWhenTheLastEntriesAreRemovedThenVerifyCatchesIt(@TempDir Path data) throws Exception {
        run(data, "users", "add", "root", "--role", "admin");
        String out = (String) run(data, "audit", "verify")[1];
        String head = out.substring(out.indexOf("head ") + 5).strip();
        assertThat(run(data, "audit", "verify", "--expect", head)[0]).isEqualTo(0);

        try (Connection c = TestStores.connect(data);
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit WHERE seq = (SELECT MAX(seq) FROM audit)");
        }
        assertThat(run(data, "audit", "verify")[0]).as("alone, a shorter chain looks whole")
                .isEqualTo(0);
        Object[] caught = run(data, "audit", "verify", "--expect", head);
        assertThat(caught[0]).isEqualTo(1);
        assertThat((String) caught[1]).contains("is not the one noted");
    }
}
