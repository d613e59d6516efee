package dev.drillbit.discord;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the bot's JDA {@link ShardManager}: light cache, no privileged intents, optionally pointed at
 * another REST base URL and gateway (the local Discord stand-in) instead of discord.com.
 *
 * <p>With a gateway override the manager runs exactly one shard, takes its gateway from a
 * {@link FixedGatewaySessionController} (so JDA never calls {@code GET /gateway/bot}) and speaks plain,
 * uncompressed JSON. The token is handed to JDA and never logged.
 *
 * <p>Threading: stateless; {@link #build} may be called from any thread.
 */
public final class ShardManagerFactory {
    /**
     * The logging context (MDC) key JDA's threads carry: the gateway this bot connected to, so that log lines
     * of several bots in one process (tests, a restart) can be told apart.
     */
    public static final String GATEWAY_MDC_KEY = "discord.gateway";

    private static final Logger LOG = LoggerFactory.getLogger(ShardManagerFactory.class);

    private ShardManagerFactory() {}

    /**
     * Starts logging in and returns at once; await readiness with {@code JDA#awaitReady} on the shard or a
     * ready listener.
     *
     * @param token the bot token; never logged
     * @param restBaseUrl e.g. {@code http://127.0.0.1:PORT/api/v10/}, empty for Discord itself
     * @param gatewayUrl e.g. {@code ws://127.0.0.1:PORT}, empty for Discord's gateway
     * @param listeners event listeners to register on every shard
     */
    public static ShardManager build(
            String token, Optional<String> restBaseUrl, Optional<String> gatewayUrl, List<?> listeners) {
        Objects.requireNonNull(token, "token");
        String gateway = gatewayUrl.orElse("discord.com");
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(token)
                .setContextMap(shard -> new ConcurrentHashMap<>(Map.of(GATEWAY_MDC_KEY, gateway)))
                .addEventListeners(listeners.toArray());
        restBaseUrl.ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(url)));
        gatewayUrl.ifPresent(url -> builder
                // DefaultShardManager asks GET /gateway/bot for the shard count unless it is known up front.
                .setShardsTotal(1)
                .setSessionController(new FixedGatewaySessionController(url))
                .setCompression(Compression.NONE));
        LOG.info("building shard manager (rest={}, gateway={})", restBaseUrl.orElse("discord.com"), gateway);
        return builder.build();
    }

    /** A session controller whose gateway is fixed, for one shard; thread-safe like its parent. */
    static final class FixedGatewaySessionController extends ConcurrentSessionController {
        private final String gatewayUrl;

        FixedGatewaySessionController(String gatewayUrl) {
            this.gatewayUrl = Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        }

        @Override
        public String getGateway() {
            return gatewayUrl;
        }

        @Override
        public ShardedGateway getShardedGateway(JDA api) {
            return new ShardedGateway(gatewayUrl, 1);
        }
    }
}
