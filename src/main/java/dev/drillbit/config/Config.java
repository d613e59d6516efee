package dev.drillbit.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * drillbit's configuration, as read from {@code config.json} over the defaults. Immutable. The token is
 * kept out of {@link #toString()}; read it through {@link #token(java.util.Map)}. {@code questionsDir} is null
 * when unset: the bot then uses the bank shipped in its jar.
 */
public record Config(String questionsDir, String dataDir, Quiz quiz, Discord discord) {

    /** Quiz settings. */
    public record Quiz(int questionsPerQuiz, int secondsPerQuestion, int idleMinutes, boolean speedBonus,
            int maxSessions) {}

    /**
     * Discord settings. {@code restBaseUrl} and {@code gatewayUrl} are null for Discord itself; set, they
     * point the bot at a proxy or at a local stand-in.
     */
    public record Discord(String token, List<Long> devGuildIds, String restBaseUrl, String gatewayUrl) {
        public Discord {
            devGuildIds = devGuildIds == null ? List.of() : List.copyOf(devGuildIds);
        }

        @Override
        public String toString() {
            return "Discord[token=" + (token == null ? "unset" : "***") + ", devGuildIds=" + devGuildIds
                    + ", restBaseUrl=" + restBaseUrl + ", gatewayUrl=" + gatewayUrl + "]";
        }
    }

    public static Config defaults() {
        return new Config(null, "data", new Quiz(10, 30, 15, true, 10_000),
                new Discord(null, List.of(), null, null));
    }

    /** The question folder the config names; empty for the bank shipped in the jar. */
    public Optional<Path> questionsPath() {
        return Optional.ofNullable(questionsDir).map(Path::of);
    }

    public Path dataPath() {
        return Path.of(dataDir);
    }

    public Config withDataDir(String dir) {
        return new Config(questionsDir, dir, quiz, discord);
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
