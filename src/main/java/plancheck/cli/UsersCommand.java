package plancheck.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import plancheck.domain.Grant;
import plancheck.domain.Role;
import plancheck.domain.User;
import plancheck.service.Accounts;
import plancheck.service.Rejected;
import plancheck.store.Store;

/** {@code users add}: creates an account from the command line (the first admin), with an API token for it. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Manage accounts from the command line.",
        subcommands = UsersCommand.Add.class)
public final class UsersCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create an account and print a new API"
            + " token for it on the last line (shown once). Run it while the server is stopped when the database is"
            + " the embedded one.")
    static final class Add implements Callable<Integer> {

        @Parameters(index = "0", description = "login name (a-z, 0-9, '.', '-', '_')")
        String login;

        @Option(names = "--role", required = true, description = "admin, planner, evaluator, reviewer or viewer")
        String role;

        @Option(names = "--scope", description = "the district (subtree) the role applies to; not for admin")
        String scope;

        @Option(names = "--display-name", description = "the name shown (default: the login)")
        String displayName;

        @Option(names = "--password-stdin", description = "also set a password for logging in, read from the first"
                + " line of standard input")
        boolean passwordStdin;

        @Option(names = "--token-days", description = "days the printed token stays valid (default ${DEFAULT-VALUE})",
                defaultValue = "90")
        int tokenDays;

        @Mixin
        StoreOptions storage;

        @Override
        public Integer call() throws IOException {
            Role r = List.of(Role.values()).stream().filter(x -> x.key().equals(role)).findFirst().orElse(null);
            if (r == null) {
                System.err.println("--role: unknown role '" + role + "'; one of admin, planner, evaluator, reviewer,"
                        + " viewer");
                return 2;
            }
            String password = passwordStdin ? new BufferedReader(new InputStreamReader(System.in,
                    StandardCharsets.UTF_8)).readLine() : null;
            Clock clock = Clock.systemDefaultZone();
            try (Store store = storage.open()) {
                Accounts accounts = Accounts.standalone(store, clock);
                User user = new User(login, displayName == null ? login : displayName, List.of(new Grant(r, scope)),
                        false);
                Accounts.Issued issued = accounts.bootstrap(user, password, "command line",
                        LocalDate.now(clock).plusDays(tokenDays));
                System.out.println("created " + login + " (" + r.key() + (scope == null ? "" : " of " + scope)
                        + "); API token " + issued.token().id() + " valid until " + issued.token().expiresAt()
                        + ", shown once:");
                System.out.println(issued.secret());
                return 0;
            } catch (CompletionException e) {
                if (e.getCause() instanceof Rejected rejected) {
                    rejected.errors().forEach(f -> System.err.println(f.field() + ": " + f.reason()));
                    return 2;
                }
                throw e;
            }
        }
    }
}
