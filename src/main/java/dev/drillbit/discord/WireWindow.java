package dev.drillbit.discord;

import com.github.benmanes.caffeine.cache.Ticker;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code limit} requests in any window of one second, counted where they go on the wire. The
 * {@link GlobalPace} spaces requests where JDA queues them; between that slot and the socket a request
 * may wait (a busy machine delays the timer that releases it, or JDA's thread that sends it), and when
 * the wait ends several go at once: requests so bunched would meet Discord's global limit although their
 * slots were spaced. This window catches them: a request that would be the {@code limit + 1}-th within a
 * second waits until the oldest of those leaves the window. JDA's own retries (after a 429, or of a
 * request its bucket held) pass through here too, while they skip the pace.
 *
 * <p>Threading: thread-safe; one monitor, held for a few arithmetic operations.
 */
final class WireWindow {
    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Ticker ticker;
    private final long[] sent;
    private int oldest;
    private int count;

    /** @param limit requests in any one second at most; below Discord's 50, for the jitter past the socket */
    WireWindow(int limit, Ticker ticker) {
        if (limit < 1) {
            throw new IllegalArgumentException("the window's limit must be positive: " + limit);
        }
        this.sent = new long[limit];
        this.ticker = ticker;
    }

    /**
     * Admits a request now, counting it, and answers 0; or, when {@code limit} went within the last second,
     * counts nothing and answers how long, in nanoseconds, until the oldest of them leaves the window (ask
     * again then: others may have taken the room meanwhile).
     */
    synchronized long admit() {
        long now = ticker.read();
        if (count == sent.length) {
            long wait = sent[oldest] + WINDOW_NANOS - now;
            if (wait > 0) {
                return wait;
            }
            oldest = (oldest + 1) % sent.length;
            count--;
        }
        sent[(oldest + count) % sent.length] = now;
        count++;
        return 0;
    }
}
