package dev.drillbit.playground;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Enforces {@link RateLimits} on the stand-in's REST routes as Discord does: each request is admitted or
 * refused with a 429 before its handler runs, and every answer carries the {@code X-RateLimit-*} headers
 * that JDA's {@code SequentialRestRateLimiter} reads (the bucket hash to group routes, remaining and
 * reset-after to pace itself; on a 429 the integer {@code Retry-After}, {@code X-RateLimit-Global} when the
 * global limit was hit, and {@code Via}, without which JDA takes any 429 for a Cloudflare ban). Also counts
 * the invalid requests (401, 403, 429) of the last ten minutes, as Cloudflare does before it bans a bot.
 *
 * <p>Time is {@code clock}'s: Discord's own, the real clock in the stand-in, since JDA compares the reset
 * times with its real clock; tests of this class move a clock of their own.
 *
 * <p>Threading: thread-safe; one monitor, held for a few map operations per request.
 */
final class RateLimiter {
    /** What a request may do; its headers go on the answer either way. */
    sealed interface Admission {
        Map<String, String> headers();
    }

    /** The handler may run. */
    record Admitted(Map<String, String> headers) implements Admission {}

    /** Answer 429: the route's bucket is empty ({@code global} false) or the global limit is reached. */
    record Refused(Map<String, String> headers, double retryAfterSeconds, boolean global) implements Admission {}

    private static final int PRUNE_BUCKETS_ABOVE = 10_000;

    private final RateLimits limits;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();
    private final Deque<Long> invalid = new ArrayDeque<>();
    private long globalWindowStart = Long.MIN_VALUE / 2;
    private int globalCount;
    private long refusedByRoute;
    private long refusedGlobally;

    RateLimiter(RateLimits limits, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    RateLimits limits() {
        return limits;
    }

    /** Decides on a request to the route {@code template} (the stand-in's spelling) with these parameters. */
    synchronized Admission admit(String method, String template, Map<String, String> params) {
        long now = clock.millis();
        RouteBucket route = classify(method, template, params);
        Bucket bucket = buckets.computeIfAbsent(route.key(), k -> new Bucket(route.window()));
        bucket.refresh(now);
        if (limits.enabled() && bucket.remaining == 0) {
            refusedByRoute++;
            Map<String, String> headers = bucketHeaders(route, bucket, now);
            double retryAfter = (bucket.resetAt - now) / 1000.0;
            headers.put("X-RateLimit-Scope", "user");
            headers.put("Retry-After", retryAfterHeader(retryAfter));
            return new Refused(headers, retryAfter, false);
        }
        if (limits.enabled() && !route.interaction()) {
            if (now - globalWindowStart >= 1000) {
                globalWindowStart = now;
                globalCount = 0;
            }
            if (globalCount >= limits.globalPerSecond()) {
                refusedGlobally++;
                double retryAfter = (globalWindowStart + 1000 - now) / 1000.0;
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Via", "1.1 google");
                headers.put("Retry-After", retryAfterHeader(retryAfter));
                headers.put("X-RateLimit-Global", "true");
                headers.put("X-RateLimit-Scope", "global");
                return new Refused(headers, retryAfter, true);
            }
            globalCount++;
        }
        if (limits.enabled()) {
            bucket.remaining--;
        }
        Map<String, String> headers = bucketHeaders(route, bucket, now);
        if (buckets.size() > PRUNE_BUCKETS_ABOVE) {
            buckets.values().removeIf(b -> b.resetAt <= now);
        }
        return new Admitted(headers);
    }

    /** Counts an answer's status towards the invalid requests when it is 401, 403 or 429. */
    synchronized void answered(int status) {
        if (status == 401 || status == 403 || status == 429) {
            long now = clock.millis();
            invalid.addLast(now);
            prune(now);
        }
    }

    /** Invalid requests (401, 403, 429) answered in the last ten minutes. */
    synchronized int invalidRequests() {
        prune(clock.millis());
        return invalid.size();
    }

    /** 429s answered so far because a route's bucket was empty. */
    synchronized long refusedByRoute() {
        return refusedByRoute;
    }

    /** 429s answered so far because the global limit was reached. */
    synchronized long refusedGlobally() {
        return refusedGlobally;
    }

    private void prune(long now) {
        long horizon = now - RateLimits.INVALID_REQUEST_WINDOW.toMillis();
        while (!invalid.isEmpty() && invalid.peekFirst() <= horizon) {
            invalid.removeFirst();
        }
    }

    private Map<String, String> bucketHeaders(RouteBucket route, Bucket bucket, long now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Via", "1.1 google");
        headers.put("X-RateLimit-Limit", Integer.toString(bucket.window.limit()));
        headers.put(
                "X-RateLimit-Remaining",
                Integer.toString(limits.enabled() ? bucket.remaining : bucket.window.limit() - 1));
        headers.put("X-RateLimit-Reset", seconds(bucket.resetAt));
        headers.put("X-RateLimit-Reset-After", seconds(bucket.resetAt - now));
        headers.put("X-RateLimit-Bucket", route.hash());
        return headers;
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
    }

    /** Discord's {@code Retry-After} header is whole seconds (JDA parses it as a long), rounded up. */
    private static String retryAfterHeader(double seconds) {
        return Long.toString(Math.max(1, (long) Math.ceil(seconds)));
    }

    /** Which bucket a route falls in; {@code interaction} routes are exempt from the global limit. */
    private RouteBucket classify(String method, String template, Map<String, String> params) {
        if (template.startsWith("/interactions/")) {
            return new RouteBucket(
                    method + " " + template, params.getOrDefault("interaction_id", ""), limits.otherRoutes(), true);
        }
        if (template.startsWith("/webhooks/")) {
            // follow-ups and edits of one interaction share its token's bucket
            return new RouteBucket(
                    "/webhooks/{webhook_id}/{webhook_token}",
                    params.getOrDefault("webhook_token", ""),
                    limits.interactionWebhooks(),
                    true);
        }
        String channel = params.get("channel_id");
        if (channel != null && template.equals("/channels/{channel_id}/messages") && method.equals("POST")) {
            return new RouteBucket(method + " " + template, channel, limits.messagesPerChannel(), false);
        }
        if (channel != null
                && template.equals("/channels/{channel_id}/messages/{message_id}")
                && method.equals("PATCH")) {
            return new RouteBucket(method + " " + template, channel, limits.messageEditsPerChannel(), false);
        }
        String major = params.containsKey("guild_id") ? params.get("guild_id") : channel == null ? "" : channel;
        return new RouteBucket(method + " " + template, major, limits.otherRoutes(), false);
    }

    private record RouteBucket(String name, String major, RateLimits.Window window, boolean interaction) {
        String key() {
            return name + ":" + major;
        }

        /** Discord's bucket hash: opaque, the same for every major parameter of one route. */
        String hash() {
            return Integer.toHexString(name.hashCode());
        }
    }

    private static final class Bucket {
        final RateLimits.Window window;
        int remaining;
        long resetAt = Long.MIN_VALUE;

        Bucket(RateLimits.Window window) {
            this.window = window;
        }

        /** A new window starts at the first request after the last one ended. */
        void refresh(long now) {
            if (now >= resetAt) {
                remaining = window.limit();
                resetAt = now + window.per().toMillis();
            }
        }
    }
}
