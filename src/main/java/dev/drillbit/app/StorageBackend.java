package dev.drillbit.app;

import dev.drillbit.cluster.InMemoryLoginSlots;
import dev.drillbit.cluster.LoginSlots;
import dev.drillbit.config.Config;
import dev.drillbit.daily.DailyRepository;
import dev.drillbit.daily.OwnedGuilds;
import dev.drillbit.daily.RunClaims;
import dev.drillbit.insights.FlagStore;
import dev.drillbit.learning.LearningStore;
import dev.drillbit.learning.Leases;
import dev.drillbit.learning.ReminderClaims;
import dev.drillbit.packs.ServerPackStore;
import dev.drillbit.packs.SuggestionStore;
import dev.drillbit.progress.GuildZones;
import dev.drillbit.storage.CommitObserver;
import dev.drillbit.storage.flatfile.FlatFileDailyRepository;
import dev.drillbit.storage.flatfile.FlatFileFlagStore;
import dev.drillbit.storage.flatfile.FlatFileLeases;
import dev.drillbit.storage.flatfile.FlatFileReminderClaims;
import dev.drillbit.storage.flatfile.FlatFileRunClaims;
import dev.drillbit.storage.flatfile.FlatFileScoreStore;
import dev.drillbit.storage.flatfile.FlatFileServerPackStore;
import dev.drillbit.storage.flatfile.FlatFileSuggestionStore;
import dev.drillbit.storage.flatfile.StoreOptions;
import dev.drillbit.storage.postgres.PostgresDailyRepository;
import dev.drillbit.storage.postgres.PostgresDatabase;
import dev.drillbit.storage.postgres.PostgresFlagStore;
import dev.drillbit.storage.postgres.PostgresLeases;
import dev.drillbit.storage.postgres.PostgresLoginSlots;
import dev.drillbit.storage.postgres.PostgresReminderClaims;
import dev.drillbit.storage.postgres.PostgresRunClaims;
import dev.drillbit.storage.postgres.PostgresScoreStore;
import dev.drillbit.storage.postgres.PostgresServerPackStore;
import dev.drillbit.storage.postgres.PostgresSettings;
import dev.drillbit.storage.postgres.PostgresSuggestionStore;
import java.time.Clock;
import java.util.Map;

/**
 * The one place that picks the implementations of the storage ports, as {@code storage.type} says: the flat
 * files in {@code dataDir}, or one PostgreSQL database (opened, and its schema migrated, by {@link #open}).
 * The bot opens the daily repository first (the guilds' zones come from its schedules), then the score
 * store and the reminder claims; it closes them, then this. Not thread-safe: used while the bot starts and
 * stops.
 */
interface StorageBackend extends AutoCloseable {

    DailyRepository daily();

    LearningStore scores(Clock clock, GuildZones zones, CommitObserver commits);

    /** True when the store can be written: the database answers, or the data folder is there and writable. */
    boolean answers();

    ReminderClaims reminderClaims(GuildZones zones);

    /** Servers' own question packs. */
    ServerPackStore packs();

    /** Members' reports of questions. */
    FlagStore flags();
    /** Which process starts each daily run. */
    RunClaims runClaims();

    /** Who does the work that is not per guild (review reminders). */
    Leases leases();

    /** Discord's login limit, shared by the processes that share this store. */
    LoginSlots loginSlots();

    /** Members' suggested questions and each server's review channel. */
    SuggestionStore suggestions();

    /** Releases what the backend itself holds (the database pool); the stores are closed before. */
    @Override
    void close();

    /**
     * Opens the backend the config names; the database password comes from {@code environment}
     * ({@code DRILLBIT_DB_PASSWORD}) or the config file.
     *
     * @throws dev.drillbit.storage.postgres.StorageUnavailableException when the database cannot be reached,
     *     logged in to or migrated; its message is one line
     */
    static StorageBackend open(Config config, Map<String, String> environment) {
        if (!config.storage().postgres()) {
            return new FlatFiles(config);
        }
        Config.Storage s = config.storage();
        PostgresDatabase db = PostgresDatabase.open(new PostgresSettings(
                s.url(), s.user(), config.databasePassword(environment).orElse("")));
        return new Postgres(db, config.discord().shards().owned());
    }

    /** The default: files in {@code dataDir}. */
    record FlatFiles(Config config) implements StorageBackend {
        @Override
        public DailyRepository daily() {
            return FlatFileDailyRepository.open(config.dataPath().resolve("daily"));
        }

        @Override
        public LearningStore scores(Clock clock, GuildZones zones, CommitObserver commits) {
            return FlatFileScoreStore.open(StoreOptions.defaults(config.dataPath())
                    .withClock(clock)
                    .withZones(zones)
                    .withCommits(commits));
        }

        @Override
        public RunClaims runClaims() {
            return FlatFileRunClaims.open(config.dataPath());
        }

        @Override
        public Leases leases() {
            return new FlatFileLeases();
        }

        @Override
        public LoginSlots loginSlots() {
            return new InMemoryLoginSlots(); // one process: its shard manager's own
        }

        @Override
        public boolean answers() {
            return java.nio.file.Files.isDirectory(config.dataPath())
                    && java.nio.file.Files.isWritable(config.dataPath());
        }

        @Override
        public ReminderClaims reminderClaims(GuildZones zones) {
            return FlatFileReminderClaims.open(config.dataPath(), zones);
        }

        @Override
        public ServerPackStore packs() {
            return FlatFileServerPackStore.open(config.dataPath().resolve("packs"));
        }

        @Override
        public FlagStore flags() {
            return FlatFileFlagStore.open(config.dataPath().resolve("flags"));
        }

        @Override
        public SuggestionStore suggestions() {
            return FlatFileSuggestionStore.open(config.dataPath().resolve("suggestions"));
        }

        @Override
        public void close() {
            // each store releases its own files
        }
    }

    /** One PostgreSQL database for every port; the daily quizzes of {@code owned}'s guilds. */
    record Postgres(PostgresDatabase db, OwnedGuilds owned) implements StorageBackend {
        @Override
        public DailyRepository daily() {
            return PostgresDailyRepository.open(db, owned);
        }

        @Override
        public LearningStore scores(Clock clock, GuildZones zones, CommitObserver commits) {
            return PostgresScoreStore.open(db, clock, zones, commits);
        }

        @Override
        public RunClaims runClaims() {
            return PostgresRunClaims.open(db);
        }

        @Override
        public Leases leases() {
            return PostgresLeases.open(db);
        }

        @Override
        public LoginSlots loginSlots() {
            return PostgresLoginSlots.open(db);
        }

        @Override
        public boolean answers() {
            return db.answers(2);
        }

        @Override
        public ReminderClaims reminderClaims(GuildZones zones) {
            return PostgresReminderClaims.open(db, zones);
        }

        @Override
        public ServerPackStore packs() {
            return PostgresServerPackStore.open(db);
        }

        @Override
        public FlagStore flags() {
            return PostgresFlagStore.open(db);
        }

        @Override
        public SuggestionStore suggestions() {
            return PostgresSuggestionStore.open(db);
        }

        @Override
        public void close() {
            db.close();
        }
    }
}
