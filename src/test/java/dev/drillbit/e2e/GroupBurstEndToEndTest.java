package dev.drillbit.e2e;

import static dev.drillbit.testsupport.BotHarness.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drillbit.playground.InteractionHandle;
import dev.drillbit.playground.LocalChannel;
import dev.drillbit.playground.LocalMember;
import dev.drillbit.playground.LocalMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Forty members answer one group question at once, against Discord's rate limits: each is acknowledged in
 * time and answered privately, and the question's public message shows the tally through a few coalesced
 * edits, not one per answer.
 */
class GroupBurstEndToEndTest extends EndToEndTest {
    private static final int MEMBERS = 40;

    @Test
    @DisplayName("40 members answer a group question at once: each answered privately, the tally edited a few times")
    void fortyMembersAnswerAtOnce() {
        // GIVEN a group quiz of one question and forty members
        LocalChannel room = room("burst");
        h.discord
                .slash(h.carol, room, "quiz start", Map.of("mode", "group", "count", 1, "step", "internet"))
                .awaitReply(TIMEOUT);
        LocalChannel thread = await().atMost(TIMEOUT)
                .until(
                        () -> h.discord.channels().stream()
                                .filter(c -> c.isThread() && c.parentId() == room.id())
                                .findFirst(),
                        Optional::isPresent)
                .get();
        LocalMessage question = h.discord.awaitMessage(thread, m -> title(m).startsWith("Question"), TIMEOUT);
        assertThat(field(question, "Answered")).isEqualTo("Nobody yet");
        List<LocalMember> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(h.discord.member(h.guild, "learner-" + i, false));
        }

        // WHEN all of them answer at once
        List<InteractionHandle> answers = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            answers.add(h.answer(members.get(i), question, i % 3 != 0));
        }

        // THEN each is acknowledged within Discord's 3 seconds and gets a private answer
        for (InteractionHandle answer : answers) {
            LocalMessage feedback = answer.awaitReply(TIMEOUT);
            assertThat(feedback.isEphemeral() || feedback.content().startsWith("Recorded"))
                    .as(answer.toString())
                    .isTrue();
            assertThat(Duration.ofNanos(answer.callbackReceivedNanos() - answer.dispatchedNanos()))
                    .as("acknowledgement of %s", answer)
                    .isLessThan(Duration.ofSeconds(3));
        }
        // AND once the bot's clock passes one tally interval, the public message shows all forty
        clockForward(Duration.ofSeconds(2));
        LocalMessage tallied = h.discord.awaitMessage(
                thread, m -> m.id() == question.id() && field(m, "Answered").equals(MEMBERS + " members"), TIMEOUT);
        assertThat(tallied.customIds()).as("still open for answers").isNotEmpty();
        assertThat(tallied.revision())
                .as(
                        "edits of the public message for %d answers: at most one per tally interval of the bot's"
                                + " clock, which moved one interval",
                        MEMBERS)
                .isLessThanOrEqualTo(2);
    }
}
