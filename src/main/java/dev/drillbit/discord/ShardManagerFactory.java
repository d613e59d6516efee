package dev.drillbit.discord;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.drillbit.cluster.InMemoryLoginSlots;
import dev.drillbit.cluster.LoginSlots;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.sharding.ThreadPoolProvider;
import net.dv8tion.jda.api.utils.Compression;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Builds the bot's JDA {@link ShardManager}: light cache, no privileged intents, optionally pointed at
 * another REST base URL and gateway (the local Discord stand-in) instead of discord.com.
 *
 * <p>Every shard runs its event handlers on its own pool of {@link #EVENT_THREADS_PER_SHARD} named threads,
 * off the gateway's thread, and sends its requests through one {@link GlobalPace} for the whole bot (see
 * {@link PacedRateLimiter}) and one {@link WireWindow} where they leave (see {@link WirePace}), so that a burst
 * of work stays under Discord's global limit instead of learning it from 429s.
 *
 * <p>A process may run a subset of the bot's shards ({@code shardIds} of {@code shardsTotal}); Discord then
 * sends it only those shards' guilds. With a gateway override the manager runs one shard unless told the
 * total, keeps the override's gateway URL for reconnects too and speaks plain, uncompressed JSON. Logins
 * go through a {@link CoordinatedSessionController}, which keeps Discord's {@code max_concurrency} (read
 * from {@code GET /gateway/bot}) across the processes sharing its {@link LoginSlots}. The token is handed to JDA and never logged.
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

    /**
     * Threads per shard that run event handlers. A handler answers within Discord's 3 seconds and blocks at
     * most on the store's durable write (milliseconds; group commit) or a slow disk, while JDA's REST calls
     * are asynchronous: eight carry eight handlers stuck at once before a ninth event of the shard waits,
     * and thousands of interactions a second when none is stuck. The gateway's own thread only hands events
     * over, so heartbeats and other members' events never wait for a handler.
     */
    public static final int EVENT_THREADS_PER_SHARD = 8;

    /**
     * Requests a second the bot paces itself at, where JDA queues them, on routes under Discord's global limit
     * of 50 (see {@link GlobalPace}).
     */
    public static final int GLOBAL_REQUESTS_PER_SECOND = 47;

    /**
     * Requests the bot lets go on the wire in any one second on those routes (see {@link WireWindow}): one
     * above the pace, so that the window only catches requests that bunched on their way, and two below
     * Discord's limit, for the jitter past the socket.
     */
    public static final int WIRE_REQUESTS_PER_SECOND = 48;

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
        return build(token, restBaseUrl, gatewayUrl, listeners, OptionalInt.empty(), List.of());
    }

    /**
     * As {@link #build(String, Optional, Optional, List)}, running only some of the bot's shards.
     *
     * @param shardsTotal how many shards the bot has across all its processes; empty for Discord's
     *     recommendation (or one shard against a gateway override)
     * @param shardIds the shards this process runs, each below the total; empty for all of them
     */
    public static ShardManager build(
            String token,
            Optional<String> restBaseUrl,
            Optional<String> gatewayUrl,
            List<?> listeners,
            OptionalInt shardsTotal,
            List<Integer> shardIds) {
        return build(token, restBaseUrl, gatewayUrl, listeners, shardsTotal, shardIds, new InMemoryLoginSlots());
    }

    /**
     * As {@link #build(String, Optional, Optional, List, OptionalInt, List)}, logging in through
     * {@code loginSlots}, which processes sharing the bot's token share so that together they keep
     * Discord's {@code max_concurrency}.
     */
    public static ShardManager build(
            String token,
            Optional<String> restBaseUrl,
            Optional<String> gatewayUrl,
            List<?> listeners,
            OptionalInt shardsTotal,
            List<Integer> shardIds,
            LoginSlots loginSlots) {
        Objects.requireNonNull(token, "token");
        if (!shardIds.isEmpty() && shardsTotal.isEmpty()) {
            throw new IllegalArgumentException("shard ids need the shard total");
        }
        String gateway = gatewayUrl.orElse("discord.com");
        GlobalPace pace = new GlobalPace(GLOBAL_REQUESTS_PER_SECOND, Ticker.systemTicker());
        RestConfig rest = new RestConfig().setRateLimiterFactory(config -> new PacedRateLimiter(config, pace));
        WirePace wire = new WirePace(new WireWindow(WIRE_REQUESTS_PER_SECOND, Ticker.systemTicker()));
        restBaseUrl.ifPresent(rest::setBaseUrl);
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(token)
                .setContextMap(shard -> new ConcurrentHashMap<>(Map.of(GATEWAY_MDC_KEY, gateway)))
                .setEventPoolProvider(new EventPools(gateway))
                .setRestConfig(rest)
                .setSessionController(
                        new CoordinatedSessionController(gatewayUrl, loginSlots, java.time.Clock.systemUTC()))
                .setHttpClientBuilder(httpClient(wire))
                .addEventListeners(listeners.toArray());
        shardsTotal.ifPresent(builder::setShardsTotal);
        if (!shardIds.isEmpty()) {
            builder.setShards(shardIds);
        }
        gatewayUrl.ifPresent(url -> builder
                // DefaultShardManager asks GET /gateway/bot for the shard count unless it is known up front.
                .setShardsTotal(shardsTotal.orElse(1))
                .setCompression(Compression.NONE));
        LOG.info(
                "building shard manager (rest={}, gateway={}, shards={} of {})",
                restBaseUrl.orElse("discord.com"),
                gateway,
                shardIds.isEmpty() ? "all" : shardIds,
                shardsTotal.isPresent() ? shardsTotal.getAsInt() : "Discord's recommendation");
        return builder.build();
    }

    /**
     * Idle connections the HTTP client keeps, and for how long. JDA keeps 5 for 10 s; over HTTP/1.1 (the
     * stand-in, or a proxy) every request in flight holds a connection of its own, so at hundreds of
     * interactions a second the requests in flight outnumber 5 at every burst, and the client kept closing
     * connections and opening new ones, its threads queueing on the pool's locks (what the round trip's
     * profile showed). Against Discord itself (HTTP/2, one connection) this changes nothing.
     */
    static final int IDLE_CONNECTIONS = 64;

    /**
     * JDA's own HTTP client settings (25 requests at once to one host, through the dispatcher JDA does not
     * use for its synchronous calls) with more idle connections kept ({@link #IDLE_CONNECTIONS}, a minute),
     * and the {@link WirePace} as its last step before the socket. One builder for every shard: each shard
     * builds its client from it, and they share the window.
     */
    private static OkHttpClient.Builder httpClient(WirePace wire) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(25);
        return new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 1, TimeUnit.MINUTES))
                .dispatcher(dispatcher)
                .addInterceptor(wire);
    }

    /**
     * One pool of {@link #EVENT_THREADS_PER_SHARD} threads per shard, named {@code drillbit-events-S-N} and
     * carrying the gateway in their logging context as JDA's own threads do; shut down with their shard.
     */
    static final class EventPools implements ThreadPoolProvider<ExecutorService> {
        private final String gateway;

        EventPools(String gateway) {
            this.gateway = gateway;
        }

        @Override
        public ExecutorService provide(int shardId) {
            AtomicInteger count = new AtomicInteger();
            return Executors.newFixedThreadPool(EVENT_THREADS_PER_SHARD, task -> {
                Thread thread = new Thread(
                        () -> {
                            MDC.put(GATEWAY_MDC_KEY, gateway);
                            task.run();
                        },
                        "drillbit-events-" + shardId + "-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }

        @Override
        public boolean shouldShutdownAutomatically(int shardId) {
            return true;
        }
    }
}
