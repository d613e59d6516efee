package dev.drillbit.playground;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bot's clock in the playground: real time plus however far a person has moved it with
 * {@code clock}, never backwards. It is both the {@link Clock} and the Caffeine {@link Ticker} the bot
 * runs on, so question timers, idle expiry and schedules all follow it. Thread-safe.
 */
public final class PlaygroundClock extends Clock implements Ticker {
    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final Instant origin;

    public PlaygroundClock(Clock base) {
        this.base = base;
        this.origin = base.instant();
    }

    /** Moves the clock forward by {@code by}; a negative or zero amount is refused. */
    public void advance(Duration by) {
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        offset.updateAndGet(o -> o.plus(by));
    }

    /** Moves the clock forward to {@code target}; a time not after now is refused. */
    public void advanceTo(Instant target) {
        Duration by = Duration.between(instant(), target);
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("the clock only moves forward; it is already " + instant());
        }
        advance(by);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public long read() {
        return Duration.between(origin, instant()).toNanos();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the playground clock is UTC");
    }
}
