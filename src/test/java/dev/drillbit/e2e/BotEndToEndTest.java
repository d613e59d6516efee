package dev.drillbit.e2e;

import static dev.drillbit.testsupport.BotHarness.TIMEOUT;
import static dev.drillbit.testsupport.BotHarness.button;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drillbit.bank.Question;
import dev.drillbit.discord.AnswerAction;
import dev.drillbit.discord.QuizAction;
import dev.drillbit.playground.InteractionHandle;
import dev.drillbit.playground.LocalChannel;
import dev.drillbit.playground.LocalMember;
import dev.drillbit.playground.LocalMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every command path of the real bot, driven through the local Discord stand-in as members would. */
class BotEndToEndTest extends EndToEndTest {
    @Test
    @DisplayName("Discord's ids carry real time while the bot's clock is a day ahead: a deferred answer and a"
            + " form still go through, as JDA judges a hook's age on the real clock")
    void interactionsCarryRealTimeWhateverTheBotsClockSays() {
        // GIVEN the bot's clock moved a day past the real one (the harness clock starts on a fixed date)
        h.time.advance(Duration.ofDays(1));
        LocalChannel room = room("wall-clock");

        // WHEN a member starts a quiz and answers its questions, one by a form
        InteractionHandle start = h.discord.slash(h.alice, room, "quiz start", Map.of("step", "sql", "count", 2));
        LocalMessage first = start.awaitReply(TIMEOUT);
        InteractionHandle answered = h.answer(h.alice, first, true);

        // THEN every interaction was minted now on the wall clock, and the deferred answers were delivered
        for (InteractionHandle interaction : List.of(start, answered)) {
            Instant minted = net.dv8tion.jda.api.utils.TimeUtil.getTimeCreated(interaction.id())
                    .toInstant();
            assertThat(Duration.between(minted, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
        }
        assertThat(title(answered.awaitReply(TIMEOUT))).startsWith("✅ Right");
    }

    @Test
    void registersExactlyTheCommandSet() {
        for (String name : List.of("quiz", "question", "roadmap", "help")) {
            assertThat(h.discord.command(h.guild, name)).as(name).isPresent();
        }
        assertThat(h.discord.command(h.guild, "quiz").orElseThrow().path("options"))
                .extracting(o -> o.path("name").asText())
                .containsExactly("start", "stop", "skip", "status");
    }

    @Test
    @DisplayName("a solo quiz from start to summary: typed answer through the modal, open question self-graded")
    void soloQuizToItsSummary() {
        LocalChannel room = room("solo");
        LocalMessage message = h.discord
                .slash(h.alice, room, "quiz start", Map.of("step", "sql", "count", 3))
                .awaitReply(TIMEOUT);
        assertThat(message.isEphemeral()).isTrue();
        assertThat(message.visibleTo(h.bob.user())).isFalse();
        assertThat(title(message)).startsWith("Question 1/3 · Relational databases and SQL · ");

        for (int i = 0; i < 3; i++) {
            Question question = h.shown(message);
            boolean right = i != 1;
            LocalMessage reveal = h.answer(h.alice, message, right).awaitReply(TIMEOUT);
            assertThat(reveal.id()).isEqualTo(message.id());
            assertThat(title(reveal)).startsWith(right ? "✅ Right" : "❌ Not quite");
            assertThat(fieldNames(reveal)).contains("Answer", "Explanation", "Read more");
            assertThat(reveal.embeds().path(0).toString())
                    .contains(question.explanation().substring(0, 20));
            message = h.discord
                    .click(h.alice, reveal, button(reveal, QuizAction.NEXT))
                    .awaitReply(TIMEOUT);
        }

        assertThat(title(message)).isEqualTo("Quiz finished · 3 of 3 questions");
        assertThat(description(message)).contains("2 of 3 right (67%)");
        assertThat(message.embeds().path(0).toString()).contains("Relational databases and SQL");
    }

    @Test
    @DisplayName("an open question: show the model answer, then grade yourself")
    void openQuestionSelfGraded() {
        LocalChannel room = room("open");
        LocalMessage message = h.discord
                .slash(h.bob, room, "quiz start", Map.of("step", "caching", "count", 2))
                .awaitReply(TIMEOUT);
        LocalMessage open = message;
        if (!(h.shown(message) instanceof Question.Open)) {
            LocalMessage reveal = h.answer(h.bob, message, true).awaitReply(TIMEOUT);
            open = h.discord
                    .click(h.bob, reveal, button(reveal, QuizAction.NEXT))
                    .awaitReply(TIMEOUT);
        }
        LocalMessage model =
                h.discord.click(h.bob, open, button(open, AnswerAction.SHOW)).awaitReply(TIMEOUT);
        assertThat(fieldNames(model)).contains("Model answer", "Key points");
        assertThat(model.customIds()).hasSize(3);

        LocalMessage graded = h.discord
                .click(h.bob, model, button(model, AnswerAction.PARTLY))
                .awaitReply(TIMEOUT);

        assertThat(title(graded)).startsWith("🟡 Partly — you graded yourself \"partly\" · +10 points");
    }

    @Test
    @DisplayName("a group quiz: three members answer at once, the clock closes each question, standings post")
    void groupQuizWithThreeMembers() {
        LocalChannel room = room("group");
        InteractionHandle start =
                h.discord.slash(h.carol, room, "quiz start", Map.of("mode", "group", "count", 2, "step", "internet"));
        LocalMessage intro = start.awaitReply(TIMEOUT);
        assertThat(intro.isEphemeral()).isFalse();
        assertThat(intro.content()).contains("started a group quiz of 2 questions");
        LocalChannel thread = await().atMost(TIMEOUT)
                .until(
                        () -> h.discord.channels().stream()
                                .filter(c -> c.isThread() && c.parentId() == room.id())
                                .findFirst(),
                        Optional::isPresent)
                .get();
        assertThat(thread.name()).isEqualTo("Quiz 2026-11-23");

        for (int q = 1; q <= 2; q++) {
            int number = q;
            LocalMessage question =
                    h.discord.awaitMessage(thread, m -> title(m).startsWith("Question " + number + "/2"), TIMEOUT);
            List<LocalMember> members = List.of(h.alice, h.bob, h.carol);
            List<InteractionHandle> answers =
                    members.stream().map(m -> h.answer(m, question, m != h.bob)).toList();
            for (InteractionHandle answer : answers) {
                LocalMessage feedback = answer.awaitReply(TIMEOUT);
                assertThat(feedback.isEphemeral() || feedback.content().startsWith("Recorded"))
                        .isTrue();
            }
            assertThat(h.discord
                            .click(h.alice, question, question.customIds().get(0))
                            .awaitReply(TIMEOUT)
                            .content())
                    .isEqualTo("You already answered this question; your first answer counts.");

            clockForward(Duration.ofMinutes(2));

            LocalMessage revealed = h.discord.awaitMessage(
                    thread, m -> m.id() == question.id() && title(m).startsWith("Time's up"), TIMEOUT);
            assertThat(revealed.customIds()).singleElement().asString().startsWith("flag:");
            assertThat(fieldNames(revealed)).contains("2 of 3 got it right");
        }
        LocalMessage standings = h.discord.awaitMessage(thread, m -> title(m).startsWith("Quiz finished"), TIMEOUT);
        String table = standings.embeds().path(0).path("description").asText();
        assertThat(table)
                .contains("<@" + h.alice.id() + ">")
                .contains("<@" + h.carol.id() + ">")
                .contains("<@" + h.bob.id() + "> — **0** points, 0/2 right");
        assertThat(standings.json().path("mentions")).isEmpty();
    }

    @Test
    @DisplayName("a stale button gets a clear ephemeral answer, never an interaction failure")
    void staleButtons() {
        // GIVEN a solo quiz whose message still shows its buttons, stopped with /quiz stop
        LocalChannel room = room("stale");
        LocalMessage question = h.discord
                .slash(h.alice, room, "quiz start", Map.of("step", "internet"))
                .awaitReply(TIMEOUT);
        h.discord.slash(h.alice, room, "quiz stop").awaitReply(TIMEOUT);

        // WHEN she presses one of those buttons THEN she learns it has ended, privately
        LocalMessage again =
                h.discord.click(h.alice, question, question.customIds().get(0)).awaitReply(TIMEOUT);
        assertThat(again.isEphemeral()).isTrue();
        assertThat(again.content()).startsWith("This button belongs to something that has ended");
        assertThat(h.discord
                        .click(h.alice, question, button(question, QuizAction.SKIP))
                        .awaitReply(TIMEOUT)
                        .content())
                .startsWith("This button belongs to something that has ended");
    }

    @Test
    void quizExpiresAfterIdleMinutesAndItsButtonsSaySo() {
        LocalChannel room = room("expiry");
        LocalMessage message = h.discord
                .slash(h.bob, room, "quiz start", Map.of("step", "sql"))
                .awaitReply(TIMEOUT);
        clockForward(Duration.ofMinutes(16));

        LocalMessage reply =
                h.discord.click(h.bob, message, message.customIds().get(0)).awaitReply(TIMEOUT);

        assertThat(reply.isEphemeral()).isTrue();
        assertThat(reply.content()).startsWith("This button belongs to something that has ended");
        assertThat(h.discord
                        .slash(h.bob, room, "quiz status")
                        .awaitReply(TIMEOUT)
                        .content())
                .isEqualTo("No quiz is running here. Start one with /quiz start.");
    }

    @Test
    void badOptionsGetAnEphemeralExplanation() {
        LocalMessage reply = h.discord
                .slash(h.alice, h.general, "quiz start", Map.of("step", "kubernetes"))
                .awaitReply(TIMEOUT);
        assertThat(reply.isEphemeral()).isTrue();
        assertThat(reply.content()).startsWith("There is no roadmap step called \"kubernetes\".");
    }

    @Test
    void roadmapListsEveryStepAndDetailsOne() {
        LocalMessage all = h.discord.slash(h.alice, h.general, "roadmap").awaitReply(TIMEOUT);
        assertThat(all.embeds().path(0).path("description").asText())
                .contains("1. **How the internet works** · `internet` · 4 questions")
                .contains("3. **Caching** · `caching` · 2 questions");

        LocalMessage one = h.discord
                .slash(h.alice, h.general, "roadmap", Map.of("step", "internet"))
                .awaitReply(TIMEOUT);
        assertThat(title(one)).isEqualTo("Step 1 of 3 · How the internet works");
        assertThat(fieldNames(one)).containsExactly("Concepts", "Checkpoint", "Read", "Questions", "Your progress");

        List<String> choices = h
                .discord
                .autocomplete(h.alice, h.general, "roadmap", "step", "cach", Map.of())
                .awaitChoices(TIMEOUT)
                .stream()
                .map(c -> c.path("value").asText())
                .toList();
        assertThat(choices).containsExactly("caching");
    }

    @Test
    void helpListsEveryCommand() {
        LocalMessage help = h.discord.slash(h.carol, h.general, "help").awaitReply(TIMEOUT);
        assertThat(help.embeds().path(0).toString())
                .contains(
                        "/quiz start",
                        "/quiz stop",
                        "/quiz skip",
                        "/quiz status",
                        "/question",
                        "/roadmap",
                        "/review start",
                        "/review export",
                        "/review remind on|off",
                        "/interview",
                        "/help");
    }

    @Test
    void skipMovesToTheNextQuestionAndStatusTellsWhereYouAre() {
        LocalChannel room = room("skip");
        h.discord
                .slash(h.carol, room, "quiz start", Map.of("step", "sql", "count", 2))
                .awaitReply(TIMEOUT);
        assertThat(h.discord
                        .slash(h.carol, room, "quiz status")
                        .awaitReply(TIMEOUT)
                        .content())
                .startsWith("Your quiz: question 1 of 2, 0 points so far.");

        LocalMessage next = h.discord.slash(h.carol, room, "quiz skip").awaitReply(TIMEOUT);
        assertThat(title(next)).startsWith("Question 2/2");
        LocalMessage summary = h.discord.slash(h.carol, room, "quiz stop").awaitReply(TIMEOUT);
        assertThat(title(summary)).isEqualTo("Quiz stopped · 1 of 2 questions");
    }
}
