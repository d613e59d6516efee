package dev.drillbit.app;

import dev.drillbit.config.ConfigException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code drillbit} command line. Each subcommand returns its exit code; no stack trace reaches a user. */
@Command(
        name = "drillbit",
        mixinStandardHelpOptions = true,
        version = "drillbit 0.1",
        description = "A Discord bot for backend-developer interview practice.",
        subcommands = {
            RunCommand.class,
            PlaygroundCommand.class,
            ValidateCommand.class,
            RepairDataCommand.class,
            MigrateDataCommand.class,
            ReportCommand.class
        })
public final class Main implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    @CommandLine.Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Charts are drawn with AWT, never on a screen; decide before anything touches AWT.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new Main());
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException) {
                cmd.getErr().println(e.getMessage());
                return ExitCodes.INVALID;
            }
            LOG.debug("command failed", e);
            cmd.getErr().println("drillbit: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return ExitCodes.FAILED;
        });
        return line.execute(args);
    }

    /** Without a subcommand: the bot when a token is configured, otherwise the playground. */
    @Override
    public Integer call() throws Exception {
        boolean token = common.load().token(System.getenv()).isPresent();
        List<String> args = new java.util.ArrayList<>(List.of(token ? "run" : "playground"));
        if (common.config != null) {
            args.addAll(List.of("--config", common.config.toString()));
        }
        if (common.data != null) {
            args.addAll(List.of("--data", common.data));
        }
        return spec.commandLine().execute(args.toArray(String[]::new));
    }
}
