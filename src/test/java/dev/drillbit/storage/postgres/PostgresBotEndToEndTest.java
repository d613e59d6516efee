package dev.drillbit.storage.postgres;

import static dev.drillbit.testsupport.BotHarness.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drillbit.playground.InteractionHandle;
import dev.drillbit.playground.LocalChannel;
import dev.drillbit.playground.LocalMessage;
import dev.drillbit.testsupport.BotHarness;
import dev.drillbit.testsupport.Fixtures;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    @DisplayName("while the database restarts an answer is told it was not saved; after, the same answer counts")
    void databaseRestartWhileAnswering(@TempDir Path dir) throws Exception {
        try (RestartablePostgres server = RestartablePostgres.start(dir.resolve("pg"));
                BotHarness h = new BotHarness(Fixtures.goodBank(), false, server.storage())) {
            LocalChannel room = h.discord.channel(h.guild, "restart");
            int before = h.playSolo(h.alice, room, "internet", true);
            LocalMessage question = h.discord
                    .slash(h.alice, room, "quiz start", Map.of("step", "sql", "count", 1))
                    .awaitReply(TIMEOUT);

            server.stop();
            InteractionHandle refused = h.answer(h.alice, question, true);
            LocalMessage note = refused.awaitFollowUp(0, TIMEOUT);
            server.startAgain();

            assertThat(note.content()).startsWith("⚠️ Your answer could not be saved, so it was not counted.");
            LocalMessage reveal = await().atMost(TIMEOUT)
                    .until(() -> h.answer(h.alice, question, true).reply().get(), m -> BotHarness.points(m) > 0);
            int after = BotHarness.points(reveal);
            LocalMessage board = h.discord.slash(h.bob, room, "leaderboard").awaitReply(TIMEOUT);
            assertThat(board.embeds().path(0).path("description").asText())
                    .contains("<@" + h.alice.id() + "> — **" + (before + after) + "** points");
            assertThat(h.schemaViolations()).isEmpty();
            assertThat(h.jdaLog.lines()).isEmpty();
            assertThat(h.botLog.lines())
                    .isNotEmpty()
                    .allSatisfy(l -> assertThat(l).containsAnyOf("Lost the connection to PostgreSQL", "not saved"));
        }
    }
}
