package dev.drillbit.e2e;

import static dev.drillbit.testsupport.BotHarness.TIMEOUT;
import static dev.drillbit.testsupport.BotHarness.button;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drillbit.bank.Question;
import dev.drillbit.discord.AnswerAction;
import dev.drillbit.discord.InterviewAction;
import dev.drillbit.discord.ReviewAction;
import dev.drillbit.playground.InteractionHandle;
import dev.drillbit.playground.LocalChannel;
import dev.drillbit.playground.LocalMember;
import dev.drillbit.playground.LocalMessage;
import dev.drillbit.playground.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The learning loop through the real bot and the local Discord stand-in: /review serves what a member
 * missed once it is due and rates it, the daily reminder arrives by direct message (and is switched off
 * quietly for a member whose DMs are closed), /review export hands over the deck, /roadmap shows progress,
 * and a mock interview runs to its report and transcript. Each test has its own channel and members, so
 * decks and figures are its own; the shared clock only moves forward.
 */
class LearningEndToEndTest extends EndToEndTest {
    /** {@code member} misses one question of {@code step} with /question; returns it. */
    private Question miss(LocalMember member, LocalChannel room, String step) {
        return miss(member, room, step, null);
    }

    private Question miss(LocalMember member, LocalChannel room, String step, String difficulty) {
        Map<String, Object> options =
                difficulty == null ? Map.of("step", step) : Map.of("step", step, "difficulty", difficulty);
        LocalMessage message =
                h.discord.slash(member, room, "question", options).awaitReply(TIMEOUT);
        Question question = h.shown(message);
        LocalMessage reveal = h.answer(member, message, false).awaitReply(TIMEOUT);
        assertThat(reveal.embeds().toString()).doesNotContain("✅");
        return question;
    }

    /** Answers the review card {@code card} shows, right: the widgets of auto-graded cards, Good for open ones. */
    private LocalMessage reviewRight(LocalMember member, LocalMessage card) {
        if (h.shown(card) instanceof Question.Open) {
            LocalMessage model = h.discord
                    .click(member, card, button(card, AnswerAction.SHOW))
                    .awaitReply(TIMEOUT);
            assertThat(model.customIds())
                    .extracting(id -> id.substring(id.lastIndexOf(':') + 1))
                    .containsExactly(
                            ReviewAction.AGAIN.code(),
                            ReviewAction.HARD.code(),
                            ReviewAction.GOOD.code(),
                            ReviewAction.EASY.code());
            return h.discord
                    .click(member, model, button(model, ReviewAction.GOOD))
                    .awaitReply(TIMEOUT);
        }
        return h.answer(member, card, true).awaitReply(TIMEOUT);
    }

    @Test
    @DisplayName("a missed question comes back in /review a day later, is rated, and then nothing is due until"
            + " its next review")
    void reviewServesAMissedQuestionWhenDue() {
        LocalChannel room = room("review");
        LocalMember rita = h.discord.member(h.guild, "rita", false);
        Question missed = miss(rita, room, "caching");

        LocalMessage early = h.discord.slash(rita, room, "review start").awaitReply(TIMEOUT);
        assertThat(early.isEphemeral()).isTrue();
        clockForward(Duration.ofDays(1));

        LocalMessage card = h.discord.slash(rita, room, "review start").awaitReply(TIMEOUT);
        assertThat(card.isEphemeral()).isTrue();
        assertThat(h.shown(card).id()).isEqualTo(missed.id());
        assertThat(title(card)).startsWith("Review · Caching · ");
        assertThat(footer(card)).startsWith("Card 1 of 1 due · ");

        LocalMessage rated = reviewRight(rita, card);
        assertThat(title(rated)).containsPattern("rated (Easy|Good)|Rated Good");
        assertThat(field(rated, "This card comes back")).matches("in \\d+ days? \\(\\w{3} \\d\\d:\\d\\d UTC\\)");
        assertThat(footer(rated)).startsWith("That was the last card due. Next card: in ");

        LocalMessage nothing = h.discord.slash(rita, room, "review start").awaitReply(TIMEOUT);
        assertThat(nothing.content())
                .matches("Nothing due\\. Next card: in \\d+ days? \\(\\w{3} \\d\\d:\\d\\d UTC\\)\\.");
    }

