package dev.drillbit.playground;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The rate limits the stand-in enforces, as Discord does: a global limit on requests a second (interaction
 * callbacks and interaction webhooks are exempt, as on Discord), and per-route buckets keyed on the route and
 * its major parameter (channel, guild, or interaction token), each allowing {@code limit} requests per window.
 *
 * <p>Discord publishes the global limit (50 a second) and the invalid-request limit (10,000 responses with
 * 401, 403 or 429 in ten minutes), but not the per-route numbers: it tells bots to read them from the
 * {@code X-RateLimit-*} headers, which is what JDA does. The per-route numbers of {@link #discord()} are the
 * ones Discord's headers commonly show (a channel takes 5 new messages per 5 seconds); a bot that honours
 * the headers behaves the same under any numbers.
 *
 * @param enabled false: every request is admitted (headers still say what the buckets would)
 * @param globalPerSecond requests a second across all routes but the interaction ones
 * @param messagesPerChannel {@code POST /channels/{channel_id}/messages}, per channel
 * @param messageEditsPerChannel {@code PATCH /channels/{channel_id}/messages/{message_id}}, per channel
 * @param interactionWebhooks follow-ups and edits through an interaction's token, per token
 * @param otherRoutes every other route, per route and major parameter
 */
public record RateLimits(
        boolean enabled,
        int globalPerSecond,
        Window messagesPerChannel,
        Window messageEditsPerChannel,
        Window interactionWebhooks,
        Window otherRoutes) {

    /** Discord's threshold of invalid requests (401, 403, 429) in ten minutes before Cloudflare bans the bot. */
    public static final int INVALID_REQUEST_BAN = 10_000;

    /** The window of the invalid-request counter. */
    public static final Duration INVALID_REQUEST_WINDOW = Duration.ofMinutes(10);

    /** {@code limit} requests per {@code per}, the window starting at the first request after a reset. */
    public record Window(int limit, Duration per) {
        public Window {
            if (limit < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException(
                        "a window needs a positive limit and duration: " + limit + "/" + per);
            }
        }

        /** {@code "5/5s"}, {@code "50/1s"}, {@code "10/500ms"}. */
        static Window parse(String text) {
            String[] parts = text.trim().split("/");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a window reads like 5/5s, not " + text);
            }
            String per = parts[1].trim().toLowerCase(Locale.ROOT);
            Duration duration = per.endsWith("ms")
                    ? Duration.ofMillis(Long.parseLong(per.substring(0, per.length() - 2)))
                    : Duration.ofSeconds(Long.parseLong(per.substring(0, per.length() - (per.endsWith("s") ? 1 : 0))));
            return new Window(Integer.parseInt(parts[0].trim()), duration);
        }
    }

    public RateLimits {
        Objects.requireNonNull(messagesPerChannel, "messagesPerChannel");
        Objects.requireNonNull(messageEditsPerChannel, "messageEditsPerChannel");
        Objects.requireNonNull(interactionWebhooks, "interactionWebhooks");
        Objects.requireNonNull(otherRoutes, "otherRoutes");
        if (globalPerSecond < 1) {
            throw new IllegalArgumentException("the global limit must be positive: " + globalPerSecond);
        }
    }

    /** Discord's limits: what tests run against unless they say otherwise. */
    public static RateLimits discord() {
        return new RateLimits(
                true,
                50,
                new Window(5, Duration.ofSeconds(5)),
                new Window(5, Duration.ofSeconds(5)),
                new Window(5, Duration.ofSeconds(2)),
                new Window(5, Duration.ofSeconds(1)));
    }

    /** No limits: for the playground or a benchmark that measures the bot, not Discord's pacing. */
    public static RateLimits off() {
        RateLimits discord = discord();
        return new RateLimits(
                false,
                discord.globalPerSecond,
                discord.messagesPerChannel,
                discord.messageEditsPerChannel,
                discord.interactionWebhooks,
                discord.otherRoutes);
    }

    /**
     * Reads {@code off}, {@code discord}, or Discord's limits with some changed, e.g.
     * {@code global=100,messages=10/5s,edits=5/5s,webhooks=5/2s,routes=5/1s}.
     *
     * @throws IllegalArgumentException naming what does not read
     */
    public static RateLimits parse(String text) {
        String spec = text.trim().toLowerCase(Locale.ROOT);
        if (spec.equals("off")) {
            return off();
        }
        RateLimits limits = discord();
        if (spec.equals("discord") || spec.equals("on")) {
            return limits;
        }
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("rate limits read like global=50,messages=5/5s, not " + pair);
            }
            String key = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            try {
                limits = switch (key) {
                    case "global" -> limits.withGlobal(Integer.parseInt(value));
                    case "messages" ->
                        new RateLimits(
                                true,
                                limits.globalPerSecond,
                                Window.parse(value),
                                limits.messageEditsPerChannel,
                                limits.interactionWebhooks,
                                limits.otherRoutes);
                    case "edits" ->
                        new RateLimits(
                                true,
                                limits.globalPerSecond,
                                limits.messagesPerChannel,
                                Window.parse(value),
                                limits.interactionWebhooks,
                                limits.otherRoutes);
                    case "webhooks" ->
                        new RateLimits(
                                true,
                                limits.globalPerSecond,
                                limits.messagesPerChannel,
                                limits.messageEditsPerChannel,
                                Window.parse(value),
                                limits.otherRoutes);
                    case "routes" ->
                        new RateLimits(
                                true,
                                limits.globalPerSecond,
                                limits.messagesPerChannel,
                                limits.messageEditsPerChannel,
                                limits.interactionWebhooks,
                                Window.parse(value));
                    default ->
                        throw new IllegalArgumentException(
                                "unknown rate limit " + key + "; known: global, messages, edits, webhooks, routes");
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("rate limit " + key + " does not read: " + value, e);
            }
        }
        return limits;
    }

    /** The same limits with another global limit. */
    public RateLimits withGlobal(int perSecond) {
        return new RateLimits(
                enabled, perSecond, messagesPerChannel, messageEditsPerChannel, interactionWebhooks, otherRoutes);
    }
}
