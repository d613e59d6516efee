package dev.drillbit.testsupport;

import dev.drillbit.app.Bot;
import dev.drillbit.config.Config;
import dev.drillbit.config.ConfigLoader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A bot process for tests that need several (see {@link ChildBots}): started as {@code drillbit run}
 * starts it ({@link Bot#start} with the config file {@code args[0]}, the token and database password from
 * the environment), on the bank of {@link Fixtures#goodBank()} and a manual clock at {@code args[1]}, so
 * the test moves each process's time. Talks on standard streams, one line each, prefixed {@value #SAYS}:
 * it says {@code ready <metrics port or 0>} once every shard is connected; it reads {@code advance
 * <ISO duration>} (moves its clock and ticks the bot once, then says {@code ok}) and {@code stop} (closes
 * the bot as a graceful shutdown would, says {@code stopped}, exits). Anything else it prints is its log.
 */
public final class ChildBot {
    static final String SAYS = "childbot: ";

    private ChildBot() {}

    public static void main(String[] args) throws Exception {
        Config config = new ConfigLoader().load(Path.of(args[0]));
        ManualTime time = ManualTime.at(args[1]);
        PrintStream out = System.out;
        Bot bot = Bot.start(
                        config,
                        Fixtures.goodBank(),
                        config.token(System.getenv()).orElseThrow(),
                        Bot.Endpoints.of(config),
                        time,
                        time)
                .awaitReady();
        say(out, "ready " + bot.metricsAddress().map(a -> a.getPort()).orElse(0));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("advance ")) {
                time.advance(Duration.parse(line.substring("advance ".length())));
                bot.tick();
                say(out, "ok");
            } else if (line.equals("stop")) {
                break;
            }
        }
        bot.close();
        say(out, "stopped");
        System.exit(0);
    }

    private static void say(PrintStream out, String what) {
        synchronized (out) {
            out.println(SAYS + what);
            out.flush();
        }
    }
}
