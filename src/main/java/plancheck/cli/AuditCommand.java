package plancheck.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import plancheck.store.AuditStore;
import plancheck.store.Store;

/** {@code audit verify}: recomputes the audit log's hash chain and says where it breaks, if it does. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Check the audit log.",
        subcommands = AuditCommand.Verify.class)
public final class AuditCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Exit 0 when every entry of the audit"
            + " log is as written and none is missing, printing the head (SEQ:HASH) to note elsewhere; 1, naming the"
            + " first entry that is not, otherwise.")
    static final class Verify implements Callable<Integer> {

        @Mixin
        StoreOptions storage;

        @picocli.CommandLine.Option(names = "--expect", description = "SEQ:HASH of an entry noted earlier (the head"
                + " an earlier run printed): it must still be there, so entries removed from the end are caught")
        java.util.List<String> expected = java.util.List.of();

        @Override
        public Integer call() {
            try (Store store = storage.open()) {
                AuditStore log = new AuditStore(store);
                AuditStore.Verification v = log.verify();
                if (!v.intact()) {
                    System.out.println("audit log broken: " + v.reason());
                    return 1;
                }
                for (String e : expected) {
                    String[] parts = e.split(":", 2);
                    if (parts.length != 2 || !parts[0].matches("[1-9][0-9]{0,18}")) {
                        System.err.println("--expect: '" + e + "' is not SEQ:HASH");
                        return 2;
                    }
                    if (!log.hashOf(Long.parseLong(parts[0])).map(parts[1]::equals).orElse(false)) {
                        System.out.println("audit log broken: entry " + parts[0] + " is not the one noted (removed,"
                                + " or the log was rewritten)");
                        return 1;
                    }
                }
                // note the head somewhere else: with it, a later run also catches entries removed from the end
                System.out.println("audit log intact: " + v.entries() + " entries; head " + v.entries() + ":"
                        + v.headHash());
                return 0;
            }
        }
    }
}
