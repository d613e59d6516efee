package dev.drillbit.storage.flatfile;

import dev.drillbit.learning.Leases;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@link Leases} beside the flat files: kept in memory. The flat files serve one process (the data
 * folder's lock refuses a second), so every owner asking lives in this process and a lease need not outlive
 * it: after a restart the one process takes it again. Same rules as a shared store: one owner at a time,
 * taken over after expiry. Thread-safe.
 */
public final class FlatFileLeases implements Leases {
    private record Held(String owner, Instant expires) {}

    private final Map<String, Held> leases = new HashMap<>();

    @Override
    public synchronized boolean hold(String work, String owner, Instant now, Duration ttl) {
        Held held = leases.get(work);
        if (held != null && !held.owner().equals(owner) && held.expires().isAfter(now)) {
            return false;
        }
        leases.put(work, new Held(owner, now.plus(ttl)));
        return true;
    }

    @Override
    public synchronized void release(String work, String owner) {
        Held held = leases.get(work);
        if (held != null && held.owner().equals(owner)) {
            leases.remove(work);
        }
    }
}
