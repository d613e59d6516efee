package dev.drillbit.app;

import dev.drillbit.learning.Leases;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's lease on one piece of work that is not per guild (review reminders by DM), kept through
 * {@link Leases}: renewed from the heartbeat every {@link #RENEW_EVERY} of the bot's clock and good for
 * {@link #TTL}, so that when the holder dies another process takes the work over within {@code TTL}. A
 * store that cannot be asked counts as not held. Thread-safe: {@link #renew} runs on the heartbeat,
 * {@link #held} anywhere.
 */
final class WorkLease implements AutoCloseable {
    static final Duration TTL = Duration.ofSeconds(30);
    static final Duration RENEW_EVERY = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(WorkLease.class);

    private final Leases leases;
    private final String work;
    private final String owner;
    private final Clock clock;
    private volatile boolean held;
    private Instant lastAsked;

    WorkLease(Leases leases, String work, Clock clock) {
        this.leases = leases;
        this.work = work;
        this.clock = clock;
        this.owner = ownerName();
    }

    /** A name for this process that no other shares: its pid and host, and random bits against pid reuse. */
    private static String ownerName() {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return ManagementFactory.getRuntimeMXBean().getName() + "/"
                + HexFormat.of().formatHex(random);
    }

    /** Takes or renews the lease when {@link #RENEW_EVERY} has passed since the last time; call every beat. */
    synchronized void renew() {
        Instant now = clock.instant();
        if (lastAsked != null && now.isBefore(lastAsked.plus(RENEW_EVERY))) {
            return;
        }
        lastAsked = now;
        boolean was = held;
        try {
            held = leases.hold(work, owner, now, TTL);
        } catch (RuntimeException e) {
            held = false;
            LOG.warn("the lease on {} could not be renewed: {}", work, e.getMessage());
        }
        if (held != was) {
            LOG.info("{} the lease on {} (owner {})", held ? "took" : "lost", work, owner);
        }
    }

    boolean held() {
        return held;
    }

    /** Gives the lease up so that another process takes the work at once. */
    @Override
    public synchronized void close() {
        if (held) {
            held = false;
            try {
                leases.release(work, owner);
            } catch (RuntimeException e) {
                LOG.warn("the lease on {} could not be released; it expires by itself: {}", work, e.getMessage());
            }
        }
    }
}
