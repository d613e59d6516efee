package dev.drillbit.app;

import dev.drillbit.bank.QuestionBank;
import dev.drillbit.config.Config;
import dev.drillbit.playground.Playground;
import java.time.Duration;
import java.util.List;

/** Starts the bot for the playground exactly as {@code run} does, pointed at the stand-in and its clock. */
public final class PlaygroundStarter {
    private PlaygroundStarter() {}

    /** @param config the configuration, with {@code dataDir} already set to the playground's data folder */
    public static Playground.BotStarter of(Config config, QuestionBank bank) {
        return (discord, guild, clock) -> {
            // the playground keeps its own scores in its own folder, whatever storage the real bot uses
            Config local = new Config(
                    config.questionsDir(),
                    config.dataDir(),
                    config.quiz(),
                    // registered globally, as in production, so that the solo commands work in DMs too
                    new Config.Discord(null, List.of(), discord.restBaseUrl(), discord.gatewayUrl()),
                    Config.Storage.FLATFILE);
            Bot bot = Bot.start(local, bank, discord.botToken(), Bot.Endpoints.of(local), clock, clock)
                    .awaitReady();
            discord.awaitCommand(guild, "help", Duration.ofSeconds(20));
            return new Playground.BotProcess() {
                @Override
                public void tick() {
                    bot.tick();
                }

                @Override
                public void close() {
                    bot.close();
                }
            };
        };
    }
}
