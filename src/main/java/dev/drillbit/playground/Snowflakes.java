package dev.drillbit.playground;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates Discord-shaped snowflake ids that strictly increase: the millisecond since Discord's epoch
 * in the high bits, so that JDA's {@code getTimeCreated()} is plausible. Thread-safe.
 */
final class Snowflakes {
    static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;
    private final AtomicLong last;

    Snowflakes(Clock clock) {
        this.last = new AtomicLong((clock.millis() - DISCORD_EPOCH_MILLIS) << 22);
    }

    long next() {
        return last.incrementAndGet();
    }
}
