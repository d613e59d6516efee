package dev.drillbit.app;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.config.Config;
import dev.drillbit.daily.DailySchedule;
import dev.drillbit.daily.DailyScheduler;
import dev.drillbit.discord.DiscordFrontEnd;
import dev.drillbit.discord.LearningLoop;
import dev.drillbit.discord.ShardManagerFactory;
import dev.drillbit.insights.FlagStore;
import dev.drillbit.insights.QuestionFlags;
import dev.drillbit.interview.MockInterviews;
import dev.drillbit.learning.LearningStore;
import dev.drillbit.learning.ReminderClaims;
import dev.drillbit.learning.Reviews;
import dev.drillbit.packs.PackLimits;
import dev.drillbit.packs.ServerPackStore;
import dev.drillbit.packs.ServerPacks;
import dev.drillbit.packs.SuggestionStore;
import dev.drillbit.packs.Suggestions;
import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.MemberData;
import dev.drillbit.progress.ScoreStore;
import dev.drillbit.quiz.QuizEngine;
import dev.drillbit.quiz.QuizSummary;
import dev.drillbit.quiz.Scoring;
import dev.drillbit.storage.DataFileException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.messages.MessageRequest;

/**
 * The running bot, wired in one place: the score store, the quiz engine, the Discord front end, JDA's
 * shard manager and the heartbeat. Production, the playground and the end-to-end tests all start it
 * through {@link #start}, differing only in configuration (the data folder among it), token, endpoints,
 * clock and ticker. Thread-safe.
 *
 * <p>The bot opens its stores itself ({@link StorageBackend}: the flat files in {@code config.dataPath()}, or
 * PostgreSQL when {@code storage.type} says so), with the bot's own clock, so that
 * no caller can hand it a store that disagrees with the quiz engine about "now" or about where data lives;
 * the playground gets its own scores by passing a config whose data folder is {@code data/playground}.
 * The daily quizzes' scheduler lives beside it in {@code config.dataPath()/daily}, opened and owned the
 * same way; a damaged file of either stops start-up. The bot owns the store: {@link #close()} closes it after JDA has stopped, so every answer a member was
 * told about is on disk and nothing new arrives while the store flushes.
 */
public final class Bot implements AutoCloseable {
    /** Each guild's timezone, from its daily schedules of the moment ({@link DailySchedule#guildZone}). */
    static GuildZones zones(DailyScheduler daily) {
        return guild -> DailySchedule.guildZone(daily.schedules(guild));
    }

    private final ShardManager shards;
    private final Heartbeat heartbeat;
    private final ScoreStore store;
    private final DailyScheduler daily;
    private final StorageBackend storage;
    private final ServerPackStore packs;
    private final FlagStore flags;
    private final SuggestionStore suggestions;
    private final Telemetry telemetry;
    private final WorkLease reminderLease;

    /** The lease on sending review reminders by DM: one process at a time sends them. */
    static final String REMINDERS_LEASE = "review-reminders";

    private Bot(
            ShardManager shards,
            Heartbeat heartbeat,
            ScoreStore store,
            DailyScheduler daily,
            ServerPackStore packs,
            FlagStore flags,
            SuggestionStore suggestions,
            StorageBackend storage,
            Telemetry telemetry,
            WorkLease reminderLease) {
        this.telemetry = telemetry;
        this.reminderLease = reminderLease;
        this.shards = shards;
        this.heartbeat = heartbeat;
        this.store = store;
        this.daily = daily;
        this.packs = packs;
        this.flags = flags;
        this.suggestions = suggestions;
        this.storage = storage;
    }

    /** Where the bot connects: Discord itself, or (both set) a proxy or the local stand-in. */
    public record Endpoints(Optional<String> restBaseUrl, Optional<String> gatewayUrl) {
        public static Endpoints of(Config config) {
            return new Endpoints(
                    Optional.ofNullable(config.discord().restBaseUrl()),
                    Optional.ofNullable(config.discord().gatewayUrl()));
        }
    }

