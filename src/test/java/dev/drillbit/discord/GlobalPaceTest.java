package dev.drillbit.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbit.testsupport.ManualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bot's own pace under Discord's global limit, on a ticker the test moves. */
class GlobalPaceTest {
    private final ManualTime time = ManualTime.at("2026-12-04T09:00:00Z");
    private final GlobalPace pace = new GlobalPace(50, time);

    @Test
    void aBurstIsSpreadOneSlotApart() {
        // GIVEN / WHEN five requests at the same instant
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waits.add(pace.reserve());
        }

        // THEN the first goes now and each next 20 ms after the one before
        assertThat(waits).containsExactly(0L, 20_000_000L, 40_000_000L, 60_000_000L, 80_000_000L);
    }

    @Test
    void noSecondEverHoldsMoreThanThePace() {
        // GIVEN 500 requests arriving in clumps of 25 every 100 ms
        List<Long> sentAt = new ArrayList<>();
        for (int clump = 0; clump < 20; clump++) {
            for (int i = 0; i < 25; i++) {
                sentAt.add(time.read() + pace.reserve());
            }
            time.advance(Duration.ofMillis(100));
        }

        // THEN no window of one second holds more than 50 of them
        int most = 0;
        for (int first = 0; first < sentAt.size(); first++) {
            int in = 0;
            for (long at : sentAt) {
                in += at >= sentAt.get(first) && at < sentAt.get(first) + 1_000_000_000L ? 1 : 0;
            }
            most = Math.max(most, in);
        }
        assertThat(most).isEqualTo(50);
    }

    @Test
    void aQuietBotIsNotHeldBack() {
        // GIVEN a request long ago
        pace.reserve();
        time.advance(Duration.ofSeconds(5));

        // WHEN the next comes THEN it goes at once
        assertThat(pace.reserve()).isZero();
    }

    @Test
    @DisplayName("after a global 429, waiting requests are spread out after its wait, not sent all at once")
    void requestsWaitingOutAGlobal429AreSpreadAfterIt() {
        // GIVEN a global 429 with 1 s left to wait
        long backoff = Duration.ofSeconds(1).toNanos();

        // WHEN three requests ask for a slot meanwhile
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waits.add(pace.reserveAfter(backoff));
        }

        // THEN the first goes when the wait ends, the others one slot apart after it
        assertThat(waits).containsExactly(1_000_000_000L, 1_020_000_000L, 1_040_000_000L);
    }

    @Test
    void aPaceMustBePositive() {
        assertThatThrownBy(() -> new GlobalPace(0, time)).isInstanceOf(IllegalArgumentException.class);
    }
}
