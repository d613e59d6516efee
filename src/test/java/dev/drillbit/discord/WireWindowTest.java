package dev.drillbit.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbit.testsupport.ManualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bot's cap on requests a second where they leave, on a ticker the test moves. */
class WireWindowTest {
    private final ManualTime time = ManualTime.at("2026-12-04T09:00:00Z");
    private final WireWindow window = new WireWindow(3, time);

    @Test
    void requestsWithinTheLimitGoAtOnce() {
        // GIVEN / WHEN three requests at the same instant
        List<Long> waits = List.of(window.admit(), window.admit(), window.admit());

        // THEN none waits
        assertThat(waits).containsOnly(0L);
    }

    @Test
    void oneOverTheLimitWaitsUntilTheOldestLeavesTheWindow() {
        // GIVEN three requests 100 ms apart
        for (int i = 0; i < 3; i++) {
            window.admit();
            time.advance(Duration.ofMillis(100));
        }

        // WHEN a fourth comes 300 ms after the first
        long wait = window.admit();

        // THEN it waits the 700 ms until the first is a second old, and then goes
        assertThat(wait).isEqualTo(Duration.ofMillis(700).toNanos());
        time.advance(Duration.ofMillis(700));
        assertThat(window.admit()).isZero();
    }

    @Test
    void aRequestToldToWaitTakesNoRoom() {
        // GIVEN a full window
        window.admit();
        window.admit();
        window.admit();

        // WHEN a fourth is told to wait, and asks again when the first has left
        window.admit();
        time.advance(Duration.ofSeconds(1));

        // THEN it goes, and so do two more in the room the other two leave at the same instant
        assertThat(List.of(window.admit(), window.admit(), window.admit())).containsOnly(0L);
        assertThat(window.admit()).isPositive();
    }

    @Test
    void aBunchAfterAStallIsSpreadSoThatNoSecondHoldsMoreThanTheLimit() {
        // GIVEN 30 requests arriving in bunches of 6 every 400 ms, each sent when the window admits it
        WireWindow wide = new WireWindow(10, time);
        List<Long> sentAt = new ArrayList<>();
        List<Long> due = new ArrayList<>();
        for (int bunch = 0; bunch < 5; bunch++) {
            for (int i = 0; i < 6; i++) {
                due.add(time.read() + bunch * Duration.ofMillis(400).toNanos());
            }
        }
        long start = time.read();
        for (long at : due) {
            if (time.read() < at) {
                time.advance(Duration.ofNanos(at - time.read()));
            }
            for (long wait = wide.admit(); wait > 0; wait = wide.admit()) {
                time.advance(Duration.ofNanos(wait));
            }
            sentAt.add(time.read() - start);
        }

        // THEN no window of one second holds more than 10 of them
        int most = 0;
        for (long first : sentAt) {
            most = Math.max(most, (int) sentAt.stream()
                    .filter(at -> at >= first && at < first + 1_000_000_000L)
                    .count());
        }
        assertThat(most).isEqualTo(10);
    }

    @Test
    void theLimitMustBePositive() {
        assertThatThrownBy(() -> new WireWindow(0, time)).hasMessageContaining("positive");
    }
}