    /**
     * Opens the stores the config names, builds everything and starts logging in; returns
     * at once (see {@link #awaitReady()}).
     *
     * @throws DataFileException when a data file is damaged; nothing was started and no file was changed
     * @throws IllegalStateException when another process has the data folder (or the database's daily
     *     quizzes) open
     * @throws dev.drillbit.storage.postgres.StorageUnavailableException when the configured PostgreSQL
     *     cannot be reached, logged in to or migrated
     */
    public static Bot start(
            Config config, QuestionBank bank, String token, Endpoints endpoints, Clock clock, Ticker ticker) {
        // Nothing the bot sends may ping anyone unless a message asks for it explicitly.
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        // Listening first: a port in use stops start-up before anything logs in or opens the store.
        Telemetry telemetry = Telemetry.start(config);
        // What is open so far, closed newest first when a later step fails.
        java.util.Deque<AutoCloseable> opened = new java.util.ArrayDeque<>();
        opened.push(telemetry);
        try {
            StorageBackend storage = StorageBackend.open(config, System.getenv());
            opened.push(storage);
            ServerPackStore packStore = storage.packs();
            opened.push(packStore);
            FlagStore flagStore = storage.flags();
            opened.push(flagStore);
            SuggestionStore suggestionStore = storage.suggestions();
            opened.push(suggestionStore);
            QuestionFlags flags = new QuestionFlags(flagStore, clock);
            ServerPacks packs = new ServerPacks(
                    bank,
                    packStore,
                    new PackLimits(config.packs().maxPackBytes(), config.packs().maxQuestionsPerServer()),
                    clock,
                    flags::paused);
            DailyScheduler daily = DailyScheduler.open(
                    storage.daily(),
                    packs,
                    null,
                    clock,
                    new Random(new SecureRandom().nextLong()),
                    DailyScheduler.Settings.defaults(),
                    storage.runClaims());
            opened.push(daily);
            LearningStore store = storage.scores(clock, zones(daily), telemetry.commits());
            opened.push(store);
            return start(
                    config,
                    new Owned(
                            packs,
                            packStore,
                            flags,
                            flagStore,
                            new Suggestions(
                                    packs, suggestionStore, config.packs().maxOpenSuggestionsPerMember(), clock),
                            suggestionStore,
                            storage,
                            store,
                            daily,
                            telemetry),
                    token,
                    endpoints,
                    clock,
                    ticker);
        } catch (RuntimeException e) {
            while (!opened.isEmpty()) {
                try {
                    opened.pop().close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** What {@link #start} opened, handed to the wiring. */
    private record Owned(
            ServerPacks packs,
            ServerPackStore packStore,
            QuestionFlags flags,
            FlagStore flagStore,
            Suggestions suggestions,
            SuggestionStore suggestionStore,
            StorageBackend storage,
            LearningStore store,
            DailyScheduler daily,
            Telemetry telemetry) {}

    private static Bot start(
            Config config, Owned owned, String token, Endpoints endpoints, Clock clock, Ticker ticker) {
        ServerPacks packs = owned.packs();
        StorageBackend storage = owned.storage();
        LearningStore store = owned.store();
        DailyScheduler daily = owned.daily();
        Config.Quiz quiz = config.quiz();
        Scoring scoring = new Scoring(Duration.ofSeconds(quiz.secondsPerQuestion()), quiz.speedBonus());
        AtomicReference<Consumer<QuizSummary>> onEnd = new AtomicReference<>(summary -> {});
        QuestionBank bank = packs.shipped();
        QuizEngine engine = new QuizEngine(
                packs,
                scoring,
                new QuizEngine.Settings(Duration.ofMinutes(quiz.idleMinutes()), quiz.maxSessions()),
                ticker,
                clock,
                new Random(new SecureRandom().nextLong()),
                summary -> onEnd.get().accept(summary));
        GuildZones zones = zones(daily);
        ReminderClaims reminders = storage.reminderClaims(zones);
        WorkLease reminderLease = new WorkLease(storage.leases(), REMINDERS_LEASE, clock);
        reminderLease.renew();
        LearningLoop learning = new LearningLoop(
                new Reviews(packs, store, clock),
                reminders,
                new MockInterviews(
                        bank,
                        scoring,
                        store,
                        MockInterviews.Settings.DEFAULT,
                        ticker,
                        clock,
                        new Random(new SecureRandom().nextLong())),
                reminderLease::held);
        DiscordFrontEnd frontEnd = new DiscordFrontEnd(
                packs,
                owned.flags(),
                owned.suggestions(),
                engine,
                scoring,
                store,
                zones,
                quiz.questionsPerQuiz(),
                config.discord().devGuildIds(),
                learning,
                daily,
                new MemberData(store, List.of(reminders, daily, packs, owned.flags(), owned.suggestions())),
                ticker,
                owned.telemetry().discord());
        onEnd.set(frontEnd::quizEnded);
        Config.Shards ownedShards = config.discord().shards();
        ShardManager shards = ShardManagerFactory.build(
                token,
                endpoints.restBaseUrl(),
                endpoints.gatewayUrl(),
                List.of(frontEnd.router()),
                ownedShards.total() == null
                        ? java.util.OptionalInt.empty()
                        : java.util.OptionalInt.of(ownedShards.total()),
                ownedShards.ids(),
                storage.loginSlots());
        frontEnd.channels().bind(shards);
        owned.telemetry().watch(engine, shards, storage::answers);
        Heartbeat heartbeat =
                new Heartbeat(List.of(reminderLease::renew, frontEnd::tick, engine::expireIdle, frontEnd::dailyTick));
        heartbeat.start(Duration.ofSeconds(1));
        return new Bot(
                shards,
                heartbeat,
                store,
                daily,
                owned.packStore(),
                owned.flagStore(),
                owned.suggestionStore(),
                storage,
                owned.telemetry(),
                reminderLease);
    }

    /** Blocks until every shard is connected and has its guilds. */
    public Bot awaitReady() throws InterruptedException {
        for (JDA jda : shards.getShards()) {
            jda.awaitReady();
        }
        return this;
    }

    /** Runs the clock-driven work now instead of at the next second, after the clock was moved. */
    public void tick() {
        heartbeat.beat();
    }

    public ShardManager shards() {
        return shards;
    }

    /** Where {@code /health} and {@code /metrics} are served; empty when {@code metrics.port} is unset. */
    public Optional<java.net.InetSocketAddress> metricsAddress() {
        return telemetry.address();
    }

    /**
     * Stops the heartbeat, disconnects every shard and waits briefly for JDA's threads, then closes the
     * score store, which makes every accepted answer durable and releases the data folder.
     */
    @Override
    public void close() {
        telemetry.close();
        heartbeat.close();
        List<JDA> all = shards.getShards();
        all.forEach(JDA::shutdownNow);
        shards.shutdown();
        boolean interrupted = false;
        for (JDA jda : all) {
            try {
                jda.awaitShutdown(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                interrupted = true;
                break;
            }
        }
        reminderLease.close();
        store.close();
        daily.close();
        suggestions.close();
        flags.close();
        packs.close();
        storage.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
