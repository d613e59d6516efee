package dev.drillbit.daily;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RunClaims} promises; each implementation extends this class once. Covered: a run is
 * claimed once, also across a restart; runs are independent; concurrent claimers.
 */
public abstract class RunClaimsContract {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    /** The claims of this test's store: every call sees the same data, so a second call is a restart. */
    protected abstract RunClaims open();

    @Test
    @DisplayName("a run is claimed once, also across a restart")
    void onceAcrossARestart() {
        assertThat(open().claim("1-2-2026-11-23", NOW)).isTrue();

        RunClaims reopened = open();

        assertThat(reopened.claim("1-2-2026-11-23", NOW.plusSeconds(60))).isFalse();
    }

    @Test
    @DisplayName("each run has its own claim")
    void runsAreIndependent() {
        RunClaims claims = open();
        claims.claim("1-2-2026-11-23", NOW);

        assertThat(claims.claim("1-2-2026-11-24", NOW)).isTrue();
        assertThat(claims.claim("1-3-2026-11-23", NOW)).isTrue();
    }

    @Test
    @DisplayName("concurrent claimers of one run: exactly one wins")
    void concurrentClaimers() throws Exception {
        List<Integer> winners = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        RunClaims claims = open();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int me = i;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                if (claims.claim("1-2-2026-11-23", NOW)) {
                    winners.add(me);
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }

        assertThat(winners).hasSize(1);
    }
}
