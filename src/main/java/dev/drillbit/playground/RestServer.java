package dev.drillbit.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST half of the stand-in: an HTTP server under {@code /api/v10} that records every request, matches
 * it against route templates (spelled like the OpenAPI spec's paths), admits or refuses it by its
 * {@link RateLimiter}, and answers with Discord-shaped JSON and rate-limit headers. Unknown routes get
 * Discord's 404 error JSON and a WARN log. A request refused with 429 is kept apart ({@link #refused()}), so
 * that {@link #recorded()} holds each request the bot got served, once, however often it had to retry.
 *
 * <p>Threading: requests are handled on a small pool, several at once; routes must be thread-safe. The
 * request log is a concurrent list.
 */
final class RestServer {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    static final String PREFIX = "/api/v10";

    /** A handler's view of a request. */
    record Call(RecordedRequest request, Map<String, String> params, JsonNode body, Map<String, String> queryParams) {
        String param(String name) {
            return params.get(name);
        }

        long id(String name) {
            return Long.parseUnsignedLong(params.get(name));
        }
    }

    /** A handler's answer: status and JSON body (null for 204). */
    record Reply(int status, JsonNode body) {
        static Reply ok(JsonNode body) {
            return new Reply(200, body);
        }

        static Reply noContent() {
            return new Reply(204, null);
        }
    }

    /** Thrown by handlers for a Discord error response. */
    static final class DiscordError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final int code;

        DiscordError(int status, int code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    interface Handler {
        Reply handle(Call call) throws Exception;
    }

    private record Route(String method, String template, Pattern pattern, List<String> names, Handler handler) {}

    private final ObjectMapper json;
    private final HttpServer server;
    private final ExecutorService pool;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> recorded = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> refused = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<RecordedRequest, Integer>> listeners = new CopyOnWriteArrayList<>();
    private final RateLimiter limiter;

    RestServer(ObjectMapper json, RateLimiter limiter) throws IOException {
        this.json = json;
        this.limiter = limiter;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "local-discord-rest-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(pool);
        server.createContext("/", this::exchange);
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop(0);
        pool.shutdownNow();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX + "/";
    }

    List<RecordedRequest> recorded() {
        return List.copyOf(recorded);
    }

    /** Hears every request with its answer's status, on the REST thread that answered it. */
    void onAnswered(BiConsumer<RecordedRequest, Integer> listener) {
        listeners.add(listener);
    }

    /** Requests answered with 429, in arrival order. */
    List<RecordedRequest> refused() {
        return List.copyOf(refused);
    }

    void route(String method, String template, Handler handler) {
        List<String> names = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\{([a-z_]+)}").matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(template.substring(last, matcher.start())))
                    .append("([^/]+)");
            names.add(matcher.group(1));
            last = matcher.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, template, Pattern.compile(regex.toString()), names, handler));
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String fullPath = exchange.getRequestURI().getRawPath();
            String path = fullPath.startsWith(PREFIX) ? fullPath.substring(PREFIX.length()) : fullPath;
            String query =
                    Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
            byte[] raw;
            try (InputStream in = exchange.getRequestBody()) {
                raw = in.readAllBytes();
            }
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("authorization")) {
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
                }
            });
            String contentTypeHeader = Optional.ofNullable(
                            exchange.getRequestHeaders().getFirst("Content-Type"))
                    .orElse("");
            String contentType = contentTypeHeader.split(";")[0].trim().toLowerCase(Locale.ROOT);

            Route route = null;
            Matcher matcher = null;
            for (Route candidate : routes) {
                Matcher m = candidate.pattern.matcher(path);
                if (candidate.method.equals(method) && m.matches()) {
                    route = candidate;
                    matcher = m;
                    break;
                }
            }

            Reply reply;
            Map<String, String> rateLimitHeaders = Map.of();
            RecordedRequest request = null;
            try {
                Optional<JsonNode> body = Optional.empty();
                List<RecordedRequest.FilePart> files = new ArrayList<>();
                if (contentType.startsWith("multipart/")) {
                    for (MultipartBody.Part part :
                            MultipartBody.parse(raw, MultipartBody.boundary(contentTypeHeader))) {
                        if ("payload_json".equals(part.name())) {
                            body = Optional.of(json.readTree(part.bytes()));
                        } else {
                            files.add(new RecordedRequest.FilePart(
                                    part.name(), part.filename(), part.contentType(), part.bytes()));
                        }
                    }
                } else if (raw.length > 0) {
                    body = Optional.of(json.readTree(raw));
                }
                request = new RecordedRequest(
                        method,
                        path,
                        query,
                        Optional.ofNullable(route).map(Route::template),
                        headers,
                        contentType,
                        body,
                        files);
                Map<String, String> params = new LinkedHashMap<>();
                for (int i = 0; route != null && i < route.names.size(); i++) {
                    params.put(route.names.get(i), matcher.group(i + 1));
                }
                RateLimiter.Admission admission =
                        limiter.admit(method, route == null ? "unknown route" : route.template, params);
                rateLimitHeaders = admission.headers();
                if (admission instanceof RateLimiter.Refused tooMany) {
                    refused.add(request);
                    LOG.info(
                            "{} {} rate limited ({}), retry after {} s",
                            method,
                            path,
                            tooMany.global() ? "global" : "bucket",
                            tooMany.retryAfterSeconds());
                    reply = new Reply(
                            429,
                            json.createObjectNode()
                                    .put("message", "You are being rate limited.")
                                    .put("retry_after", tooMany.retryAfterSeconds())
                                    .put("global", tooMany.global()));
                } else if (route == null) {
                    recorded.add(request);
                    LOG.warn("unknown route {} {}; answering 404", method, path);
                    throw new DiscordError(404, 0, "404: Not Found");
                } else {
                    recorded.add(request);
                    LOG.debug("{} {}", method, route.template);
                    reply = route.handler.handle(
                            new Call(request, params, body.orElseGet(json::createObjectNode), queryParams(query)));
                }
            } catch (DiscordError e) {
                if (route != null) {
                    LOG.info("{} {} refused: {} {}", method, path, e.code, e.getMessage());
                }
                ObjectNode error =
                        json.createObjectNode().put("message", e.getMessage()).put("code", e.code);
                reply = new Reply(e.status, error);
            } catch (Exception e) {
                if (request == null) {
                    recorded.add(new RecordedRequest(
                            method,
                            path,
                            query,
                            Optional.ofNullable(route).map(Route::template),
                            headers,
                            contentType,
                            Optional.empty(),
                            List.of()));
                }
                LOG.warn("{} {} failed in the stand-in: {}", method, path, e.toString(), e);
                ObjectNode error = json.createObjectNode()
                        .put("message", "400: Bad Request (" + e.getMessage() + ")")
                        .put("code", 50035);
                reply = new Reply(400, error);
            }
            limiter.answered(reply.status());
            respond(exchange, rateLimitHeaders, reply);
            if (request != null) {
                for (var listener : listeners) {
                    listener.accept(request, reply.status());
                }
            }
        }
    }

    private void respond(HttpExchange exchange, Map<String, String> rateLimitHeaders, Reply reply) throws IOException {
        var out = exchange.getResponseHeaders();
        out.set("Via", "1.1 google");
        rateLimitHeaders.forEach(out::set);
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        byte[] bytes = json.writeValueAsBytes(reply.body());
        out.set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }

    private static Map<String, String> queryParams(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                params.put(
                        java.net.URLDecoder.decode(name, StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
