package dev.drillbit.daily;

import java.time.Instant;

/**
 * Decides, across every process sharing the store, which one starts a daily run: the port
 * {@link DailyScheduler} claims a run through before it hands out the start. A claim is made once and kept;
 * contract in {@code RunClaimsContract}. Thread-safe.
 */
public interface RunClaims {
    /**
     * Claims {@code runId}: true when this call made the claim (the caller alone may post the run), false
     * when it was claimed before, by this process or another. Durable when it returns true.
     *
     * @param now when the claim is made, kept for the record
     * @throws java.io.UncheckedIOException when the claim could not be recorded; nothing was claimed
     */
    boolean claim(String runId, Instant now);
}
