package plancheck.service;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import plancheck.domain.Action;
import plancheck.domain.Actor;
import plancheck.domain.Evaluation;
import plancheck.domain.Status;
import plancheck.engine.Decisions;
import plancheck.engine.Engine;
import plancheck.engine.PolicySheet;
import plancheck.engine.RuleBase;
import plancheck.engine.RuleBuildException.Problem;
import plancheck.engine.RuleSources;
import plancheck.store.PolicyStore;

/**
 * The rules as a living policy: check edits without applying them, reload the rules folder without a restart (built
 * and tried on every live commitment beside the rules in use, then swapped; a broken set never replaces a working
 * one), and the history of the rule sets put in use. Checks and reloads run one at a time on their own thread.
 */
public final class RulePolicy implements AutoCloseable {

    /** What a check found; {@code revision} is the one the checked set would have (null when it has errors). */
    public record Checked(boolean valid, String revision, List<Problem> problems) {
    }

    /** A commitment whose status the new rules decide differently. */
    public record StatusChange(String commitmentId, Status from, Status to) {
    }

    /**
     * What a reload did.
     *
     * @param outcome   APPLIED, DRY_RUN (tried, not applied) or UNCHANGED (the folder holds the rules in use)
     * @param evaluated commitments evaluated by the new rules before the swap
     * @param changes   the commitments whose status the new rules change (before the swap, at today)
     */
    public record Reload(String outcome, String revision, String previousRevision, List<String> filesChanged,
                         List<Problem> warnings, int evaluated, List<StatusChange> changes) {
    }

    /** The rules in use and every rule set put in use before, oldest first. */
    public record Listing(String revision, List<String> files, List<String> rules,
                          List<PolicyStore.RulesEntry> history) {
    }

