package dev.drillbit.app;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.config.Config;
import dev.drillbit.storage.DataFileException;
import dev.drillbit.storage.postgres.StorageUnavailableException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code drillbit run}: the bot against Discord (or the endpoints in the config), until stopped. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run the bot. The token comes from DISCORD_TOKEN or discord.token in the config.")
final class RunCommand implements Callable<Integer> {
    static final String NO_TOKEN = """
            No bot token. Create an application at https://discord.com/developers/applications, add a bot,
            copy its token, and either export DISCORD_TOKEN=<token> or put it in config.json under
            discord.token (config.json is ignored by git). See the README, "Running in your server".""";

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Config config = common.load();
        Optional<String> token = config.token(System.getenv());
        if (token.isEmpty()) {
            err.println(NO_TOKEN);
            return ExitCodes.INVALID;
        }
        Optional<QuestionBank> bank = BankCheck.load(config, err, "drillbit");
        if (bank.isEmpty()) {
            return ExitCodes.INVALID;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Bot bot;
        try {
            bot = Bot.start(
                    config,
                    bank.get(),
                    token.get(),
                    Bot.Endpoints.of(config),
                    Clock.systemUTC(),
                    Ticker.systemTicker());
        } catch (DataFileException e) {
            return damaged(e, config.dataPath(), err);
        } catch (IllegalStateException | StorageUnavailableException | java.io.UncheckedIOException e) {
            // UncheckedIOException: the health and metrics port could not be listened on
            err.println("drillbit did not start: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            bot.close();
                            stopped.countDown();
                        },
                        "drillbit-shutdown"));
        bot.awaitReady();
        out.println("drillbit is running; stop it with Ctrl+C.");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    /** Explains a damaged data file that stopped start-up; the file is left as it is. */
    static int damaged(DataFileException e, java.nio.file.Path data, PrintWriter err) {
        err.println(e.getMessage());
        err.println("drillbit did not start: a data file in " + data + " is damaged, and it was left as it is."
                + " Salvage what can be read with: java -jar drillbit.jar repair-data --data " + data);
        err.flush();
        return ExitCodes.FAILED;
    }
}
