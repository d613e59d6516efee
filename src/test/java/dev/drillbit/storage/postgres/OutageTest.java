package dev.drillbit.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OutageTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Outage outage = new Outage(nanos::get);

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    @DisplayName("without an outage every batch is tried")
    void triesWhenHealthy() {
        assertThat(outage.shouldTry()).isTrue();
        assertThat(outage.retryIn()).isZero();
    }

    @Test
    @DisplayName("after a lost connection the next try waits 250 ms, then twice as long each time, up to 5 s")
    void backsOffDoublingUpToFiveSeconds() {
        assertThat(outage.connectionLost(3))
                .as("the first failure starts the outage")
                .isTrue();
        assertThat(outage.shouldTry()).isFalse();
        assertThat(outage.retryIn()).isEqualTo(Duration.ofMillis(250));
        advance(Duration.ofMillis(250));
        assertThat(outage.shouldTry()).isTrue();

        assertThat(outage.connectionLost(1)).isFalse();
        assertThat(outage.retryIn()).isEqualTo(Duration.ofMillis(500));
        for (int i = 0; i < 10; i++) {
            outage.connectionLost(1);
        }
        assertThat(outage.retryIn()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("the first commit after an outage ends it, saying how long it lasted and what was refused")
    void recoveryReportsDurationAndRefusals() {
        outage.connectionLost(3);
        outage.refused(4);
        advance(Duration.ofSeconds(2));

        Outage.Recovery recovery = outage.committed().orElseThrow();

        assertThat(recovery.lasted()).isEqualTo(Duration.ofSeconds(2));
        assertThat(recovery.refused()).isEqualTo(7);
        assertThat(outage.shouldTry()).isTrue();
        assertThat(outage.committed()).isEmpty();
    }

    @Test
    @DisplayName("connection errors count as an outage; a constraint violation does not")
    void classifiesFailures() {
        assertThat(Outage.isConnectionLoss(new RuntimeException(new SQLException("gone", "08006"))))
                .isTrue();
        assertThat(Outage.isConnectionLoss(new SQLException("shutting down", "57P01")))
                .isTrue();
        assertThat(Outage.isConnectionLoss(new SQLTransientConnectionException("pool timed out")))
                .isTrue();
        assertThat(Outage.isConnectionLoss(new SQLException("duplicate key", "23505")))
                .isFalse();
        assertThat(Outage.isConnectionLoss(new IllegalStateException("bug"))).isFalse();
    }
}
