package plancheck.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.drools.core.impl.InternalRuleBase;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/** The compiled rules of a rules folder: built once, shared by every session. */
final class RuleBase {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;?\\s*$");

    /** The DRL function the engine calls on each fact before the rules see it: derive(Track) in this package. */
    static final String DERIVE_PACKAGE = "plancheck.status";

    final KieBase kieBase;
    final Ruleset ruleset;
    /** sets progress, met and expected progress on a prepared fact */
    final Consumer<Track> derive;

    private RuleBase(KieBase kieBase, Ruleset ruleset, Consumer<Track> derive) {
        this.kieBase = kieBase;
        this.ruleset = ruleset;
        this.derive = derive;
    }

    /** Compiles every .drl file under {@code dir}; any problem, including a package that is not its folder, fails. */
    static RuleBase build(Path dir) throws RuleBuildException {
        List<Path> files = drlFiles(dir);
        if (files.isEmpty()) {
            throw new RuleBuildException(List.of(new RuleBuildException.Problem(dir.toString(), 0, "no .drl file")));
        }
        List<RuleBuildException.Problem> problems = new ArrayList<>();
        List<String> names = new ArrayList<>();
        MessageDigest digest = sha256();
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        CompositeKnowledgeBuilder batch = builder.batch();
        for (Path file : files) {
            String name = dir.relativize(file).toString().replace('\\', '/');
            byte[] bytes = read(file);
            names.add(name);
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
            checkPackage(name, new String(bytes, StandardCharsets.UTF_8), problems);
            Resource resource = ResourceFactory.newByteArrayResource(bytes).setSourcePath(name);
            batch.add(resource, ResourceType.DRL);
        }
        batch.build();
        for (KnowledgeBuilderError error : builder.getErrors()) {
            String file = error.getResource() == null ? "?" : error.getResource().getSourcePath();
            int[] lines = error.getLines();
            problems.add(new RuleBuildException.Problem(file, lines.length == 0 ? 0 : lines[0],
                    error.getMessage().strip()));
        }
        if (!problems.isEmpty()) {
            throw new RuleBuildException(problems);
        }
        KieBase kieBase = builder.newKieBase();
        List<String> rules = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                rules.add(rule.getName());
            }
        }
        rules.sort(null);
        String revision = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        return new RuleBase(kieBase, new Ruleset(revision, List.copyOf(names), List.copyOf(rules)),
                derivation(kieBase));
    }

    /** The compiled DRL function derive(plancheck.engine.Track) of package {@value #DERIVE_PACKAGE}. */
    private static Consumer<Track> derivation(KieBase kieBase) throws RuleBuildException {
        MethodHandle handle;
        try {
            // DRL compiles function f of package p to a class p.F with a static method f
            Class<?> c = ((InternalRuleBase) kieBase).getRootClassLoader().loadClass(DERIVE_PACKAGE + ".Derive");
            handle = MethodHandles.publicLookup().findStatic(c, "derive",
                    MethodType.methodType(void.class, Track.class));
        } catch (ReflectiveOperationException e) {
            throw new RuleBuildException(List.of(new RuleBuildException.Problem(
                    DERIVE_PACKAGE.replace('.', '/'), 0,
                    "function derive(plancheck.engine.Track) is missing from package " + DERIVE_PACKAGE)));
        }
        return t -> {
            try {
                handle.invokeExact(t);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("derive failed for " + t, e);
            }
        };
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

    private static List<Path> drlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".drl") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
