package plancheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code java -jar plancheck.jar <command>}. Each command is its own class listed below. */
@Command(name = "plancheck", mixinStandardHelpOptions = true, version = "plancheck 0.1.0",
        description = "Tracks the commitments of work reports and decides their status with rules.",
        subcommands = {ServeCommand.class, UsersCommand.class, AuditCommand.class, ExtractCommand.class,
            RulesCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with every subcommand, also used by tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
