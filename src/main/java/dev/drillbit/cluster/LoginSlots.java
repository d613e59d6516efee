package dev.drillbit.cluster;

import java.time.Duration;
import java.time.Instant;

/**
 * Discord's login limit, kept across every process that shares the store: each of the bot's
 * {@code max_concurrency} buckets (a shard's bucket is {@code shard_id % max_concurrency}) admits one
 * IDENTIFY per {@code spacing}. A shard reserves its bucket's next slot before it logs in. Time is the
 * caller's ({@code now}), so that tests pass it in; processes on one host or NTP-synchronised hosts agree
 * on it to well under the five seconds Discord spaces logins by. Contract in {@code LoginSlotsContract}.
 * Thread-safe.
 */
public interface LoginSlots {
    /**
     * Reserves {@code bucket} for a login at {@code now} when its last reservation was at least
     * {@code spacing} ago.
     *
     * @return {@link Duration#ZERO} when reserved (log in now); otherwise how long until the bucket's next
     *     slot, after which the caller asks again
     * @throws java.io.UncheckedIOException when the store could not be asked
     */
    Duration reserve(int bucket, Instant now, Duration spacing);
}