    private final Service service;
    private final Engine engine;
    private final PolicyStore store;
    /** where a reload's status changes are kept until its transaction; null: the engine's listener has them */
    private final DecisionLog log;
    private final Path dir;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "plancheck-rules");
        t.setDaemon(true);
        return t;
    });

    /** Records the rules in use as a START entry when they differ from the last rule set recorded. */
    public RulePolicy(Service service, Path dir) {
        this(service, dir, null);
    }

    /**
     * As {@link #RulePolicy(Service, Path)}; a reload writes the status changes it causes to {@code log}'s table in
     * the transaction that records the new rules and its audit entry.
     */
    public RulePolicy(Service service, Path dir, DecisionLog log) {
        this.service = service;
        this.log = log;
        this.engine = service.engine();
        this.store = new PolicyStore(service.store());
        this.dir = dir;
        this.clock = service.clock();
        RuleBase active = engine.ruleBase();
        PolicyStore.RulesEntry last = store.lastRules().orElse(null);
        if (last == null || !last.revision().equals(active.ruleset().revision())) {
            store.insert(entry(active, last == null ? Map.of() : last.files(), "start", "START"));
        }
    }

    /** Compiles the rules folder with {@code changes} applied (text replaces or adds a file, null removes it). */
    public CompletableFuture<Checked> validate(Map<String, String> changes) {
        List<FieldError> refused = new ArrayList<>();
        changes.keySet().forEach(path -> {
            String why = RuleSources.refusePath(path);
            if (why != null) {
                refused.add(new FieldError("files." + path, why));
            }
        });
        if (!refused.isEmpty()) {
            return CompletableFuture.failedFuture(new Rejected.Invalid(refused));
        }
        return CompletableFuture.supplyAsync(() -> {
            RuleBase.Compilation c = RuleBase.compile(RuleSources.overlay(RuleSources.read(dir), changes));
            return new Checked(c.ruleBase() != null, c.ruleBase() == null ? null : c.ruleBase().ruleset().revision(),
                    c.problems());
        }, worker);
    }

    /**
     * Builds the rules folder, evaluates every live commitment with it, and unless {@code dryRun} puts it in use and
     * records who did it. Fails with {@link Rejected.Conflict} naming file:line when it does not build, or the
     * commitment when a rule fails on it; the rules in use then stay. A reload put in use is recorded with its status
     * changes and an audit entry (rules.reload, who and the revision) in one transaction.
     */
    public CompletableFuture<Reload> reload(Actor by, boolean dryRun) {
        return CompletableFuture.supplyAsync(() -> reloadNow(by, dryRun), worker);
    }

    private Reload reloadNow(Actor by, boolean dryRun) {
        RuleBase active = engine.ruleBase();
        RuleBase.Compilation c = RuleBase.compile(RuleSources.read(dir));
        if (c.ruleBase() == null) {
            List<FieldError> errors = c.problems().stream().filter(Problem::error)
                    .map(p -> new FieldError(p.file() + (p.sheet() == null ? "" : "[" + p.sheet() + "]") + ":"
                            + p.line() + (p.column() > 0 ? ":" + p.column() : ""), p.message())).toList();
            throw new Rejected.Conflict("the rules do not compile (" + errors.size()
                    + " error(s)); the rules in use stay", errors);
        }
        RuleBase next = c.ruleBase();
        String from = active.ruleset().revision();
        List<Problem> warnings = c.problems();
        List<String> changed = changedFiles(hashes(active.sources()), hashes(next.sources()));
        if (next.ruleset().revision().equals(from)) {
            return new Reload("UNCHANGED", from, from, List.of(), warnings, 0, List.of());
        }
        List<StatusChange> changes = new ArrayList<>();
        Map<String, Status> tried = tryOut(next);
        tried.forEach((id, status) -> {
            Status now = engine.evaluation(id).map(Evaluation::status).orElse(null);
            if (now != status) {
                changes.add(new StatusChange(id, now, status));
            }
        });
        if (dryRun) {
            return new Reload("DRY_RUN", next.ruleset().revision(), from, changed, warnings, tried.size(), changes);
        }
        Decisions.Cause cause = Decisions.Cause.rules(next.ruleset().revision());
        if (log != null) {
            log.hold(cause);
        }
        try {
            engine.swap(next).join();
        } finally {
            // on failure the changes made before the old rules came back are logged as usual
            List<PolicyStore.Decision> decided = log == null ? List.of() : log.take(cause);
            record(next, active, by, from, changed, decided);
        }
        return new Reload("APPLIED", next.ruleset().revision(), from, changed, warnings, tried.size(), changes);
    }

    /** The rule set put in use, the status changes it made and the audit entry, in one transaction. */
    private void record(RuleBase next, RuleBase active, Actor by, String from, List<String> changed,
                        List<PolicyStore.Decision> decided) {
        if (engine.ruleBase() != next) {
            // the swap failed and the old rules serve: nothing was put in use
            if (log != null) {
                log.write(decided);
            }
            return;
        }
        PolicyStore.RulesEntry entry = entry(next, hashes(active.sources()), by.login(), "RELOAD");
        AuditTrail audit = service.audit();
        // on the writer thread, where every audit entry is appended in commit order
        service.onWriter(() -> CompletableFuture.completedFuture(service.store().atomically(() -> {
            store.insert(entry);
            if (!decided.isEmpty()) {
                store.insert(decided);
            }
            audit.append(audit.entry(by, Action.ADMINISTER, "rules.reload", "rules", entry.revision(), null,
                    Map.of("revision", from), Map.of("revision", entry.revision(), "filesChanged", changed,
                            "statusChanges", decided.size())));
            return entry;
        }))).join();
    }

    /** Every live commitment under {@code next}; refused when a rule fails or no rule decides a status. */
    private Map<String, Status> tryOut(RuleBase next) {
        Map<String, Status> tried;
        try {
            tried = engine.trial(next).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new Rejected.Conflict("a rule failed while evaluating the stored commitments; the rules in use stay",
                    List.of(new FieldError("rules", String.valueOf(cause.getMessage()))));
        }
        List<FieldError> undecided = new ArrayList<>();
        tried.forEach((id, status) -> {
            if (status == null && undecided.size() < 20) {
                undecided.add(new FieldError("commitments." + id, "no rule decides its status"));
            }
        });
        if (!undecided.isEmpty()) {
            throw new Rejected.Conflict("the new rules leave commitments without a status; the rules in use stay",
                    undecided);
        }
        return tried;
    }

    /** The bytes of the policy sheet in use (what an office downloads, edits in Excel and puts back). */
    public byte[] policySheet() {
        return java.util.Base64.getDecoder().decode(engine.ruleBase().sources().get(PolicySheet.PATH));
    }

    /** The rules in use and the history. */
    public CompletableFuture<Listing> listing() {
        return CompletableFuture.supplyAsync(() -> {
            var r = engine.ruleset();
            return new Listing(r.revision(), r.files(), r.rules(), store.rulesHistory());
        }, worker);
    }

    private PolicyStore.RulesEntry entry(RuleBase rules, Map<String, String> before, String by, String action) {
        Map<String, String> files = hashes(rules.sources());
        return new PolicyStore.RulesEntry(rules.ruleset().revision(), clock.instant(), by, action, files,
                changedFiles(before, files));
    }

    private static List<String> changedFiles(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> out = new TreeSet<>();
        before.forEach((path, hash) -> {
            if (!hash.equals(after.get(path))) {
                out.add(path);
            }
        });
        after.keySet().stream().filter(p -> !before.containsKey(p)).forEach(out::add);
        return List.copyOf(out);
    }

    private static SortedMap<String, String> hashes(Map<String, String> sources) {
        SortedMap<String, String> out = new TreeMap<>();
        sources.forEach((path, text) -> out.put(path, hash(text)));
        return out;
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
