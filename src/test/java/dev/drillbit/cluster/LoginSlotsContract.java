package dev.drillbit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LoginSlots} promises; each implementation extends this class once. Covered: one login
 * per bucket per spacing, the wait told to the loser, buckets apart, concurrent reservers. Time is passed
 * in: no test sleeps.
 */
public abstract class LoginSlotsContract {
    private static final Duration SPACING = Duration.ofSeconds(5);
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    /**
     * The slots of this test's store as one process sees them: every call sees the same data, so two calls
     * are two processes where the store is shared.
     */
    protected abstract LoginSlots open();

    @Test
    @DisplayName("the first login of a bucket goes at once; the next waits for the rest of the spacing")
    void oneLoginPerSpacing() {
        LoginSlots a = open();
        LoginSlots b = open();

        assertThat(a.reserve(0, T0, SPACING)).isZero();
        assertThat(b.reserve(0, T0.plusSeconds(2), SPACING)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    @DisplayName("once the spacing has passed the bucket is free again")
    void freeAfterTheSpacing() {
        LoginSlots a = open();
        LoginSlots b = open();
        a.reserve(0, T0, SPACING);

        assertThat(b.reserve(0, T0.plus(SPACING), SPACING)).isZero();
        assertThat(a.reserve(0, T0.plus(SPACING).plusSeconds(1), SPACING))
                .as("reserved again at 5 s, so free at 10 s")
                .isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    @DisplayName("buckets do not wait for each other")
    void bucketsApart() {
        LoginSlots a = open();
        LoginSlots b = open();
        a.reserve(0, T0, SPACING);

        assertThat(b.reserve(1, T0, SPACING)).isZero();
    }

    @Test
    @DisplayName("of eight processes reserving one bucket at the same instant, exactly one logs in")
    void oneWinnerAmongConcurrentReservers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Duration>> reservers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                LoginSlots slots = open();
                reservers.add(() -> slots.reserve(3, T0, SPACING));
            }
            List<Duration> waits = new ArrayList<>();
            for (Future<Duration> f : pool.invokeAll(reservers)) {
                waits.add(f.get());
            }

            assertThat(waits).filteredOn(Duration::isZero).hasSize(1);
            assertThat(waits)
                    .filteredOn(w -> !w.isZero())
                    .allSatisfy(w -> assertThat(w).isEqualTo(SPACING));
        } finally {
            pool.shutdownNow();
        }
    }
}