    @Test
    @DisplayName("in /review an open card is rated with Again, Hard, Good or Easy, and a short answer is typed in the"
            + " form")
    void openCardsAreRatedByTheMemberAndShortAnswersTyped() {
        LocalChannel room = room("review-kinds");
        LocalMember olga = h.discord.member(h.guild, "olga", false);
        Question open = miss(olga, room, "internet", "senior");
        Question typed = miss(olga, room, "sql", "senior");
        assertThat(open).isInstanceOf(Question.Open.class);
        assertThat(typed).isInstanceOf(Question.ShortAnswer.class);
        clockForward(Duration.ofDays(1));

        LocalMessage first = h.discord.slash(olga, room, "review start").awaitReply(TIMEOUT);
        assertThat(h.shown(first).id()).isEqualTo(open.id());
        assertThat(footer(first)).startsWith("Card 1 of 2 due · ");
        LocalMessage model =
                h.discord.click(olga, first, button(first, AnswerAction.SHOW)).awaitReply(TIMEOUT);
        assertThat(field(model, "Model answer")).isEqualTo(((Question.Open) open).modelAnswer());
        LocalMessage rated =
                h.discord.click(olga, model, button(model, ReviewAction.HARD)).awaitReply(TIMEOUT);
        assertThat(title(rated)).isEqualTo("Rated Hard");
        assertThat(footer(rated)).isEqualTo("1 more card is due.");

        LocalMessage second =
                h.discord.click(olga, rated, button(rated, ReviewAction.NEXT)).awaitReply(TIMEOUT);
        assertThat(h.shown(second).id()).isEqualTo(typed.id());
        LocalMessage answered = h.answer(olga, second, false).awaitReply(TIMEOUT);
        assertThat(title(answered)).startsWith("❌ Not quite — you wrote \"something else entirely\" · rated Again");
        assertThat(footer(answered)).startsWith("That was the last card due. Next card: in ");
    }

    @Test
    @DisplayName("a member with an empty deck is told how cards get into it")
    void emptyDeck() {
        LocalMember newcomer = h.discord.member(h.guild, "newcomer", false);
        LocalMessage reply =
                h.discord.slash(newcomer, h.general, "review start").awaitReply(TIMEOUT);
        assertThat(reply.content()).startsWith("Your review deck is empty.");
    }

    @Test
    @DisplayName("/review remind on: the heartbeat sends one direct message a day while cards are due")
    void reminderArrivesByDirectMessageOnceADay() {
        LocalChannel room = room("remind");
        LocalMember remy = h.discord.member(h.guild, "remy", false);
        miss(remy, room, "sql");
        clockForward(Duration.ofDays(1));

        LocalMessage on = h.discord.slash(remy, room, "review remind on").awaitReply(TIMEOUT);
        assertThat(on.content()).startsWith("Daily review reminder on").contains("(1 due now)");
        h.bot.tick();

        LocalChannel dm = await().atMost(TIMEOUT)
                .until(() -> h.discord.directChannel(remy.user()), java.util.Optional::isPresent)
                .orElseThrow();
        LocalMessage reminder = h.discord.awaitMessage(dm, m -> true, TIMEOUT);
        assertThat(reminder.content())
                .isEqualTo("📚 You have 1 review card due in **Study Group**. Run `/review start`"
                        + " there to go through them; `/review remind off` stops these messages.");

        clockForward(Duration.ofMinutes(5));
        assertThat(h.discord.messages(dm)).hasSize(1);

        LocalMessage off = h.discord.slash(remy, room, "review remind off").awaitReply(TIMEOUT);
        assertThat(off.content()).isEqualTo("Daily review reminder off.");
    }

