package dev.drillbit.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Leases} promises; each implementation extends this class once. Covered: one owner at a
 * time, renewal, take-over after expiry (time is passed in: no test sleeps), release, concurrent takers.
 */
public abstract class LeasesContract {
    private static final String WORK = "review-reminders";
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    /**
     * The leases of this test's store as one process sees them: every call sees the same data, so two
     * calls are two processes where the store is shared.
     */
    protected abstract Leases open();

    @Test
    @DisplayName("the first owner takes the lease; a second is refused while it has not expired")
    void oneOwnerAtATime() {
        Leases a = open();
        Leases b = open();

        assertThat(a.hold(WORK, "a", T0, TTL)).isTrue();
        assertThat(b.hold(WORK, "b", T0.plusSeconds(29), TTL)).isFalse();
        assertThat(a.hold("other-work", "b", T0, TTL))
                .as("another piece of work")
                .isTrue();
    }

    @Test
    @DisplayName("the holder renews before expiry and keeps it past the first expiry")
    void renewalKeepsIt() {
        Leases a = open();
        Leases b = open();
        a.hold(WORK, "a", T0, TTL);

        assertThat(a.hold(WORK, "a", T0.plusSeconds(20), TTL)).isTrue();

        assertThat(b.hold(WORK, "b", T0.plusSeconds(40), TTL))
                .as("renewed at 20s, so held until 50s")
                .isFalse();
    }

    @Test
    @DisplayName("an owner that stops renewing loses the lease to another at expiry, and cannot take it back")
    void takenOverAtExpiry() {
        Leases a = open();
        Leases b = open();
        a.hold(WORK, "a", T0, TTL);

        assertThat(b.hold(WORK, "b", T0.plus(TTL), TTL)).isTrue();

        assertThat(a.hold(WORK, "a", T0.plus(TTL).plusSeconds(1), TTL)).isFalse();
    }

    @Test
    @DisplayName("a released lease is free at once; a release by another owner changes nothing")
    void release() {
        Leases a = open();
        Leases b = open();
        a.hold(WORK, "a", T0, TTL);

        b.release(WORK, "b");
        assertThat(b.hold(WORK, "b", T0.plusSeconds(1), TTL)).isFalse();

        a.release(WORK, "a");
        assertThat(b.hold(WORK, "b", T0.plusSeconds(2), TTL)).isTrue();
    }

    @Test
    @DisplayName("concurrent takers of a free lease: exactly one holds it")
    void concurrentTakers() throws Exception {
        List<String> holders = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String owner = "owner-" + i;
            Leases leases = open();
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                if (leases.hold(WORK, owner, T0, TTL)) {
                    holders.add(owner);
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }

        assertThat(holders).hasSize(1);
    }
}
