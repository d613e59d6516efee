package dev.drillbit.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway half of the stand-in: HELLO on connect, READY and one GUILD_CREATE per guild of the session's
 * shard after IDENTIFY, heartbeat ACKs, RESUMED after RESUME, and dispatches to the sessions of the shard
 * the event's guild belongs to. IDENTIFY's {@code shard: [id, total]} picks the shard (default {@code [0, 1]}:
 * every guild); a guild {@code g} is on shard {@code (g >> 22) % total}, direct messages on shard 0.
 * Plain JSON text frames only (the bot must connect without compression).
 *
 * <p>Threading: Java-WebSocket calls the {@code on…} methods on its own threads; {@link #dispatch} may be
 * called from any thread. Each session's sequence number and sends are guarded by the session.
 */
final class GatewayServer extends WebSocketServer {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
    static final int HEARTBEAT_INTERVAL_MILLIS = 41_250;

    /** What the server needs from the model when a session identifies. */
    interface Sessions {
        ObjectNode ready(String sessionId, String resumeUrl);

        List<ObjectNode> guildCreates();

        void identified();
    }

    private final ObjectMapper json;
    private final Sessions sessions;
    private final Supplier<String> sessionIds;
    private final Map<WebSocket, Session> identified = new ConcurrentHashMap<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;

    private static final class Session {
        final String id;
        final int shard;
        final int shards;
        long sequence;

        Session(String id, int shard, int shards) {
            this.id = id;
            this.shard = shard;
            this.shards = shards;
        }

        /**
         * Whether an event goes to this session: a guild's events go to shard {@code (guild_id >> 22) % shards}
         * only; events of no guild (direct messages) to shard 0, as on Discord.
         */
        boolean carries(String type, JsonNode data) {
            JsonNode guild = data.path("guild_id");
            if ((guild.isMissingNode() || guild.isNull()) && type.startsWith("GUILD_") && data.has("id")) {
                guild = data.get("id"); // GUILD_CREATE, GUILD_UPDATE, GUILD_DELETE: the guild itself
            }
            long guildId = guild.isMissingNode() || guild.isNull() ? -1 : Long.parseLong(guild.asText());
            return guildId < 0 ? shard == 0 : shardOf(guildId, shards) == shard;
        }
    }

    /** The shard a guild belongs to among {@code shards}: {@code (guild_id >> 22) % shards}. */
    static int shardOf(long guildId, int shards) {
        return (int) ((guildId >>> 22) % shards);
    }

    /** Discord spaces the logins (IDENTIFY) of one bucket, {@code shard % max_concurrency}, by five seconds. */
    static final long IDENTIFY_SPACING_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    private final Map<Integer, Long> lastIdentify = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger identifiesTooSoon =
            new java.util.concurrent.atomic.AtomicInteger();
    private volatile int recommendedShards = 1;
    private volatile int maxConcurrency = 1;

    /** What {@code GET /gateway/bot} advertises. */
    void sharding(int shards, int concurrency) {
        if (shards < 1 || concurrency < 1) {
            throw new IllegalArgumentException("shards and max_concurrency are at least 1");
        }
        this.recommendedShards = shards;
        this.maxConcurrency = concurrency;
    }

    int recommendedShards() {
        return recommendedShards;
    }

    int maxConcurrency() {
        return maxConcurrency;
    }

    /** IDENTIFYs that came less than five seconds after the previous one of their bucket. */
    int identifiesTooSoon() {
        return identifiesTooSoon.get();
    }

    private void countLogin(int shard) {
        int bucket = shard % maxConcurrency;
        long now = System.nanoTime();
        Long last = lastIdentify.put(bucket, now);
        if (last != null && now - last < IDENTIFY_SPACING_NANOS) {
            identifiesTooSoon.incrementAndGet();
            LOG.warn(
                    "IDENTIFY of shard {} came {} ms after the last one of bucket {} (max_concurrency {}); Discord"
                            + " spaces them by 5 s",
                    shard,
                    java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(now - last),
                    bucket,
                    maxConcurrency);
        }
    }

    /** Each session's shard, by session id, for a RESUME (which does not repeat it). */
    private final Map<String, int[]> shardOfSession = new ConcurrentHashMap<>();

    GatewayServer(ObjectMapper json, Sessions sessions, Supplier<String> sessionIds) {
        super(new InetSocketAddress("127.0.0.1", 0), 1);
        this.json = json;
        this.sessions = sessions;
        this.sessionIds = sessionIds;
        setReuseAddr(true);
        setDaemon(true);
    }

    /** Starts and blocks until the port is bound. */
    void startAndAwait() throws IOException {
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IOException("gateway did not start within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the gateway", e);
        }
        if (startFailure != null) {
            throw new IOException("gateway failed to start", startFailure);
        }
    }

    String url() {
        return "ws://127.0.0.1:" + getPort();
    }

    boolean hasSession() {
        return !identified.isEmpty();
    }

    /** Sends a dispatch (op 0) to every identified session of the shard it belongs to. */
    void dispatch(String type, JsonNode data) {
        if (identified.isEmpty()) {
            LOG.warn("no identified gateway session; dropping {}", type);
        }
        identified.forEach((socket, session) -> {
            if (session.carries(type, data)) {
                send(socket, session, type, data);
            }
        });
    }

    @Override
    public void onStart() {
        LOG.debug("gateway listening on {}", url());
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        LOG.debug(
                "gateway connection from {} to {}", socket.getRemoteSocketAddress(), handshake.getResourceDescriptor());
        String descriptor = handshake.getResourceDescriptor();
        if (descriptor.contains("compress=")) {
            LOG.warn("the bot asked for gateway compression ({}); the stand-in speaks plain JSON only", descriptor);
        }
        ObjectNode hello = json.createObjectNode().put("op", 10);
        hello.putNull("s");
        hello.putNull("t");
        hello.putObject("d").put("heartbeat_interval", HEARTBEAT_INTERVAL_MILLIS);
        socket.send(hello.toString());
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (IOException e) {
            LOG.warn("unparseable gateway frame: {}", e.getMessage());
            return;
        }
        int op = frame.path("op").asInt(-1);
        switch (op) {
            case 1 -> socket.send("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
            case 2 -> identify(socket, frame.path("d"));
            case 3, 4, 8 -> LOG.debug("gateway op {} ignored", op);
            case 6 -> resume(socket, frame.path("d"));
            default -> LOG.warn("unknown gateway op {}", op);
        }
    }

    private void identify(WebSocket socket, JsonNode data) {
        int shard = 0;
        int shards = 1;
        JsonNode given = data.path("shard");
        if (!given.isMissingNode()) {
            if (!given.isArray()
                    || given.size() != 2
                    || !given.get(0).canConvertToInt()
                    || !given.get(1).canConvertToInt()
                    || given.get(1).asInt() < 1
                    || given.get(0).asInt() < 0
                    || given.get(0).asInt() >= given.get(1).asInt()) {
                LOG.warn("IDENTIFY with an invalid shard {}; closing 4010", given);
                socket.close(4010, "Invalid shard");
                return;
            }
            shard = given.get(0).asInt();
            shards = given.get(1).asInt();
        }
        countLogin(shard);
        Session session = new Session(sessionIds.get(), shard, shards);
        identified.put(socket, session);
        shardOfSession.put(session.id, new int[] {shard, shards});
        LOG.info("gateway session {} identified as shard [{}, {}]", session.id, shard, shards);
        ObjectNode ready = sessions.ready(session.id, url());
        ready.putArray("shard").add(shard).add(shards);
        JsonNode guilds = ready.path("guilds");
        if (guilds.isArray()) {
            ArrayNode own = json.createArrayNode();
            guilds.forEach(g -> {
                if (shardOf(g.path("id").asLong(), session.shards) == session.shard) {
                    own.add(g);
                }
            });
            ready.set("guilds", own);
        }
        send(socket, session, "READY", ready);
        for (ObjectNode guild : sessions.guildCreates()) {
            if (shardOf(guild.path("id").asLong(), session.shards) == session.shard) {
                send(socket, session, "GUILD_CREATE", guild);
            }
        }
        sessions.identified();
    }

    private void resume(WebSocket socket, JsonNode data) {
        String id = data.path("session_id").asText(sessionIds.get());
        int[] shard = shardOfSession.getOrDefault(id, new int[] {0, 1});
        Session session = new Session(id, shard[0], shard[1]);
        session.sequence = data.path("seq").asLong(0);
        identified.put(socket, session);
        LOG.info("gateway session {} resumed at sequence {}", session.id, session.sequence);
        send(socket, session, "RESUMED", json.createObjectNode());
    }

    private void send(WebSocket socket, Session session, String type, JsonNode data) {
        synchronized (session) {
            ObjectNode frame = json.createObjectNode()
                    .put("op", 0)
                    .put("s", ++session.sequence)
                    .put("t", type);
            frame.set("d", data);
            if (socket.isOpen()) {
                socket.send(frame.toString());
            }
        }
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        Session session = identified.remove(socket);
        LOG.debug("gateway connection closed ({} {}) session {}", code, reason, session == null ? "-" : session.id);
    }

    @Override
    public void onError(WebSocket socket, Exception error) {
        if (socket == null) {
            startFailure = error;
            started.countDown();
        }
        LOG.warn("gateway error: {}", error.toString());
    }
}
