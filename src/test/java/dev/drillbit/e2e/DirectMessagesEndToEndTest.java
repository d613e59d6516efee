package dev.drillbit.e2e;

import static dev.drillbit.testsupport.BotHarness.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbit.bank.Question;
import dev.drillbit.config.Config;
import dev.drillbit.discord.InterviewAction;
import dev.drillbit.playground.LocalChannel;
import dev.drillbit.playground.LocalGuild;
import dev.drillbit.playground.LocalMember;
import dev.drillbit.playground.LocalMessage;
import dev.drillbit.testsupport.BotHarness;
import dev.drillbit.testsupport.Fixtures;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Practising outside servers with the bot, with the commands registered globally as in production: in the
 * member's DM with the bot, and through the member's own install in a server that never added drillbit
 * (replies private, nothing fails, answers count for the person and on no server's board).
 */
class DirectMessagesEndToEndTest extends EndToEndTest {

    @Override
    BotHarness startHarness() throws InterruptedException {
        return new BotHarness(Fixtures.goodBank(), 0, Config.Storage.FLATFILE, true);
    }

    private Question miss(LocalMember member, LocalChannel where, String step) {
        LocalMessage message =
                h.discord.slash(member, where, "question", Map.of("step", step)).awaitReply(TIMEOUT);
        Question question = h.shown(message);
        h.answer(member, message, false).awaitReply(TIMEOUT);
        return question;
    }

    @Test
    @DisplayName("a question missed in DMs comes back in the server's /review: one deck, wherever answered")
    void deckFollowsTheMemberFromDms() {
        LocalMember dana = h.discord.member(h.guild, "dana", false);
        LocalChannel dm = h.discord.openDirect(dana.user());

        Question missed = miss(dana, dm, "sql");
        clockForward(Duration.ofDays(1));

        LocalMessage card = h.discord.slash(dana, room("dana"), "review start").awaitReply(TIMEOUT);
        assertThat(h.shown(card).id()).isEqualTo(missed.id());
        LocalMessage inDm = h.discord.slash(dana, dm, "review start").awaitReply(TIMEOUT);
        assertThat(h.shown(inDm).id()).isEqualTo(missed.id());
    }

    @Test
    @DisplayName("points scored in DMs count for the member alone: not on the server's board or stats")
    void dmPointsStayOffServerBoards() {
        LocalMember dirk = h.discord.member(h.guild, "dirk", false);
        LocalChannel dm = h.discord.openDirect(dirk.user());
        assertThat(h.discord.slash(dirk, dm, "stats show").awaitReply(TIMEOUT).content())
                .isEqualTo("You have not answered anything outside servers yet. Start with /quiz start or /question.");

        int points = h.playSolo(dirk, dm, "internet", true, true);

        assertThat(points).isPositive();
        assertThat(h.discord
                        .slash(dirk, room("dirk"), "stats show")
                        .awaitReply(TIMEOUT)
                        .content())
                .startsWith("You have not answered anything in this server yet.");
        assertThat(h.discord
                        .slash(dirk, dm, "stats show")
                        .awaitReply(TIMEOUT)
                        .embeds()
                        .toString())
                .contains(Integer.toString(points));
        assertThat(h.discord
                        .slash(dirk, room("dirk-board"), "leaderboard")
                        .awaitReply(TIMEOUT)
                        .embeds()
                        .toString())
                .doesNotContain("<@" + dirk.id() + ">");
    }

    @Test
    @DisplayName("in a server without the bot, the member's own install answers privately and nothing fails")
    void userInstallInAServerWithoutTheBot() {
        LocalGuild elsewhere = h.discord.guildWithoutBot("Elsewhere");
        LocalChannel chat = h.discord.channel(elsewhere, "chat");
        LocalMember uma = h.discord.member(elsewhere, "uma", false);

        LocalMessage question =
                h.discord.slash(uma, chat, "question", Map.of("step", "sql")).awaitReply(TIMEOUT);
        assertThat(question.isEphemeral()).isTrue();
        LocalMessage reveal = h.answer(uma, question, true).awaitReply(TIMEOUT);
        assertThat(reveal.isEphemeral()).isTrue();
        assertThat(reveal.embeds().path(0).path("title").asText()).startsWith("✅");

        LocalMessage group = h.discord
                .slash(uma, chat, "quiz start", Map.of("step", "sql", "mode", "group"))
                .awaitReply(TIMEOUT);
        assertThat(group.isEphemeral()).isTrue();
        assertThat(group.content()).startsWith("A group quiz needs drillbit in this server");
        // Discord does not offer the server-only commands there at all
        assertThatThrownBy(() -> h.discord.slash(uma, chat, "leaderboard"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaderboard");
    }

    @Test
    @DisplayName("with \"Use External Apps\" off, Discord makes every reply private, and a solo quiz still plays")
    void externalAppsOff() {
        LocalGuild strict = h.discord.guildWithoutBot("Strict");
        h.discord.externalApps(strict, false);
        LocalChannel chat = h.discord.channel(strict, "chat");
        LocalMember sam = h.discord.member(strict, "sam", false);

        int points = h.playSolo(sam, chat, "internet", true);

        assertThat(points).isPositive();
        assertThat(h.discord.messages(chat))
                .allSatisfy(m -> assertThat(m.isEphemeral()).isTrue());
    }

    @Test
    @DisplayName("a mock interview runs in DMs to its report and transcript")
    void interviewInDms() {
        LocalMember iris = h.discord.member(h.guild, "iris", false);
        LocalChannel dm = h.discord.openDirect(iris.user());

        LocalMessage message =
                h.discord.slash(iris, dm, "interview", Map.of("length", 3)).awaitReply(TIMEOUT);
        for (int i = 0; i < 3; i++) {
            LocalMessage revealed = h.discord
                    .click(iris, message, BotHarness.button(message, InterviewAction.THINK))
                    .awaitReply(TIMEOUT);
            InterviewAction grade =
                    revealed.customIds().stream().anyMatch(id -> id.endsWith(":" + InterviewAction.KNEW.code()))
                            ? InterviewAction.KNEW
                            : InterviewAction.NONE;
            message = h.discord
                    .click(iris, revealed, BotHarness.button(revealed, grade))
                    .awaitReply(TIMEOUT);
        }

        assertThat(title(message)).startsWith("Mock interview report · mid level · ");
        assertThat(message.attachments()).hasSize(1);
        assertThat(h.discord.messages(dm)).isNotEmpty();
    }
}
