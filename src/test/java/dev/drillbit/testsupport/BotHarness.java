package dev.drillbit.testsupport;

import ch.qos.logback.classic.Level;
import dev.drillbit.app.Bot;
import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.config.Config;
import dev.drillbit.discord.ComponentAction;
import dev.drillbit.playground.InteractionHandle;
import dev.drillbit.playground.LocalChannel;
import dev.drillbit.playground.LocalDiscord;
import dev.drillbit.playground.LocalGuild;
import dev.drillbit.playground.LocalMember;
import dev.drillbit.playground.LocalMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real bot, started by {@link Bot#start} as in production, against the local Discord stand-in, with
 * a manual clock, one guild, a #general channel and three members; plus helpers that answer questions
 * the way a member would. Close it after the test class.
 */
public final class BotHarness implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    public final ManualTime time = ManualTime.at("2026-11-23T09:00:00Z");
    /** Discord keeps real time, as JDA expects; only the bot runs on {@link #time}. */
    public final LocalDiscord discord = LocalDiscord.start();

    public final LogCapture jdaLog = LogCapture.attach("net.dv8tion", Level.WARN, discord.gatewayUrl());
    public final LogCapture botLog = LogCapture.attach("dev.drillbit", Level.ERROR, discord.gatewayUrl());
    public final LocalGuild guild = discord.guild("Study Group");
    public final LocalChannel general = discord.channel(guild, "general");
    public final LocalMember alice = discord.member(guild, "alice", false);
    public final LocalMember bob = discord.member(guild, "bob", false);
    public final LocalMember carol = discord.member(guild, "carol", true);
    /** A second server with the same bot and commands, when asked for; null otherwise. */
    public final LocalGuild otherGuild;
    /** Every server the bot serves, {@link #guild} first, then {@link #otherGuild} and any more. */
    public final List<LocalGuild> guilds;

    public final QuestionBank bank;
    /** The bot's data folder, a fresh temporary one, deleted on close. */
    public final Path dataDir;

    private final Config config;
    /** The running bot; {@link #restartBot()} replaces it. */
    public volatile Bot bot;

    public BotHarness(QuestionBank bank) throws InterruptedException {
        this(bank, false);
    }

    /** @param secondGuild also a second server, {@link #otherGuild}, for what must stay apart per server */
    public BotHarness(QuestionBank bank, boolean secondGuild) throws InterruptedException {
        this(bank, secondGuild, Config.Storage.FLATFILE);
    }

    /** @param storage where the bot keeps its data: the flat files in {@link #dataDir}, or a database */
    public BotHarness(QuestionBank bank, boolean secondGuild, Config.Storage storage) throws InterruptedException {
        this(bank, secondGuild ? 1 : 0, storage);
    }

    /**
     * @param moreGuilds servers beyond {@link #guild}: the first is {@link #otherGuild}, the rest "Group 3",
     *     "Group 4", …; each with the bot's commands and no members but the bot
     */
    public BotHarness(QuestionBank bank, int moreGuilds, Config.Storage storage) throws InterruptedException {
        this(bank, moreGuilds, storage, false, Config.Metrics.OFF);
    }

    /** @param metrics the health and metrics endpoint: {@code new Config.Metrics(0, "127.0.0.1")} for any free port */
    public BotHarness(QuestionBank bank, int moreGuilds, Config.Storage storage, Config.Metrics metrics)
            throws InterruptedException {
        this(bank, moreGuilds, storage, false, metrics);
    }

    /**
     * @param globalCommands register the commands globally, as a production bot does (usable in DMs and
     *     through user installs), instead of in the test servers only
     */
    public BotHarness(QuestionBank bank, int moreGuilds, Config.Storage storage, boolean globalCommands)
            throws InterruptedException {
        this(bank, moreGuilds, storage, globalCommands, Config.Metrics.OFF);
    }

    /**
     * @param globalCommands register the commands globally (usable in DMs and through user installs)
     * @param metrics the health and metrics endpoint, or {@link Config.Metrics#OFF}
     */
    public BotHarness(
            QuestionBank bank, int moreGuilds, Config.Storage storage, boolean globalCommands, Config.Metrics metrics)
            throws InterruptedException {
        this.bank = bank;
        this.players = new Players(discord, bank);
        List<LocalGuild> all = new java.util.ArrayList<>(List.of(guild));
        for (int i = 0; i < moreGuilds; i++) {
            all.add(discord.guild(i == 0 ? "Other Group" : "Group " + (i + 2)));
        }
        this.guilds = List.copyOf(all);
        this.otherGuild = moreGuilds > 0 ? guilds.get(1) : null;
        try {
            this.dataDir = Files.createTempDirectory("drillbit-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Config defaults = Config.defaults();
        this.config = new Config(
                defaults.questionsDir(),
                dataDir.toString(),
                defaults.quiz(),
                new Config.Discord(
                        null,
                        globalCommands
                                ? List.of()
                                : guilds.stream().map(LocalGuild::id).toList(),
                        discord.restBaseUrl(),
                        discord.gatewayUrl()),
                storage,
                metrics);
        this.bot = startBot();
        for (String command : List.of("quiz", "question", "roadmap", "help", "leaderboard", "stats", "data")) {
            discord.awaitCommand(guild, command, TIMEOUT);
        }
    }

    private Bot startBot() throws InterruptedException {
        return Bot.start(config, bank, discord.botToken(), Bot.Endpoints.of(config), time, time)
                .awaitReady();
    }

    /** Closes the bot as a graceful shutdown would and starts a new one on the same data folder. */
    public void restartBot() throws InterruptedException {
        stopBot();
        startBotAgain();
    }

    /** Closes the bot as a graceful shutdown would; {@link #startBotAgain()} starts the next. */
    public void stopBot() {
        bot.close();
    }

    /** Starts a new bot on the same data after {@link #stopBot()}. */
    public void startBotAgain() throws InterruptedException {
        bot = startBot();
    }

    /** Answers questions as members would, for this harness's bank. */
    public final Players players;

    /** The bank question a message shows, recognised by its embed's description. */
    public Question shown(LocalMessage message) {
        return players.shown(message);
    }

    /** The custom id on {@code message} whose action is {@code action}. */
    public static String button(LocalMessage message, ComponentAction action) {
        return Players.button(message, action);
    }

    /** See {@link Players#answer}. */
    public InteractionHandle answer(LocalMember member, LocalMessage message, boolean right) {
        return players.answer(member, message, right);
    }

    /** See {@link Players#playSolo}. */
    public int playSolo(LocalMember member, LocalChannel room, String step, boolean... rights) {
        return players.playSolo(member, room, step, rights);
    }

    /** The points a reveal's title announces ("… +12 points"); 0 when it announces none. */
    public static int points(LocalMessage reveal) {
        return Players.points(reveal);
    }

    /**
     * What every end-to-end test ends with: each request the bot sent validates against Discord's OpenAPI
     * description and hit a route the stand-in knows, JDA logged no warning or error, the bot no error.
     */
    public void assertBehavedLikeOnDiscord() {
        org.assertj.core.api.Assertions.assertThat(schemaViolations()).isEmpty();
        org.assertj.core.api.Assertions.assertThat(discord.requests())
                .allSatisfy(r -> org.assertj.core.api.Assertions.assertThat(r.route())
                        .as(r.toString())
                        .isPresent());
        org.assertj.core.api.Assertions.assertThat(jdaLog.lines()).isEmpty();
        org.assertj.core.api.Assertions.assertThat(botLog.lines()).isEmpty();
    }

    /** Every request the bot sent that does not validate against Discord's OpenAPI description. */
    public List<String> schemaViolations() {
        return discord.requests().stream()
                .flatMap(r -> DiscordApiSchema.get().violations(r).stream())
                .toList();
    }

    public Optional<LocalMessage> latest(LocalMember member, LocalChannel channel) {
        return discord.latestVisibleTo(member, channel);
    }

    @Override
    public void close() {
        bot.close();
        discord.close();
        jdaLog.close();
        botLog.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
