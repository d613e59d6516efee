package dev.drillbit.discord;

import com.github.benmanes.caffeine.cache.Ticker;
import java.util.concurrent.TimeUnit;

/**
 * Spaces the bot's requests evenly under Discord's global limit (50 a second for every route but the
 * interaction ones): each request reserves the next free slot, {@code 1 s / perSecond} after the one before,
 * and waits until it comes. JDA paces each route's bucket by its headers but has no such pace across
 * buckets; it only learns of the global limit from a 429, which every bucket then waits out and which counts
 * towards the invalid requests Cloudflare bans for. Slots are handed out in the order asked for, so a burst
 * of many guilds' work is served first come, first served: a guild whose requests go one after another (as
 * a daily run's do) waits for one request of each other guild, never for another guild's whole run.
 *
 * <p>Threading: thread-safe; one monitor, held for a few arithmetic operations.
 */
final class GlobalPace {
    private final long intervalNanos;
    private final Ticker ticker;
    private long lastSlot;
    private boolean started;

    /** @param perSecond requests a second at most; below Discord's 50, for the jitter of the way there */
    GlobalPace(int perSecond, Ticker ticker) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("the pace must be positive: " + perSecond);
        }
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        this.ticker = ticker;
    }

    /** Reserves the next slot and says how long, in nanoseconds, until it comes (0: now). */
    long reserve() {
        return reserveAfter(0);
    }

    /**
     * Reserves the next slot no sooner than {@code notBeforeNanos} from now (the rest of a global 429's
     * wait, which JDA keeps) and says how long until it comes. Requests that were waiting out such a 429 are
     * thus spread out after it, as before it, instead of all going the moment it ends (and meeting the limit
     * again).
     */
    synchronized long reserveAfter(long notBeforeNanos) {
        long now = ticker.read();
        long earliest = now + Math.max(0, notBeforeNanos);
        long slot = started ? Math.max(earliest, lastSlot + intervalNanos) : earliest;
        started = true;
        lastSlot = slot;
        return slot - now;
    }
}
