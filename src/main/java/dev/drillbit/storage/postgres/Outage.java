package dev.drillbit.storage.postgres;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The database as the store's writer sees it: reachable, or in an outage that began with a lost connection.
 * During an outage the writer tries the database again after a wait that doubles from
 * {@link #FIRST_WAIT} up to {@link #MAX_WAIT} (so a dead server is not hammered and members are told "not
 * saved" at once instead of after a connection timeout each), and the outage is logged once when it starts
 * and once when it ends, not per batch. The pool reconnects by itself once the server is back.
 *
 * <p>Not thread-safe: the writer thread only. Time is read from {@code nanos} ({@link System#nanoTime} in
 * production, a test's own counter in tests).
 */
final class Outage {
    static final Duration FIRST_WAIT = Duration.ofMillis(250);
    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    /** How an outage ended: how long it lasted and how many events were refused meanwhile. */
    record Recovery(Duration lasted, long refused) {}

    private final LongSupplier nanos;
    private int failures;
    private long since;
    private long retryAt;
    private long refused;

    Outage(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** Whether a batch should go to the database now (no outage, or its wait is over). */
    boolean shouldTry() {
        return failures == 0 || nanos.getAsLong() - retryAt >= 0;
    }

    /** How long until the next try; zero outside an outage. */
    Duration retryIn() {
        return failures == 0 ? Duration.ZERO : Duration.ofNanos(Math.max(0, retryAt - nanos.getAsLong()));
    }

    /**
     * A batch of {@code events} failed because the connection was lost; returns whether this started the
     * outage (the one failure to log loudly).
     */
    boolean connectionLost(int events) {
        long now = nanos.getAsLong();
        boolean first = failures == 0;
        if (first) {
            since = now;
        }
        failures++;
        long wait = FIRST_WAIT.toNanos() << Math.min(failures - 1, 20);
        retryAt = now + Math.min(wait, MAX_WAIT.toNanos());
        refused += events;
        return first;
    }

    /** A batch of {@code events} was refused without trying, during the wait. */
    void refused(int events) {
        refused += events;
    }

    /** A batch committed: ends the outage, if there was one, and says how it went. */
    Optional<Recovery> committed() {
        if (failures == 0) {
            return Optional.empty();
        }
        Recovery r = new Recovery(Duration.ofNanos(nanos.getAsLong() - since), refused);
        failures = 0;
        refused = 0;
        return Optional.of(r);
    }

    /**
     * Whether {@code failure} is a lost or refused connection (SQLSTATE class 08, the server shutting down,
     * or the pool finding no connection in time) rather than a problem with the batch itself.
     */
    static boolean isConnectionLoss(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException e && e.getSQLState() != null) {
                String state = e.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }
}
