package dev.drillbit.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.learning.Leases;
import dev.drillbit.storage.flatfile.FlatFileLeases;
import dev.drillbit.testsupport.ManualTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Two processes' leases on the reminders over one store, on one manual clock: no test sleeps. */
class WorkLeaseTest {
    private final ManualTime time = ManualTime.at("2026-11-23T09:00:00Z");
    private final Leases store = new FlatFileLeases();
    private final WorkLease first = new WorkLease(store, "review-reminders", time);
    private final WorkLease second = new WorkLease(store, "review-reminders", time);

    @Test
    void theFirstToAskHoldsItAndTheOtherWaits() {
        first.renew();
        second.renew();

        assertThat(first.held()).isTrue();
        assertThat(second.held()).isFalse();
    }

    @Test
    void whenTheHolderStopsRenewingTheOtherTakesItOverWithinTheLeaseTime() {
        // GIVEN the first holds it, the second waits
        first.renew();
        second.renew();

        // WHEN the first stops beating (killed) and the lease time passes, the second beating all along
        for (int s = 0; s < WorkLease.TTL.toSeconds(); s++) {
            time.advance(Duration.ofSeconds(1));
            second.renew();
        }

        // THEN the second holds it, and the first, back, learns it lost it
        assertThat(second.held()).isTrue();
        time.advance(WorkLease.RENEW_EVERY);
        first.renew();
        assertThat(first.held()).isFalse();
    }

    @Test
    void aHolderThatKeepsBeatingKeepsIt() {
        first.renew();
        for (int s = 0; s < 3 * WorkLease.TTL.toSeconds(); s++) {
            time.advance(Duration.ofSeconds(1));
            first.renew();
            second.renew();
        }

        assertThat(first.held()).isTrue();
        assertThat(second.held()).isFalse();
    }

    @Test
    void closingGivesItUpAtOnce() {
        first.renew();

        first.close();
        time.advance(WorkLease.RENEW_EVERY);
        second.renew();

        assertThat(first.held()).isFalse();
        assertThat(second.held()).isTrue();
    }
}
