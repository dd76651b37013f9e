package plancheck.reminder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

import plancheck.domain.Commitment;
import plancheck.domain.Policy;
import plancheck.engine.RuleBuildException;
import plancheck.service.Service.Judgement;

/**
 * The 督办 rule base: the .drl files of {@code plancheck/reminders} under the rules folder, built with the public
 * KIE API into a base of their own, apart from the status rules. Each call of {@link #chase} runs one session over
 * the commitments given.
 */
public final class ReminderRules {

    /** The folder under the rules folder, also the DRL package. */
    public static final String FOLDER = "plancheck/reminders";
    private static final String PACKAGE = "plancheck.reminders";

    private final KieBase kieBase;
    private final String defaultCadence;
    private final int defaultWithin;

    private ReminderRules(KieBase kieBase, String defaultCadence, int defaultWithin) {
        this.kieBase = kieBase;
        this.defaultCadence = defaultCadence;
        this.defaultWithin = defaultWithin;
    }

    /** Compiles the reminder rules under {@code rulesDir}; any compile error fails with file, line and message. */
    public static ReminderRules build(Path rulesDir) throws RuleBuildException {
        Path dir = rulesDir.resolve(FOLDER);
        List<Path> files = drlFiles(dir);
        if (files.isEmpty()) {
            throw new RuleBuildException(List.of(new RuleBuildException.Problem(dir.toString(), 0, "no .drl file")));
        }
        KieServices ks = KieServices.Factory.get();
        ReleaseId id = ks.newReleaseId("plancheck", "reminders", "1");
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(id);
        for (Path f : files) {
            kfs.write("src/main/resources/" + FOLDER + "/" + f.getFileName(), ks.getResources()
                    .newByteArrayResource(read(f)));
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<RuleBuildException.Problem> problems = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(new RuleBuildException.Problem(m.getPath() == null ? dir.toString() : m.getPath(),
                    m.getLine(), m.getText()));
        }
        if (!problems.isEmpty()) {
            throw new RuleBuildException(problems);
        }
        KieContainer container = ks.newKieContainer(id);
        ClassLoader loader = container.getClassLoader();
        return new ReminderRules(container.getKieBase(), (String) policy(loader, "defaultCadence"),
                (Integer) policy(loader, "defaultWithinDays"));
    }

    /** A DRL function of the policy: compiled to a class p.F with a static method f (see the status engine). */
    private static Object policy(ClassLoader loader, String function) throws RuleBuildException {
        try {
            String cls = PACKAGE + "." + Character.toUpperCase(function.charAt(0)) + function.substring(1);
            Method m = loader.loadClass(cls).getMethod(function);
            return m.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new RuleBuildException(List.of(new RuleBuildException.Problem(FOLDER + "/policy.drl", 0,
                    "function " + function + "() is missing from package " + PACKAGE)));
        }
    }

    /** Days ahead in which a deadline is near, when the request names none. */
    public int defaultWithin() {
        return defaultWithin;
    }

    /**
     * Runs the rules over the judged commitments, each under its own reporting cadence (the policy's default for
     * one that names none) and by the thresholds of its policy row; returns each with the reasons the rules gave
     * (none when nothing needs chasing), in the order given.
     */
    public List<Chase> chase(List<Judgement> judged, int within, Function<Commitment, Policy> policy) {
        return chase(judged, within, c -> c.cadence() != null ? c.cadence().name() : defaultCadence, policy);
    }

    /**
     * As {@link #chase(List, int, Function)} with each commitment's reporting cadence given (MONTHLY, QUARTERLY,
     * AT_DEADLINE).
     */
    public List<Chase> chase(List<Judgement> judged, int within, Function<Commitment, String> cadence,
                             Function<Commitment, Policy> policy) {
        List<Chase> facts = judged.stream().map(j -> new Chase(j, within, cadence.apply(j.commitment()),
                policy.apply(j.commitment()))).toList();
        KieSession session = kieBase.newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    for (Object o : event.getMatch().getObjects()) {
                        if (o instanceof Chase c) {
                            c.firing(event.getMatch().getRule().getName());
                        }
                    }
                }
            });
            facts.forEach(session::insert);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return facts;
    }

    private static List<Path> drlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".drl") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
