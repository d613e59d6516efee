package dev.drillbit.e2e;

import static dev.drillbit.testsupport.BotHarness.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drillbit.playground.LocalChannel;
import dev.drillbit.playground.LocalMember;
import dev.drillbit.playground.LocalMessage;
import dev.drillbit.playground.RecordedRequest;
import dev.drillbit.progress.AnswerCsv;
import dev.drillbit.testsupport.BotHarness;
import dev.drillbit.testsupport.Fixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Scores through the real bot and the local Discord stand-in: answers are recorded, and /leaderboard,
 * /stats and /data show and erase them. Each test has its own channel and its own members, so the
 * figures it checks are its own; the leaderboard test has a bot (and data folder) of its own, since a
 * leaderboard counts the whole server.
 */
class ScoresEndToEndTest extends EndToEndTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** The files the bot uploaded with its requests (multipart parts), newest last. */
    private List<RecordedRequest.FilePart> uploaded(String filename) {
        List<RecordedRequest.FilePart> files = new ArrayList<>();
        for (RecordedRequest request : h.discord.requests()) {
            request.files().stream().filter(f -> filename.equals(f.filename())).forEach(files::add);
        }
        return files;
    }

    @Test
    @DisplayName("answers count on /leaderboard with ranks and the caller's place, and survive a restart")
    void leaderboardCountsAnswersAndSurvivesARestart() throws Exception {
        try (BotHarness own = new BotHarness(Fixtures.goodBank())) {
            LocalChannel room = own.discord.channel(own.guild, "scores");
            int alice = own.playSolo(own.alice, room, "internet", true, true, true, true);
            LocalMessage single = own.discord
                    .slash(own.bob, room, "question", Map.of("step", "sql"))
                    .awaitReply(TIMEOUT);
            LocalMessage bobReveal = own.answer(own.bob, single, true).awaitReply(TIMEOUT);
            int bob = points(bobReveal);
            assertThat(bob).isPositive();
            assertThat(alice).isGreaterThan(bob);

            LocalMessage board = own.discord.slash(own.bob, room, "leaderboard").awaitReply(TIMEOUT);

            assertThat(board.isEphemeral()).isFalse();
            assertThat(title(board)).isEqualTo("Leaderboard · All time");
            assertThat(description(board))
                    .isEqualTo("🥇 <@" + own.alice.id() + "> — **" + alice + "** points\n" + "🥈 <@" + own.bob.id()
                            + "> — **" + bob + "** points");
            assertThat(field(board, "Your place")).isEqualTo("#2 of 2 · **" + bob + "** points");
            assertThat(board.json().path("mentions")).isEmpty();
            assertThat(own.discord.requests())
                    .filteredOn(r -> r.body()
                            .map(b -> b.path("data")
                                    .path("embeds")
                                    .path(0)
                                    .path("title")
                                    .asText()
                                    .startsWith("Leaderboard"))
                            .orElse(false))
                    .isNotEmpty()
                    .allSatisfy(r -> {
                        // path() never gives null, and a missing node is an empty one: check the object is there
                        JsonNode allowed = r.body().orElseThrow().path("data").path("allowed_mentions");
                        assertThat(allowed.isObject())
                                .as("allowed_mentions is set: %s", r)
                                .isTrue();
                        assertThat(allowed.path("parse")).isEmpty();
                    });
            LocalMessage forCarol = own.discord
                    .slash(own.carol, room, "leaderboard", Map.of("period", "today", "step", "sql"))
                    .awaitReply(TIMEOUT);
            assertThat(title(forCarol)).isEqualTo("Leaderboard · Today · Relational databases and SQL");
            assertThat(description(forCarol)).isEqualTo("🥇 <@" + own.bob.id() + "> — **" + bob + "** points");
            assertThat(field(forCarol, "Your place")).isEqualTo("No points today yet.");
            own.assertBehavedLikeOnDiscord();

            own.restartBot();

            LocalMessage after = own.discord
                    .slash(own.alice, room, "leaderboard", Map.of("period", "week"))
                    .awaitReply(TIMEOUT);
            assertThat(description(after)).isEqualTo(description(board));
            assertThat(field(after, "Your place")).isEqualTo("#1 of 2 · **" + alice + "** points");
            own.assertBehavedLikeOnDiscord();
        }
    }

    @Test
    void leaderboardRefusesAnUnknownStep() {
        LocalChannel room = room("board-step");
        LocalMessage reply = h.discord
                .slash(h.alice, room, "leaderboard", Map.of("step", "kubernetes"))
                .awaitReply(TIMEOUT);
        assertThat(reply.isEphemeral()).isTrue();
        assertThat(reply.content()).startsWith("There is no roadmap step called \"kubernetes\"");
        assertThat(h.discord
                        .autocomplete(h.alice, room, "leaderboard", "step", "sq", Map.of())
                        .awaitChoices(TIMEOUT))
                .extracting(c -> c.path("value").asText())
                .containsExactly("sql");
    }

    @Test
    @DisplayName("/stats show: figures per step and difficulty, with the accuracy chart attached as a valid PNG")
    void statsShowAttachesAPngChart() throws Exception {
        LocalMember eve = h.discord.member(h.guild, "eve", false);
        LocalChannel room = room("stats");
        int points = playSolo(eve, room, "sql", true, false);

        LocalMessage stats = h.discord.slash(eve, room, "stats show").awaitReply(TIMEOUT);

        assertThat(stats.isEphemeral()).isTrue();
        assertThat(description(stats)).isEqualTo("<@" + eve.id() + "> · **" + points + "** points");
        assertThat(field(stats, "Answered")).isEqualTo("2");
        assertThat(field(stats, "Accuracy")).isEqualTo("50% (1/2)");
        assertThat(field(stats, "By step")).isEqualTo("Relational databases and SQL: 50% (1/2)");
        assertThat(field(stats, "Streak")).isEqualTo("1 day now · best 1 day");
        assertThat(stats.embeds().path(0).path("image").path("url").asText()).endsWith("accuracy.png");
        assertThat(stats.attachments())
                .extracting(a -> a.path("filename").asText())
                .containsExactly("accuracy.png");
        List<RecordedRequest.FilePart> charts = uploaded("accuracy.png");
        assertThat(charts).isNotEmpty();
        byte[] png = charts.get(charts.size() - 1).bytes();
        assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(400);

        LocalMessage other = h.discord
                .slash(h.bob, room, "stats show", Map.of("member", eve))
                .awaitReply(TIMEOUT);
        assertThat(description(other)).isEqualTo(description(stats));
        LocalMember nobody = h.discord.member(h.guild, "newcomer", false);
        assertThat(h.discord
                        .slash(nobody, room, "stats show")
                        .awaitReply(TIMEOUT)
                        .content())
                .isEqualTo("You have not answered anything in this server yet. Start with /quiz start or /question.");
    }

    @Test
    @DisplayName("/stats export: the caller's own answers as CSV, privately")
    void statsExportIsCsvOfTheCallersAnswers() {
        LocalMember fay = h.discord.member(h.guild, "fay", false);
        LocalChannel room = room("export");
        playSolo(fay, room, "internet", true, false, true);

        LocalMessage export = h.discord.slash(fay, room, "stats export").awaitReply(TIMEOUT);

        assertThat(export.isEphemeral()).isTrue();
        assertThat(export.content()).isEqualTo("Your 3 answers in this server, oldest first, as CSV.");
        assertThat(export.attachments())
                .extracting(a -> a.path("filename").asText())
                .containsExactly("drillbit-answers.csv");
        List<RecordedRequest.FilePart> files = uploaded("drillbit-answers.csv");
        String csv = new String(files.get(files.size() - 1).bytes(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo(String.join(",", AnswerCsv.HEADER));
        assertThat(lines.subList(1, 4))
                .allSatisfy(l -> assertThat(l)
                        .contains("," + h.guild.id() + "," + fay.id() + ",")
                        .contains(",internet,"));
        assertThat(lines.subList(1, 4)).extracting(l -> l.split(",")[8]).containsExactly("true", "false", "true");
        assertThat(csv).contains("\r\n");
    }

    @Test
    @DisplayName("/data forget: refused for a member without Manage Server, erases for an admin")
    void dataForgetNeedsManageServer() {
        LocalMember gus = h.discord.member(h.guild, "gus", false);
        LocalChannel room = room("forget");
        playSolo(gus, room, "caching", true);
        assertThat(h.discord
                        .command(h.guild, "data")
                        .orElseThrow()
                        .path("default_member_permissions")
                        .asText())
                .isEqualTo("32");

        LocalMessage refused = h.discord
                .slash(h.bob, room, "data forget", Map.of("member", gus))
                .awaitReply(TIMEOUT);
        assertThat(refused.isEphemeral()).isTrue();
        assertThat(refused.content())
                .isEqualTo("Only members with the Manage Server permission can erase someone's data.");
        assertThat(h.discord.slash(gus, room, "stats show").awaitReply(TIMEOUT).embeds())
                .isNotEmpty();

        LocalMessage erased = h.discord
                .slash(h.carol, room, "data forget", Map.of("member", gus))
                .awaitReply(TIMEOUT);

        assertThat(erased.isEphemeral()).isTrue();
        assertThat(erased.content()).startsWith("Erased <@" + gus.id() + ">'s answers, points and streaks");
        assertThat(h.discord.slash(gus, room, "stats show").awaitReply(TIMEOUT).content())
                .startsWith("You have not answered anything in this server yet.");
        assertThat(h.discord
                        .slash(h.carol, room, "data forget", Map.of("member", gus))
                        .awaitReply(TIMEOUT)
                        .content())
                .isEqualTo("There was nothing stored for <@" + gus.id() + "> in this server.");
    }

    @Test
    @DisplayName("group answers are recorded as they are given, before the question closes")
    void groupAnswersAreRecorded() {
        LocalMember hal = h.discord.member(h.guild, "hal", false);
        LocalMember ida = h.discord.member(h.guild, "ida", false);
        LocalChannel room = room("group-scores");
        h.discord
                .slash(h.carol, room, "quiz start", Map.of("mode", "group", "count", 1, "step", "sql"))
                .awaitReply(TIMEOUT);
        LocalChannel thread = await().atMost(TIMEOUT)
                .until(
                        () -> h.discord.channels().stream()
                                .filter(c -> c.isThread() && c.parentId() == room.id())
                                .findFirst(),
                        Optional::isPresent)
                .get();
        LocalMessage question = h.discord.awaitMessage(thread, m -> title(m).startsWith("Question · "), TIMEOUT);

        LocalMessage halNote = h.answer(hal, question, true).awaitReply(TIMEOUT);
        LocalMessage idaNote = h.answer(ida, question, false).awaitReply(TIMEOUT);

        assertThat(halNote.isEphemeral()).isTrue();
        assertThat(idaNote.isEphemeral()).isTrue();
        LocalMessage halStats = h.discord.slash(hal, room, "stats show").awaitReply(TIMEOUT);
        assertThat(field(halStats, "Answered")).isEqualTo("1");
        assertThat(field(halStats, "Accuracy")).isEqualTo("100% (1/1)");
        assertThat(field(h.discord.slash(ida, room, "stats show").awaitReply(TIMEOUT), "Accuracy"))
                .isEqualTo("0% (0/1)");
    }
}
