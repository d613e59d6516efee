package dev.drillbit.e2e;

import static dev.drillbit.testsupport.BotHarness.TIMEOUT;
import static dev.drillbit.testsupport.BotHarness.button;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drillbit.bank.Question;
import dev.drillbit.discord.MeAction;
import dev.drillbit.playground.LocalChannel;
import dev.drillbit.playground.LocalMember;
import dev.drillbit.playground.LocalMessage;
import dev.drillbit.playground.RecordedRequest;
import dev.drillbit.testsupport.BotHarness;
import dev.drillbit.testsupport.Fixtures;
import java.io.IOException;
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
 * Practising anywhere, in servers: one person in two servers keeps one review deck and one roadmap, and
 * separate points per server; one reminder a day whatever servers they are in; {@code /me export} hands
 * over everything about them, {@code /me forget} erases it from every server and the data folder.
 */
class AnywhereEndToEndTest extends EndToEndTest {

    @Override
    BotHarness startHarness() throws InterruptedException {
        return new BotHarness(Fixtures.goodBank(), true);
    }

    /** The person as a member of both servers, with a room in each. */
    private record Both(LocalMember here, LocalMember there, LocalChannel hereRoom, LocalChannel thereRoom) {}

    private Both inBoth(String name) {
        LocalMember here = h.discord.member(h.guild, name, false);
        LocalMember there = h.discord.join(h.otherGuild, here.user(), false);
        return new Both(here, there, room(name), h.discord.channel(h.otherGuild, name));
    }

    private Question miss(LocalMember member, LocalChannel room, String step) {
        LocalMessage message =
                h.discord.slash(member, room, "question", Map.of("step", step)).awaitReply(TIMEOUT);
        Question question = h.shown(message);
        h.answer(member, message, false).awaitReply(TIMEOUT);
        return question;
    }

    @Test
    @DisplayName("a member practising in two servers has one deck and one roadmap, and separate points per server")
    void oneDeckTwoBoards() {
        Both paula = inBoth("paula");
        // WHEN she misses a question in each server and scores in the second
        Question missedHere = miss(paula.here(), paula.hereRoom(), "sql");
        Question missedThere = miss(paula.there(), paula.thereRoom(), "caching");
        int points = h.playSolo(paula.there(), paula.thereRoom(), "internet", true);
        clockForward(Duration.ofDays(1));

        // THEN /review in either server shows both cards
        for (var place :
                List.of(Map.entry(paula.here(), paula.hereRoom()), Map.entry(paula.there(), paula.thereRoom()))) {
            LocalMessage card = h.discord
                    .slash(place.getKey(), place.getValue(), "review start")
                    .awaitReply(TIMEOUT);
            assertThat(footer(card)).startsWith("Card 1 of 2 due · ");
            assertThat(List.of(missedHere.id(), missedThere.id()))
                    .contains(h.shown(card).id());
        }
        // the roadmap reads the same in both
        String roadmapHere = h.discord
                .slash(paula.here(), paula.hereRoom(), "roadmap")
                .awaitReply(TIMEOUT)
                .embeds()
                .toString();
        String roadmapThere = h.discord
                .slash(paula.there(), paula.thereRoom(), "roadmap")
                .awaitReply(TIMEOUT)
                .embeds()
                .toString();
        assertThat(roadmapHere).isEqualTo(roadmapThere);
        // and the points stay where they were scored
        assertThat(points).isPositive();
        String statsHere = h.discord
                .slash(paula.here(), paula.hereRoom(), "stats show")
                .awaitReply(TIMEOUT)
                .embeds()
                .toString();
        String statsThere = h.discord
                .slash(paula.there(), paula.thereRoom(), "stats show")
                .awaitReply(TIMEOUT)
                .embeds()
                .toString();
        assertThat(statsHere).doesNotContain(points + " points");
        assertThat(statsThere).contains(Integer.toString(points));
    }

    @Test
    @DisplayName("the reminder is the person's: on in two servers, still one direct message a day")
    void oneReminderADayAcrossServers() {
        Both rosa = inBoth("rosa");
        miss(rosa.here(), rosa.hereRoom(), "sql");
        miss(rosa.there(), rosa.thereRoom(), "caching");
        clockForward(Duration.ofDays(1));

        h.discord.slash(rosa.here(), rosa.hereRoom(), "review remind on").awaitReply(TIMEOUT);
        h.discord.slash(rosa.there(), rosa.thereRoom(), "review remind on").awaitReply(TIMEOUT);
        h.bot.tick();
        LocalChannel dm = await().atMost(TIMEOUT)
                .until(() -> h.discord.directChannel(rosa.here().user()), java.util.Optional::isPresent)
                .orElseThrow();
        LocalMessage reminder = h.discord.awaitMessage(dm, m -> true, TIMEOUT);
        assertThat(reminder.content()).startsWith("📚 You have 2 review cards due.");

        clockForward(Duration.ofHours(2));
        assertThat(h.discord.messages(dm)).hasSize(1);
        clockForward(Duration.ofDays(1));
        await().atMost(TIMEOUT).until(() -> h.discord.messages(dm).size() == 2);
    }

