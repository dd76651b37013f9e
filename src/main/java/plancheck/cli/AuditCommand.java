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
            + " log is as written and none is missing; 1, naming the first entry that is not, otherwise.")
    static final class Verify implements Callable<Integer> {

        @Mixin
        StoreOptions storage;

        @Override
        public Integer call() {
            try (Store store = storage.open()) {
                AuditStore.Verification v = new AuditStore(store).verify();
                if (v.intact()) {
                    System.out.println("audit log intact: " + v.entries() + " entries");
                    return 0;
                }
                System.out.println("audit log broken: " + v.reason());
                return 1;
            }
        }
    }
}
