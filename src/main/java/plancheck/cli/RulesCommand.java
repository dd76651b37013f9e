package plancheck.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import plancheck.engine.RuleBase;
import plancheck.engine.RuleBuildException;
import plancheck.engine.RuleSources;

/** {@code rules check DIR}: builds a rules folder (DRL and policy sheet) as the server would; prints every problem. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Work with a rules folder.",
        subcommands = RulesCommand.Check.class)
public final class RulesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Compile every .drl file under DIR and read its policy sheet (plancheck/policy.xlsx) as the"
                    + " server would; print each error and warning as file:line:column: message (for the sheet"
                    + " file[sheet]:row:column). Exit 0 when the rules compile, 1 when they do not, 2 when DIR"
                    + " is not a folder. Changes nothing.")
    static final class Check implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "DIR", description = "the rules folder, e.g. rules")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isDirectory(dir)) {
                err.println("rules check: " + dir + " is not a folder");
                err.flush();
                return 2;
            }
            RuleBase.Compilation c = RuleBase.compile(RuleSources.read(dir));
            for (RuleBuildException.Problem p : c.problems()) {
                (p.error() ? err : out).println(p);
            }
            if (c.ruleBase() != null) {
                out.println("ok: revision " + c.ruleBase().ruleset().revision() + ", "
                        + c.ruleBase().ruleset().files().size() + " files, " + c.ruleBase().ruleset().rules().size()
                        + " rules");
            } else {
                err.println(c.problems().stream().filter(RuleBuildException.Problem::error).count()
                        + " error(s): the rules do not compile");
            }
            out.flush();
            err.flush();
            return c.ruleBase() != null ? 0 : 1;
        }
    }
}