    @Test
    @DisplayName("/me export: answers from both servers, points per server and the deck, only to the member")
    void exportEverything() {
        Both edda = inBoth("edda");
        miss(edda.here(), edda.hereRoom(), "sql");
        h.playSolo(edda.there(), edda.thereRoom(), "internet", true);

        LocalMessage reply =
                h.discord.slash(edda.there(), edda.thereRoom(), "me export").awaitReply(TIMEOUT);

        assertThat(reply.isEphemeral()).isTrue();
        assertThat(reply.content()).startsWith("Everything drillbit keeps about you: 2 answers");
        assertThat(reply.attachments())
                .extracting(a -> a.path("filename").asText())
                .containsExactly("drillbit-answers.csv", "drillbit-points.csv", "drillbit-deck.csv");
        String answers = lastFile("drillbit-answers.csv");
        assertThat(answers.lines().skip(1))
                .hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("," + h.guild.idString() + ","))
                .anySatisfy(l -> assertThat(l).contains("," + h.otherGuild.idString() + ","));
        assertThat(lastFile("drillbit-points.csv").lines().skip(1))
                .extracting(l -> l.substring(0, l.indexOf(',')))
                .containsExactlyInAnyOrder(h.guild.idString(), h.otherGuild.idString());
    }

    @Test
    @DisplayName("/me forget: after the button, nothing of the member is left in either server or the data folder")
    void forgetEverything() throws IOException {
        Both finn = inBoth("finn");
        miss(finn.here(), finn.hereRoom(), "sql");
        h.playSolo(finn.there(), finn.thereRoom(), "internet", true);
        h.discord.slash(finn.there(), finn.thereRoom(), "review remind on").awaitReply(TIMEOUT);

        LocalMessage ask =
                h.discord.slash(finn.here(), finn.hereRoom(), "me forget").awaitReply(TIMEOUT);
        assertThat(ask.isEphemeral()).isTrue();
        assertThat(ask.content()).contains("erases **everything**");
        LocalMessage done =
                h.discord.click(finn.here(), ask, button(ask, MeAction.FORGET)).awaitReply(TIMEOUT);

        assertThat(done.content()).startsWith("Erased everything drillbit kept about you");
        assertThat(done.customIds()).isEmpty();
        assertThat(h.discord
                        .slash(finn.there(), finn.thereRoom(), "review start")
                        .awaitReply(TIMEOUT)
                        .content())
                .startsWith("Your review deck is empty.");
        assertThat(h.discord
                        .slash(finn.there(), finn.thereRoom(), "me export")
                        .awaitReply(TIMEOUT)
                        .content())
                .isEqualTo("drillbit keeps nothing about you yet.");
        assertNothingStoredOf(finn.here().user().id());
    }

    /** Nothing in the bot's storage names the user: no file in the data folder holds the id. */
    void assertNothingStoredOf(long userId) throws IOException {
        assertThat(filesHolding(Long.toUnsignedString(userId))).isEmpty();
    }

    @Test
    @DisplayName("/me forget: Cancel erases nothing")
    void cancelForget() {
        Both cara = inBoth("cara");
        miss(cara.here(), cara.hereRoom(), "sql");
        LocalMessage ask =
                h.discord.slash(cara.here(), cara.hereRoom(), "me forget").awaitReply(TIMEOUT);

        LocalMessage kept =
                h.discord.click(cara.here(), ask, button(ask, MeAction.CANCEL)).awaitReply(TIMEOUT);

        assertThat(kept.content()).isEqualTo("Nothing was erased.");
        assertThat(h.discord
                        .slash(cara.there(), cara.thereRoom(), "review export")
                        .awaitReply(TIMEOUT)
                        .content())
                .startsWith("Your review deck: 1 card.");
    }

    private String lastFile(String name) {
        List<RecordedRequest.FilePart> files = new ArrayList<>();
        h.discord
                .requests()
                .forEach(r -> r.files().stream()
                        .filter(f -> name.equals(f.filename()))
                        .forEach(files::add));
        return new String(files.get(files.size() - 1).bytes(), StandardCharsets.UTF_8);
    }

    private List<Path> filesHolding(String id) throws IOException {
        try (Stream<Path> files = Files.walk(h.dataDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        try {
                            return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(id);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }
}
