package dev.drillbit.learning;

import java.time.Duration;
import java.time.Instant;

/**
 * Leases on work that is not per guild (review reminders by DM): at most one owner at a time across every
 * process sharing the store, taken over by another owner once the holder has not renewed it before it
 * expired. Time is the caller's ({@code now}), so that every process and every test agrees on it. Contract
 * in {@code LeasesContract}. Thread-safe.
 */
public interface Leases {
    /**
     * Takes or renews the lease on {@code work} for {@code owner} until {@code now + ttl}.
     *
     * @return true when {@code owner} holds the lease after the call (it was free, had expired, or was its
     *     own); false when another owner holds it and its lease has not expired at {@code now}
     * @throws java.io.UncheckedIOException when the store could not be asked; treat as not held
     */
    boolean hold(String work, String owner, Instant now, Duration ttl);

    /** Gives the lease up, when {@code owner} holds it, so another may take it at once. */
    void release(String work, String owner);
}
