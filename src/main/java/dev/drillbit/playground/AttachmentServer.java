package dev.drillbit.playground;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stand-in's CDN for members' uploads: {@link #upload} keeps a file and gives it the URL Discord would,
 * {@code /ephemeral-attachments/<application>/<attachment>/<name>}, served here over plain HTTP so that
 * JDA's {@code Attachment.getProxy().download()} fetches it as it fetches Discord's CDN. Kept apart from the
 * REST server: a CDN has no API routes, rate-limit buckets or OpenAPI description.
 *
 * <p>Threading: thread-safe.
 */
final class AttachmentServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentServer.class);
    private static final String PATH = "/ephemeral-attachments/";

    private final HttpServer server;
    private final ExecutorService pool;
    private final long applicationId;
    private final LongSupplier ids;
    private final Map<Long, LocalAttachment> files = new ConcurrentHashMap<>();

    AttachmentServer(long applicationId, LongSupplier ids) throws IOException {
        this.applicationId = applicationId;
        this.ids = ids;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "stand-in-cdn");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext(PATH, this::serve);
        server.start();
    }

    /** Keeps the file and returns it with its id and URL. */
    LocalAttachment upload(String filename, String contentType, byte[] bytes) {
        long id = ids.getAsLong();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + PATH + Long.toUnsignedString(applicationId)
                + "/" + Long.toUnsignedString(id) + "/"
                + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        LocalAttachment attachment = new LocalAttachment(id, filename, contentType, bytes, url);
        files.put(id, attachment);
        return attachment;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts =
                    exchange.getRequestURI().getPath().substring(PATH.length()).split("/");
            LocalAttachment file = null;
            if ("GET".equals(exchange.getRequestMethod()) && parts.length == 3) {
                try {
                    file = files.get(Long.parseUnsignedLong(parts[1]));
                } catch (NumberFormatException e) {
                    file = null;
                }
            }
            if (file == null) {
                LOG.warn("CDN: no such attachment {}", exchange.getRequestURI());
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = file.bytes();
            exchange.getResponseHeaders().set("Content-Type", file.contentType());
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            LOG.info("CDN: served {} to the bot", file);
        }
    }

    /**
     * The attachment as an interaction's {@code data.resolved.attachments} carries it (the OpenAPI
     * description's {@code AttachmentResponse}; {@code ephemeral}: uploaded for the command, not a message).
     */
    static com.fasterxml.jackson.databind.node.ObjectNode json(
            com.fasterxml.jackson.databind.ObjectMapper mapper, LocalAttachment a) {
        return mapper.createObjectNode()
                .put("id", Long.toUnsignedString(a.id()))
                .put("filename", a.filename())
                .put("size", a.size())
                .put("url", a.url())
                .put("proxy_url", a.url())
                .put("content_type", a.contentType())
                .put("ephemeral", true);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
