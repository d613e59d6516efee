package dev.drillbit.storage.postgres;

import static dev.drillbit.testsupport.BotHarness.TIMEOUT;
import static dev.drillbit.testsupport.BotHarness.button;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.discord.QuizAction;
import dev.drillbit.playground.LocalChannel;
import dev.drillbit.playground.LocalMember;
import dev.drillbit.playground.LocalMessage;
import dev.drillbit.testsupport.BotHarness;
import dev.drillbit.testsupport.Fixtures;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The real bot on PostgreSQL ({@code storage.type = "postgres"}, a fresh schema named in the URL) through the
 * local Discord stand-in: scores, the leaderboard and stats across a restart, and /data forget. The first
 * end-to-end slice on the database; the rest of the end-to-end suite still runs on the flat files only.
 */
class PostgresBotEndToEndTest {
    private static final Pattern POINTS = Pattern.compile("\\+(\\d+) points$");

    private static String title(LocalMessage message) {
        return message.embeds().path(0).path("title").asText();
    }

    private static int playSolo(BotHarness h, LocalMember member, LocalChannel room, String step, boolean... rights) {
        LocalMessage message = h.discord
                .slash(member, room, "quiz start", Map.of("step", step, "count", rights.length))
                .awaitReply(TIMEOUT);
        int points = 0;
        for (boolean right : rights) {
            LocalMessage reveal = h.answer(member, message, right).awaitReply(TIMEOUT);
            Matcher m = POINTS.matcher(title(reveal));
            points += m.find() ? Integer.parseInt(m.group(1)) : 0;
            message = h.discord
                    .click(member, reveal, button(reveal, QuizAction.NEXT))
                    .awaitReply(TIMEOUT);
        }
        return points;
    }

    @Test
    @DisplayName("answers count on /leaderboard and /stats, survive a restart, and /data forget erases them")
    void scoresOnPostgres() throws Exception {
        try (BotHarness h = new BotHarness(Fixtures.goodBank(), false, TestPostgres.freshStorageConfig())) {
            LocalChannel room = h.discord.channel(h.guild, "scores");
            int alice = playSolo(h, h.alice, room, "internet", true, true, false);
            int bob = playSolo(h, h.bob, room, "sql", true);
            assertThat(alice).isGreaterThan(0);

            LocalMessage board = h.discord.slash(h.bob, room, "leaderboard").awaitReply(TIMEOUT);
            assertThat(title(board)).isEqualTo("Leaderboard · All time");
            String standings = board.embeds().path(0).path("description").asText();
            assertThat(standings)
                    .contains("<@" + h.alice.id() + "> — **" + alice + "** points")
                    .contains("<@" + h.bob.id() + "> — **" + bob + "** points");

            h.restartBot();

            LocalMessage after = h.discord
                    .slash(h.alice, room, "leaderboard", Map.of("period", "week"))
                    .awaitReply(TIMEOUT);
            assertThat(after.embeds().path(0).path("description").asText()).isEqualTo(standings);
            assertThat(h.discord
                            .slash(h.alice, room, "stats show")
                            .awaitReply(TIMEOUT)
                            .embeds())
                    .isNotEmpty();

            LocalMessage erased = h.discord
                    .slash(h.carol, room, "data forget", Map.of("member", h.alice))
                    .awaitReply(TIMEOUT);
            assertThat(erased.content()).startsWith("Erased <@" + h.alice.id() + ">'s answers, points and streaks");
            assertThat(h.discord
                            .slash(h.alice, room, "stats show")
                            .awaitReply(TIMEOUT)
                            .content())
                    .startsWith("You have not answered anything in this server yet.");
            h.assertBehavedLikeOnDiscord();
        }
    }
}
