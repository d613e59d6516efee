package dev.drillbit.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.drillbit.config.Config;
import dev.drillbit.discord.DiscordMetrics;
import dev.drillbit.quiz.QuizEngine;
import dev.drillbit.storage.CommitObserver;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's health and metrics: Micrometer meters kept in a Prometheus registry, and (when
 * {@code metrics.port} is set) an HTTP endpoint serving {@code GET /health} and {@code GET /metrics}. Off, it
 * records into nothing and listens nowhere. The meters live here and in the adapters (the Discord front end,
 * the stores' writers through a {@link CommitObserver}); the domain knows nothing of them.
 *
 * <p>{@code /health} answers 200 when every shard this process owns is connected and the store answers, 503
 * otherwise; both with a small JSON body saying which. Threading: thread-safe; the endpoint answers on one
 * thread of its own.
 */
final class Telemetry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Telemetry.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final MeterRegistry registry;
    private final PrometheusMeterRegistry prometheus;
    private final Config.Metrics settings;
    private final List<Integer> ownedIds;
    private HttpServer server;
    private ExecutorService serverThread;
    private volatile ShardManager shards;
    private volatile BooleanSupplier storeAnswers = () -> false; // until the bot has opened its store

    private Telemetry(Config config) {
        this.settings = config.metrics();
        this.ownedIds = config.discord().shards().ids();
        this.prometheus = settings.enabled() ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) : null;
        this.registry = prometheus != null ? prometheus : new CompositeMeterRegistry();
    }

    /**
     * Meters for the config: kept for Prometheus, and the endpoint listening, when {@code metrics.port} is set;
     * else nowhere.
     *
     * @throws UncheckedIOException when the port cannot be listened on (in use, or a bad address)
     */
    static Telemetry start(Config config) {
        Telemetry telemetry = new Telemetry(config);
        if (telemetry.prometheus != null) {
            telemetry.listen();
        }
        return telemetry;
    }

    DiscordMetrics discord() {
        return new DiscordMetrics(registry);
    }

    /** Times the store's commits and counts what each carried. */
    CommitObserver commits() {
        Timer latency = Timer.builder("drillbit.store.commit.latency")
                .description("Time one durable commit of the score store took")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
        DistributionSummary size = DistributionSummary.builder("drillbit.store.commit.batch.size")
                .description("Answers and other events carried by one commit")
                .publishPercentileHistogram()
                .minimumExpectedValue(1.0)
                .maximumExpectedValue(4096.0)
                .register(registry);
        return (batchSize, nanos) -> {
            latency.record(nanos, TimeUnit.NANOSECONDS);
            size.record(batchSize);
        };
    }

    /** Watches the running bot: its quiz sessions, its shards and its store. */
    void watch(QuizEngine engine, ShardManager shards, BooleanSupplier storeAnswers) {
        this.shards = shards;
        this.storeAnswers = storeAnswers;
        Gauge.builder("drillbit.sessions.open", engine, QuizEngine::runningCount)
                .description("Quizzes running in this process")
                .strongReference(true)
                .register(registry);
        owned().forEach(this::shardGauges);
    }

    /** Where the endpoint listens, once started; empty when metrics are off. */
    Optional<InetSocketAddress> address() {
        return Optional.ofNullable(server).map(HttpServer::getAddress);
    }

    private List<Integer> owned() {
        ShardManager manager = shards;
        if (manager == null) {
            return List.of();
        }
        if (!ownedIds.isEmpty()) {
            return ownedIds;
        }
        return IntStream.range(0, Math.max(manager.getShardsTotal(), 0)).boxed().toList();
    }

    private void shardGauges(int id) {
        Gauge.builder("drillbit.shard.connected", this, t -> t.connected(id) ? 1 : 0)
                .description("1 when the shard is connected to the gateway, else 0")
                .tag("shard", Integer.toString(id))
                .strongReference(true)
                .register(registry);
        Gauge.builder("drillbit.gateway.ping", this, t -> t.pingSeconds(id))
                .description("The shard's last gateway heartbeat round trip (NaN before the first)")
                .tag("shard", Integer.toString(id))
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    private Optional<JDA> shard(int id) {
        ShardManager manager = shards;
        return manager == null ? Optional.empty() : Optional.ofNullable(manager.getShardById(id));
    }

    private boolean connected(int id) {
        return shard(id).map(jda -> jda.getStatus() == JDA.Status.CONNECTED).orElse(false);
    }

    private double pingSeconds(int id) {
        long millis = shard(id).map(JDA::getGatewayPing).orElse(-1L);
        return millis < 0 ? Double.NaN : millis / 1000.0;
    }

    private void listen() {
        InetSocketAddress at = new InetSocketAddress(settings.bind(), settings.port());
        try {
            server = HttpServer.create(at, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot listen for metrics on " + settings.bind() + ":" + settings.port() + ": " + e.getMessage(),
                    e);
        }
        server.createContext("/health", this::health);
        server.createContext("/metrics", this::metrics);
        server.createContext("/", exchange -> send(exchange, 404, "text/plain; charset=utf-8", "not found\n"));
        serverThread = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "drillbit-metrics");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(serverThread);
        server.start();
        LOG.info(
                "health and metrics on http://{}:{}/ (/health, /metrics)",
                settings.bind(),
                server.getAddress().getPort());
    }

    private void health(HttpExchange exchange) throws IOException {
        if (!readOnly(exchange)) {
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        boolean storeOk = storeAnswers.getAsBoolean();
        boolean shardsOk = true;
        ArrayNode list = body.putArray("shards");
        for (int id : owned()) {
            String status = shard(id).map(jda -> jda.getStatus().name()).orElse("NOT_STARTED");
            shardsOk &= "CONNECTED".equals(status);
            list.addObject().put("id", id).put("status", status);
        }
        boolean ready = storeOk && shardsOk && !list.isEmpty();
        body.put("status", ready ? "ready" : "unavailable");
        body.put("store", storeOk ? "answers" : "does not answer");
        send(exchange, ready ? 200 : 503, "application/json", body.toString());
    }

    private void metrics(HttpExchange exchange) throws IOException {
        if (!readOnly(exchange)) {
            return;
        }
        send(exchange, 200, PROMETHEUS_TEXT, prometheus.scrape());
    }

    private static boolean readOnly(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain; charset=utf-8", "only GET\n");
        return false;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }

    /** Stops the endpoint; the meters need no closing. Idempotent. */
    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            serverThread.shutdownNow();
            server = null;
        }
        registry.close();
    }
}
