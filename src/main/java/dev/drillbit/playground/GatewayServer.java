package dev.drillbit.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The gateway half of the stand-in: HELLO on connect, READY and one GUILD_CREATE per guild after
 * IDENTIFY, heartbeat ACKs, RESUMED after RESUME, and dispatches to every identified session.
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
        long sequence;

        Session(String id) {
            this.id = id;
        }
    }

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

    /** Sends a dispatch (op 0) to every identified session. */
    void dispatch(String type, JsonNode data) {
        if (identified.isEmpty()) {
            LOG.warn("no identified gateway session; dropping {}", type);
        }
        identified.forEach((socket, session) -> send(socket, session, type, data));
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
            case 2 -> identify(socket);
            case 3, 4, 8 -> LOG.debug("gateway op {} ignored", op);
            case 6 -> resume(socket, frame.path("d"));
            default -> LOG.warn("unknown gateway op {}", op);
        }
    }

    private void identify(WebSocket socket) {
        Session session = new Session(sessionIds.get());
        identified.put(socket, session);
        LOG.info("gateway session {} identified", session.id);
        send(socket, session, "READY", sessions.ready(session.id, url()));
        for (ObjectNode guild : sessions.guildCreates()) {
            send(socket, session, "GUILD_CREATE", guild);
        }
        sessions.identified();
    }

    private void resume(WebSocket socket, JsonNode data) {
        Session session = new Session(data.path("session_id").asText(sessionIds.get()));
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
