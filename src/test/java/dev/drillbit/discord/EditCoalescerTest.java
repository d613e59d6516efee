package dev.drillbit.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbit.testsupport.ManualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Many changes to one message become edits at a bounded rate, on a clock the test moves. */
class EditCoalescerTest {
    private final ManualTime time = ManualTime.at("2026-12-04T09:00:00Z");
    private final EditCoalescer<String> coalescer = new EditCoalescer<>(Duration.ofSeconds(2));

    @Test
    @DisplayName("200 changes in five seconds, looked at every second, are at most three edits")
    void aBurstBecomesAFewEdits() {
        // GIVEN 200 answers over five seconds, 40 a second, and a heartbeat each second
        List<Integer> editsAtSecond = new ArrayList<>();
        for (int second = 0; second < 5; second++) {
            for (int i = 0; i < 40; i++) {
                coalescer.changed("quiz");
            }
            // WHEN the heartbeat asks what is due
            if (coalescer.due(time.instant()).contains("quiz")) {
                editsAtSecond.add(second);
            }
            time.advance(Duration.ofSeconds(1));
        }

        // THEN the message was edited at seconds 0, 2 and 4 only
        assertThat(editsAtSecond).containsExactly(0, 2, 4);
    }

    @Test
    void aMessageNotChangedSinceItsLastEditIsNotDue() {
        // GIVEN a change, edited
        coalescer.changed("quiz");
        coalescer.due(time.instant());
        time.advance(Duration.ofSeconds(10));

        // WHEN nothing changes THEN nothing is due
        assertThat(coalescer.due(time.instant())).isEmpty();
    }

    @Test
    void theLastChangeOfABurstIsShownOnceTheIntervalPasses() {
        // GIVEN an edit at 0 s and one more change right after
        coalescer.changed("quiz");
        coalescer.due(time.instant());
        coalescer.changed("quiz");

        // WHEN the heartbeat looks at 1 s and at 2 s
        time.advance(Duration.ofSeconds(1));
        List<String> atOne = coalescer.due(time.instant());
        time.advance(Duration.ofSeconds(1));
        List<String> atTwo = coalescer.due(time.instant());

        // THEN it waits out the interval, then is shown
        assertThat(atOne).isEmpty();
        assertThat(atTwo).containsExactly("quiz");
    }

    @Test
    void messagesAreCoalescedEachOnItsOwn() {
        // GIVEN one message just edited and another changed for the first time
        coalescer.changed("a");
        coalescer.due(time.instant());
        coalescer.changed("a");
        coalescer.changed("b");

        // WHEN the heartbeat looks THEN only the other is due
        assertThat(coalescer.due(time.instant())).containsExactly("b");
    }

    @Test
    void aForgottenMessageIsNeverDue() {
        // GIVEN a change to a question that then closed
        coalescer.changed("quiz");
        coalescer.forget("quiz");

        // WHEN the heartbeat looks THEN nothing is due
        assertThat(coalescer.due(time.instant())).isEmpty();
    }

    @Test
    void theIntervalMustBePositive() {
        assertThatThrownBy(() -> new EditCoalescer<String>(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
