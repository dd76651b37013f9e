package plancheck.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.definition.rule.Rule;

/**
 * Compiled rules, built through the public KIE API (KieServices, KieFileSystem, KieBuilder) from rule texts; shared
 * by every session built on it.
 */
public final class RuleBase {

    /** The global through which rules report what they conclude ({@link Conclusions}). */
    public static final String OUT = "out";

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?\\s*$");
    private static final Pattern POSITION = Pattern.compile("\\[Line: (\\d+), Column: (\\d+)\\]");
    private static final String RESOURCES = "src/main/resources/";
    /** a fresh module id per build, so builds at the same time do not replace each other in the KIE repository */
    private static final AtomicLong BUILDS = new AtomicLong();

    final KieBase kieBase;
    final Ruleset ruleset;
    /** whether some rule file declares the {@value #OUT} global */
    final boolean declaresOut;
    /** the rule texts it was built from, by path */
    final SortedMap<String, String> sources;
    /** the thresholds, from the policy sheet */
    final PolicyTable policies;

    private RuleBase(KieBase kieBase, Ruleset ruleset, boolean declaresOut, SortedMap<String, String> sources,
                     PolicyTable policies) {
        this.kieBase = kieBase;
        this.ruleset = ruleset;
        this.declaresOut = declaresOut;
        this.sources = sources;
        this.policies = policies;
    }

    /** The policy table read from the policy sheet. */
    public PolicyTable policies() {
        return policies;
    }

    /** What a build found: the rule base (null when there is an error) and every error and warning. */
    public record Compilation(RuleBase ruleBase, List<RuleBuildException.Problem> problems) {

        /** The rule base, or the errors as an exception. */
        public RuleBase orThrow() throws RuleBuildException {
            if (ruleBase == null) {
                throw new RuleBuildException(problems.stream().filter(RuleBuildException.Problem::error).toList());
            }
            return ruleBase;
        }
    }

    /** Revision (content hash), files and rule names. */
    public Ruleset ruleset() {
        return ruleset;
    }

    /** The texts it was built from, by path relative to the rules folder. */
    public SortedMap<String, String> sources() {
        return sources;
    }

    /**
     * Compiles rule texts (path relative to the rules folder → DRL, or for the policy sheet its bytes in base64);
     * any error, including a package that is not its folder or a bad cell in the sheet, means no rule base.
     */
    public static Compilation compile(SortedMap<String, String> files) {
        List<RuleBuildException.Problem> problems = new ArrayList<>();
        if (files.isEmpty()) {
            problems.add(new RuleBuildException.Problem("", 0, "no .drl file"));
            return new Compilation(null, problems);
        }
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId id = ks.newReleaseId("plancheck", "rules", "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(id);
        PolicyTable policies = null;
        for (Map.Entry<String, String> f : files.entrySet()) {
            if (RuleSources.isSheet(f.getKey())) {
                if (f.getKey().equals(PolicySheet.PATH)) {
                    policies = PolicySheet.read(f.getValue(), problems);
                } else {
                    problems.add(new RuleBuildException.Problem(f.getKey(), 0, "a spreadsheet the rules do not read;"
                            + " the thresholds are in " + PolicySheet.PATH));
                }
                continue;
            }
            checkPackage(f.getKey(), f.getValue(), problems);
            kfs.write(RESOURCES + f.getKey(), f.getValue().getBytes(StandardCharsets.UTF_8));
        }
        if (!files.containsKey(PolicySheet.PATH)) {
            problems.add(new RuleBuildException.Problem(PolicySheet.PATH, 0, "the policy sheet is missing: every"
                    + " threshold the rules use is in it"));
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR, Message.Level.WARNING)) {
            problems.add(problem(m));
        }
        if (problems.stream().anyMatch(RuleBuildException.Problem::error)) {
            ks.getRepository().removeKieModule(id);
            return new Compilation(null, problems);
        }
        KieBase kieBase = ks.newKieContainer(id).getKieBase();
        // the container holds the module; the repository need not keep every build ever made
        ks.getRepository().removeKieModule(id);
        List<String> rules = new ArrayList<>();
        boolean out = false;
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                rules.add(rule.getName());
            }
            for (Global g : pkg.getGlobalVariables()) {
                out |= g.getName().equals(OUT);
            }
        }
        rules.sort(null);
        Ruleset ruleset = new Ruleset(revision(files), List.copyOf(files.keySet()), List.copyOf(rules));
        return new Compilation(new RuleBase(kieBase, ruleset, out, files, policies), problems);
    }

    private static RuleBuildException.Problem problem(Message m) {
        String path = m.getPath() == null ? "" : m.getPath();
        if (path.startsWith(RESOURCES)) {
            path = path.substring(RESOURCES.length());
        }
        String severity = m.getLevel() == Message.Level.ERROR ? RuleBuildException.Problem.ERROR
                : RuleBuildException.Problem.WARNING;
        int line = Math.max(0, m.getLine());
        int column = Math.max(0, m.getColumn());
        // constraint errors carry their position only in the text: "[Line: 12, Column: 4]"
        Matcher at = POSITION.matcher(m.getText());
        if (column == 0 && at.find()) {
            line = line == 0 ? Integer.parseInt(at.group(1)) : line;
            column = Integer.parseInt(at.group(2));
        }
        return new RuleBuildException.Problem(path, line, column, severity, m.getText().strip());
    }

    /** Content hash over every path and text: the same files give the same revision. */
    private static String revision(SortedMap<String, String> files) {
        MessageDigest digest = sha256();
        for (Map.Entry<String, String> f : files.entrySet()) {
            digest.update(f.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(f.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    /** The folder of a rule file is its DRL package, so a rule is found where its package says. */
    private static void checkPackage(String name, String text, List<RuleBuildException.Problem> problems) {
        int slash = name.lastIndexOf('/');
        String folder = slash < 0 ? "" : name.substring(0, slash).replace('/', '.');
        Matcher m = PACKAGE.matcher(text);
        if (!m.find()) {
            problems.add(new RuleBuildException.Problem(name, 1, "no package declaration; expected package " + folder));
        } else if (!m.group(1).equals(folder)) {
            int line = (int) text.substring(0, m.start(1)).chars().filter(c -> c == '\n').count() + 1;
            problems.add(new RuleBuildException.Problem(name, line,
                    "package " + m.group(1) + " does not match its folder; expected package " + folder));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
