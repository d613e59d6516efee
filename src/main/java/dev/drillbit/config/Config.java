package dev.drillbit.config;

import dev.drillbit.daily.OwnedGuilds;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * drillbit's configuration, as read from {@code config.json} over the defaults. Immutable. The token is
 * kept out of {@link #toString()}; read it through {@link #token(java.util.Map)}. {@code questionsDir} is null
 * when unset: the bot then uses the bank shipped in its jar.
 */
public record Config(
        String questionsDir,
        String dataDir,
        Quiz quiz,
        Discord discord,
        Storage storage,
        Packs packs,
        Metrics metrics) {

    public Config {
        packs = packs == null ? Packs.DEFAULT : packs;
        metrics = metrics == null ? Metrics.OFF : metrics;
    }

    /** The flat files in {@code dataDir} (the default) and the same config before storage was configurable. */
    public Config(String questionsDir, String dataDir, Quiz quiz, Discord discord) {
        this(questionsDir, dataDir, quiz, discord, Storage.FLATFILE);
    }

    /** The default limits on servers' packs, and no health and metrics endpoint. */
    public Config(String questionsDir, String dataDir, Quiz quiz, Discord discord, Storage storage) {
        this(questionsDir, dataDir, quiz, discord, storage, Packs.DEFAULT, Metrics.OFF);
    }

    /** No health and metrics endpoint (the default). */
    public Config(String questionsDir, String dataDir, Quiz quiz, Discord discord, Storage storage, Packs packs) {
        this(questionsDir, dataDir, quiz, discord, storage, packs, Metrics.OFF);
    }

    /** The default limits on servers' packs. */
    public Config(String questionsDir, String dataDir, Quiz quiz, Discord discord, Storage storage, Metrics metrics) {
        this(questionsDir, dataDir, quiz, discord, storage, Packs.DEFAULT, metrics);
    }

    /**
     * What a server may import with {@code /pack import}: the size of one pack file in bytes, and the
     * questions across all of the server's packs; and the suggestions one member may have waiting for review
     * ({@code /suggest}).
     */
    public record Packs(int maxPackBytes, int maxQuestionsPerServer, int maxOpenSuggestionsPerMember) {
        public static final Packs DEFAULT = new Packs(262_144, 500, 3);
    }

    /** Quiz settings. */
    public record Quiz(
            int questionsPerQuiz, int secondsPerQuestion, int idleMinutes, boolean speedBonus, int maxSessions) {}

    /**
     * Discord settings. {@code restBaseUrl} and {@code gatewayUrl} are null for Discord itself; set, they
     * point the bot at a proxy or at a local stand-in.
     */
    public record Discord(String token, List<Long> devGuildIds, String restBaseUrl, String gatewayUrl, Shards shards) {
        public Discord {
            devGuildIds = devGuildIds == null ? List.of() : List.copyOf(devGuildIds);
            shards = shards == null ? Shards.ALL : shards;
        }

        /** Every shard in this one process (the default). */
        public Discord(String token, List<Long> devGuildIds, String restBaseUrl, String gatewayUrl) {
            this(token, devGuildIds, restBaseUrl, gatewayUrl, Shards.ALL);
        }

        @Override
        public String toString() {
            return "Discord[token=" + (token == null ? "unset" : "***") + ", devGuildIds=" + devGuildIds
                    + ", restBaseUrl=" + restBaseUrl + ", gatewayUrl=" + gatewayUrl + ", shards=" + shards + "]";
        }
    }

    /**
     * Which of the bot's shards this process runs. {@code total} null: Discord's recommendation (JDA asks);
     * {@code ids} empty: every shard of the total. A guild {@code g} belongs to shard
     * {@code (g >> 22) % total}, so a process with a subset of the shards serves only those shards' guilds.
     */
    public record Shards(Integer total, List<Integer> ids) {
        public static final Shards ALL = new Shards(null, List.of());

        public Shards {
            // a null in the list is kept for the loader to name; List.copyOf would refuse it without saying where
            ids = ids == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(ids));
        }

        /** True when other processes run the shards this one does not: the store must be shared. */
        public boolean partial() {
            return total != null && !ids.isEmpty() && ids.size() < total;
        }

        /** The guilds this process serves: {@link OwnedGuilds#ALL} unless it runs only some of the shards. */
        public OwnedGuilds owned() {
            return partial() ? new OwnedGuilds(total, ids) : OwnedGuilds.ALL;
        }
    }

    /**
     * The health and metrics endpoint: off when {@code port} is null (the default); {@code port} 0 takes any
     * free port. {@code bind} is the address it listens on, loopback unless set.
     */
    public record Metrics(Integer port, String bind) {
        public static final String LOOPBACK = "127.0.0.1";
        public static final Metrics OFF = new Metrics(null, LOOPBACK);

        public boolean enabled() {
            return port != null;
        }
    }

    /**
     * Where scores, decks, reminders and daily quizzes are kept: {@code type} {@value Storage#FLATFILE_TYPE}
     * (files in {@code dataDir}) or {@value Storage#POSTGRES_TYPE} (the database at {@code url}, logged in as
     * {@code user}). The password is kept out of {@link #toString()}; read it through
     * {@link Config#databasePassword(java.util.Map)}.
     */
    public record Storage(String type, String url, String user, String password) {
        public static final String FLATFILE_TYPE = "flatfile";
        public static final String POSTGRES_TYPE = "postgres";
        public static final Storage FLATFILE = new Storage(FLATFILE_TYPE, null, null, null);

        public boolean postgres() {
            return POSTGRES_TYPE.equals(type);
        }

        @Override
        public String toString() {
            return "Storage[type=" + type + ", url=" + url + ", user=" + user + ", password="
                    + (password == null ? "unset" : "***") + "]";
        }
    }

    public static Config defaults() {
        return new Config(
                null,
                "data",
                new Quiz(10, 30, 15, true, 10_000),
                new Discord(null, List.of(), null, null),
                Storage.FLATFILE,
                Packs.DEFAULT,
                Metrics.OFF);
    }

    /** The question folder the config names; empty for the bank shipped in the jar. */
    public Optional<Path> questionsPath() {
        return Optional.ofNullable(questionsDir).map(Path::of);
    }

    public Path dataPath() {
        return Path.of(dataDir);
    }

    public Config withDataDir(String dir) {
        return new Config(questionsDir, dir, quiz, discord, storage, packs, metrics);
    }

    /** The database password: {@code DRILLBIT_DB_PASSWORD} from the environment first, then {@code storage.password}. */
    public Optional<String> databasePassword(java.util.Map<String, String> environment) {
        String fromEnv = environment.get("DRILLBIT_DB_PASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return Optional.of(fromEnv);
        }
        return Optional.ofNullable(storage.password()).filter(p -> !p.isEmpty());
    }

    /** The bot token: {@code DISCORD_TOKEN} from the environment first, then the config file. */
    public Optional<String> token(java.util.Map<String, String> environment) {
        String fromEnv = environment.get("DISCORD_TOKEN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(fromEnv.strip());
        }
        return Optional.ofNullable(discord.token()).filter(t -> !t.isBlank()).map(String::strip);
    }
}
