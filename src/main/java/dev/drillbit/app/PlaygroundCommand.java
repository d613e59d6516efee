package dev.drillbit.app;

import dev.drillbit.bank.QuestionBank;
import dev.drillbit.config.Config;
import dev.drillbit.playground.Playground;
import dev.drillbit.playground.PlaygroundClock;
import dev.drillbit.playground.PlaygroundTerminal;
import dev.drillbit.playground.RateLimits;
import dev.drillbit.storage.DataFileException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code drillbit playground}: the real bot against the embedded local Discord stand-in, played from a
 * terminal, interactively or from a script on standard input. Exit code 1 when a scripted line was
 * refused.
 */
@Command(
        name = "playground",
        mixinStandardHelpOptions = true,
        description = "Play the real bot offline, as one or more Discord members, from this terminal.")
final class PlaygroundCommand implements Callable<Integer> {
    static final String DATA = "data/playground";

    @Mixin
    CommonOptions common;

    @Option(names = "--echo", description = "Print each input line before its output (for transcripts).")
    boolean echo;

    @Option(
            names = "--rate-limits",
            paramLabel = "LIMITS",
            defaultValue = "discord",
            converter = RateLimitsConverter.class,
            description = "Discord's rate limits in the stand-in: discord (default), off, or changed numbers,"
                    + " e.g. global=100,messages=10/5s,edits=5/5s,webhooks=5/2s,routes=5/1s.")
    RateLimits rateLimits;

    @Spec
    CommandSpec spec;

    /** Reads {@code --rate-limits}; a bad value is picocli's usage error naming it. */
    static final class RateLimitsConverter implements CommandLine.ITypeConverter<RateLimits> {
        @Override
        public RateLimits convert(String value) {
            try {
                return RateLimits.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Config config = common.load();
        Path data = Path.of(common.data != null ? common.data : DATA);
        Optional<QuestionBank> bank = BankCheck.load(config, err, "the playground");
        if (bank.isEmpty()) {
            return ExitCodes.INVALID;
        }
        Files.createDirectories(data);
        boolean interactive = System.console() != null && !echo;
        Playground playground;
        PlaygroundLog log = PlaygroundLog.open(data, line -> {
            err.println(line);
            err.flush();
        });
        try {
            playground = Playground.start(
                    PlaygroundStarter.of(config.withDataDir(data.toString()), bank.get()),
                    out,
                    data,
                    new PlaygroundClock(Clock.systemUTC()),
                    rateLimits);
        } catch (DataFileException e) {
            log.close();
            return RunCommand.damaged(e, data, err);
        } catch (Exception | Error e) {
            log.close();
            throw e;
        }
        log.noticesTo(playground::notice);
        try (log;
                playground) {
            out.println(playground.banner());
            out.flush();
            if (interactive) {
                PlaygroundTerminal.interactive(playground, out);
                return ExitCodes.OK;
            }
            BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return PlaygroundTerminal.script(playground, input, out, echo) ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