    @Test
    @DisplayName("a member whose direct messages are closed gets no reminder, and it is switched off without errors")
    void closedDirectMessagesSwitchTheReminderOff() {
        LocalChannel room = room("closed-dms");
        LocalMember dora = h.discord.member(h.guild, "dora", false);
        h.discord.closeDirectMessages(dora.user());
        miss(dora, room, "internet");
        clockForward(Duration.ofDays(1));

        h.discord.slash(dora, room, "review remind on").awaitReply(TIMEOUT);
        h.bot.tick();

        await().atMost(TIMEOUT).until(() -> reminderSwitchedOff(dora.user().id()));
        assertThat(h.discord.requests()).anySatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).endsWith("/messages");
            assertThat(r.body().map(Object::toString).orElse("")).contains("review card");
        });
    }

    /** Whether the store holds the member's reminder as switched off (here: the journal says so). */
    boolean reminderSwitchedOff(long userId) {
        return journals().contains("\"user\":" + userId + ",\"on\":false");
    }

    private String journals() {
        try (Stream<Path> files = Files.list(h.dataDir)) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("journal"))
                    .toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8));
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("/review export: the deck as an Anki CSV only the member gets")
    void exportGivesTheDeckAsAnkiCsv() {
        LocalChannel room = room("export");
        LocalMember erin = h.discord.member(h.guild, "erin", false);
        Question missed = miss(erin, room, "sql");

        LocalMessage reply = h.discord.slash(erin, room, "review export").awaitReply(TIMEOUT);
        assertThat(reply.isEphemeral()).isTrue();
        assertThat(reply.content()).startsWith("Your review deck: 1 card.");
        assertThat(reply.attachments())
                .extracting(a -> a.path("filename").asText())
                .containsExactly("drillbit-review-deck.csv");
        List<RecordedRequest.FilePart> files = new ArrayList<>();
        h.discord
                .requests()
                .forEach(r -> r.files().stream()
                        .filter(f -> "drillbit-review-deck.csv".equals(f.filename()))
                        .forEach(files::add));
        String csv = new String(files.get(files.size() - 1).bytes(), StandardCharsets.UTF_8);
        assertThat(csv)
                .startsWith("#separator:comma\r\n#html:false\r\n#columns:Front,Back,Tags\r\n#tags column:3\r\n")
                .contains("drillbit sql " + missed.difficulty().id() + "\r\n");
        assertThat(csv.replace("\"\"", "\""))
                .contains(missed.prompt().lines().findFirst().orElseThrow());
    }

    @Test
    @DisplayName("/roadmap shows the caller's mastery bars, reached checkpoints and the recommended next step;"
            + " /roadmap step adds their figures for that step")
    void roadmapShowsProgress() {
        LocalChannel room = room("progress");
        LocalMember rob = h.discord.member(h.guild, "rob", false);
        playSolo(rob, room, "internet", true, true, true, true);
        miss(rob, room, "sql");
        clockForward(Duration.ofDays(1));

        LocalMessage all = h.discord.slash(rob, room, "roadmap").awaitReply(TIMEOUT);
        assertThat(all.isEphemeral()).isTrue();
        assertThat(description(all))
                .contains(
                        "1. **How the internet works** · `internet` · 4 questions\n▰▰▰▰▰▰▰▰▰▰ 100% · 4 seen · ✅ checkpoint\n")
                .contains("2. **Relational databases and SQL** · `sql` · 3 questions\n▱▱▱▱▱▱▱▱▱▱ 0% · 1 seen\n")
                .contains("3. **Caching** · `caching` · 2 questions\n▱▱▱▱▱▱▱▱▱▱ 0% · 0 seen\n");
        assertThat(field(all, "Next step"))
                .isEqualTo("**Relational databases and SQL** (`sql`): lowest mastery among"
                        + " the steps you started. Practise it: /quiz start step:sql");

        LocalMessage sql =
                h.discord.slash(rob, room, "roadmap", Map.of("step", "sql")).awaitReply(TIMEOUT);
        assertThat(field(sql, "Your progress"))
                .isEqualTo(
                        "▱▱▱▱▱▱▱▱▱▱ 0% mastery\n1 of 3 questions seen · 0% right ·" + " 1 review due (/review start)");
        LocalMessage internet = h.discord
                .slash(rob, room, "roadmap", Map.of("step", "internet"))
                .awaitReply(TIMEOUT);
        assertThat(field(internet, "Your progress"))
                .startsWith("▰▰▰▰▰▰▰▰▰▰ 100% mastery · ✅ checkpoint reached\n"
                        + "4 of 4 questions seen · 100% right · 0 reviews due");
    }

    /** Answers the interview question {@code message} shows: written or thought through; returns the reveal. */
    private LocalMessage answerInterview(LocalMember member, LocalMessage message, boolean write) {
        assertThat(field(message, "Time limit")).matches("(\\d+ s|\\d+ min) · time's up <t:\\d+:R>");
        if (!write) {
            return h.discord
                    .click(member, message, button(message, InterviewAction.THINK))
                    .awaitReply(TIMEOUT);
        }
        InteractionHandle opened = h.discord.click(member, message, button(message, InterviewAction.WRITE));
        String modal = opened.awaitModal(TIMEOUT).path("custom_id").asText();
        return h.discord
                .submitModal(member, opened, modal, Map.of("answer", "It depends on the trade-offs"))
                .awaitReply(TIMEOUT);
    }

    /** Grades a revealed interview question: ticks the first key point, or "I knew it", or moves on. */
    private LocalMessage gradeInterview(LocalMember member, LocalMessage revealed) {
        List<String> ids = revealed.customIds();
        if (ids.stream().anyMatch(id -> id.endsWith(":" + InterviewAction.TICK.code()))) {
            return h.discord
                    .select(member, revealed, button(revealed, InterviewAction.TICK), "1")
                    .awaitReply(TIMEOUT);
        }
        if (ids.stream().anyMatch(id -> id.endsWith(":" + InterviewAction.KNEW.code()))) {
            return h.discord
                    .click(member, revealed, button(revealed, InterviewAction.KNEW))
                    .awaitReply(TIMEOUT);
        }
        return h.discord
                .click(member, revealed, button(revealed, InterviewAction.NONE))
                .awaitReply(TIMEOUT);
    }

    @Test
    @DisplayName("a mock interview runs question by question to its report, with the transcript as a Markdown file")
    void mockInterviewToItsReport() {
        LocalChannel room = room("interview");
        LocalMember ivy = h.discord.member(h.guild, "ivy", false);
        LocalMessage message =
                h.discord.slash(ivy, room, "interview", Map.of("length", 3)).awaitReply(TIMEOUT);
        assertThat(message.isEphemeral()).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(title(message)).startsWith("Mock interview · Question " + (i + 1) + "/3 · ");
            Question asked = h.shown(message);
            assertThat(asked.type())
                    .isIn(dev.drillbit.bank.QuestionType.OPEN, dev.drillbit.bank.QuestionType.SHORT_ANSWER);
            LocalMessage revealed = answerInterview(ivy, message, i == 0);
            assertThat(field(revealed, asked instanceof Question.Open ? "Model answer" : "Accepted answer"))
                    .isNotBlank();
            message = gradeInterview(ivy, revealed);
            if (i < 2) {
                assertThat(message.content()).startsWith("Question " + (i + 1) + ": ");
            }
        }
        assertThat(title(message)).matches("Mock interview report · mid level · \\d+%");
        assertThat(description(message).lines()).hasSize(3);
        assertThat(message.embeds().path(0).path("fields"))
                .extracting(f -> f.path("name").asText())
                .containsExactly("Strong", "Weak", "What to review", "Added to your review deck");
        assertThat(message.components()).isEmpty();
        assertThat(message.attachments())
                .extracting(a -> a.path("filename").asText())
                .singleElement()
                .asString()
                .matches("mock-interview-\\d{4}-\\d\\d-\\d\\d-[0-9a-z]{8}\\.md");
        String name = message.attachments().path(0).path("filename").asText();
        List<RecordedRequest.FilePart> files = new ArrayList<>();
        h.discord
                .requests()
                .forEach(r -> r.files().stream()
                        .filter(f -> name.equals(f.filename()))
                        .forEach(files::add));
        String transcript = new String(files.get(0).bytes(), StandardCharsets.UTF_8);
        assertThat(transcript)
                .startsWith("# Mock interview: mid level\n")
                .contains("## 1. ", "## 2. ", "## 3. ", "> It depends on the trade-offs", "## Report");
    }

    @Test
    @DisplayName("an interview left idle expires on the heartbeat, and its old buttons say it has ended")
    void idleInterviewExpires() {
        LocalChannel room = room("idle-interview");
        LocalMember ida = h.discord.member(h.guild, "ida", false);
        LocalMessage message = h.discord
                .slash(ida, room, "interview", Map.of("level", "junior", "length", 3))
                .awaitReply(TIMEOUT);
        clockForward(Duration.ofMinutes(31));

        LocalMessage stale = h.discord
                .click(ida, message, button(message, InterviewAction.THINK))
                .awaitReply(TIMEOUT);
        assertThat(stale.isEphemeral()).isTrue();
        assertThat(stale.content()).startsWith("This mock interview has ended");
    }
}
