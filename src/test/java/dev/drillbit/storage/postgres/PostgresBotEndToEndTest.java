package dev.drillbit.storage.postgres;

import static dev.drillbit.testsupport.BotHarness.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.playground.LocalChannel;
import dev.drillbit.playground.LocalMessage;
import dev.drillbit.testsupport.BotHarness;
import dev.drillbit.testsupport.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The real bot on PostgreSQL ({@code storage.type = "postgres"}, a fresh schema named in the URL) through the
 * local Discord stand-in: scores, the leaderboard and stats across a restart, and /data forget. The first
 * end-to-end slice on the database; the rest of the end-to-end suite still runs on the flat files only.
 */
class PostgresBotEndToEndTest {
    private static String title(LocalMessage message) {
        return message.embeds().path(0).path("title").asText();
    }

    @Test
    @DisplayName("answers count on /leaderboard and /stats, survive a restart, and /data forget erases them")
    void scoresOnPostgres() throws Exception {
        try (BotHarness h = new BotHarness(Fixtures.goodBank(), false, TestPostgres.freshStorageConfig())) {
            LocalChannel room = h.discord.channel(h.guild, "scores");
            int alice = h.playSolo(h.alice, room, "internet", true, true, false);
            int bob = h.playSolo(h.bob, room, "sql", true);
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
