package dev.drillbit.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link LoginSlots} for one process (the flat-file store runs in one): every shard manager this process
 * starts, a restarted one too, shares its buckets. Thread-safe.
 */
public final class InMemoryLoginSlots implements LoginSlots {
    private final Map<Integer, Instant> free = new HashMap<>();

    @Override
    public synchronized Duration reserve(int bucket, Instant now, Duration spacing) {
        Instant next = free.get(bucket);
        if (next != null && now.isBefore(next)) {
            return Duration.between(now, next);
        }
        free.put(bucket, now.plus(spacing));
        return Duration.ZERO;
    }
}
