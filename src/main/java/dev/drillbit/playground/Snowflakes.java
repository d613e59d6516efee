package dev.drillbit.playground;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates Discord-shaped snowflake ids that strictly increase and carry the moment they were minted,
 * as Discord's do: the millisecond since Discord's epoch, read from the wall clock at each creation, in the
 * high bits. JDA judges an interaction's age by that time on the real clock (its hook expires 15 minutes
 * later), so the clock given here must be the real one outside of tests of this class. Thread-safe.
 */
final class Snowflakes {
    static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;
    private static final int TIMESTAMP_SHIFT = 22;
    private final Clock wallClock;
    private final AtomicLong last = new AtomicLong();

    Snowflakes(Clock wallClock) {
        this.wallClock = wallClock;
    }

    /** A new id stamped with the wall clock's time now; later than every id minted before. */
    long next() {
        long stamped = (wallClock.millis() - DISCORD_EPOCH_MILLIS) << TIMESTAMP_SHIFT;
        return last.updateAndGet(previous -> Math.max(previous + 1, stamped));
    }

    /** The moment, in epoch milliseconds, that {@code id} carries. */
    static long epochMillis(long id) {
        return (id >>> TIMESTAMP_SHIFT) + DISCORD_EPOCH_MILLIS;
    }
}
