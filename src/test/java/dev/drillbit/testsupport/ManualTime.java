package dev.drillbit.testsupport;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock and a Caffeine ticker that move only when a test says so, always together. Thread-safe. */
public final class ManualTime extends Clock implements Ticker {
    private final AtomicReference<Instant> now;
    private final Instant origin;

    public ManualTime(Instant start) {
        this.now = new AtomicReference<>(start);
        this.origin = start;
    }

    public static ManualTime at(String instant) {
        return new ManualTime(Instant.parse(instant));
    }

    public void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public long read() {
        return Duration.between(origin, now.get()).toNanos();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("ManualTime is UTC only");
    }
}
