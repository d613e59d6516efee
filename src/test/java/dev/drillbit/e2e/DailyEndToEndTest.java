package dev.drillbit.e2e;

import static dev.drillbit.testsupport.BotHarness.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import dev.drillbit.playground.LocalChannel;
import dev.drillbit.playground.LocalMember;
import dev.drillbit.playground.LocalMessage;
import dev.drillbit.playground.LocalRole;
import dev.drillbit.playground.RecordedRequest;
import dev.drillbit.testsupport.BotHarness;
import dev.drillbit.testsupport.Fixtures;
import dev.drillbit.testsupport.LogCapture;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Study groups' daily quizzes through the real bot and the local Discord stand-in: /daily set, show, off
 * and now, a run posted at 09:00 local time in a dated thread with its role ping, answers from several
 * members, the results when the window closes, and a channel that is gone failing alone. Each test has
 * its own channels; the clock only moves forward, to the next 09:00 in Berlin from wherever it is.
 */
class DailyEndToEndTest extends EndToEndTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Override
    BotHarness startHarness() throws InterruptedException {
        return new BotHarness(Fixtures.goodBank(), true, storage());
    }

    /** Moves the clock to the next 09:00 in Berlin and lets the bot act on it; returns that local date. */
    private LocalDate nextNineInBerlin() {
        ZonedDateTime now = ZonedDateTime.ofInstant(h.time.instant(), BERLIN);
        ZonedDateTime nine = now.with(LocalTime.of(9, 0));
        if (!nine.isAfter(now)) {
            nine = nine.plusDays(1);
        }
        clockForward(Duration.between(now.toInstant(), nine.toInstant()));
        return nine.toLocalDate();
    }

    private LocalMessage set(LocalMember admin, LocalChannel from, Map<String, ?> options) {
        // off the minute an earlier test may have left the clock on (often 09:00 itself): a schedule set at
        // 09:00 for 09:00 starts today's run at once, on whichever heartbeat comes first (before the test moves
        // the clock to the next 09:00), which a slow machine showed
        clockForward(Duration.ofMinutes(1));
        return h.discord.slash(admin, from, "daily set", options).awaitReply(TIMEOUT);
    }

    private LocalChannel thread(LocalChannel parent, String name) {
        return await().atMost(TIMEOUT)
                .until(
                        () -> h.discord.channels().stream()
                                .filter(c ->
                                        c.parentId() == parent.id() && c.name().equals(name))
                                .findFirst(),
                        o -> o.isPresent())
                .orElseThrow();
    }

    private List<LocalMessage> questions(LocalChannel thread, int count) {
        return await().atMost(TIMEOUT)
                .until(
                        () -> h.discord.messages(thread).stream()
                                .filter(m -> m.customIds().stream().anyMatch(id -> id.startsWith("daily:")))
                                .toList(),
                        l -> l.size() == count);
    }

    /** A schedule set in {@code room}, pinging {@code role}, and the admin's confirmation of it. */
    private record Scheduled(LocalChannel room, LocalRole role, LocalMessage confirmation) {}

    /** A run of a {@link Scheduled} schedule posted at 09:00 Berlin: its date, announcement, thread and questions. */
    private record PostedRun(
            Scheduled schedule, LocalDate day, LocalMessage intro, LocalChannel thread, List<LocalMessage> questions) {}

    /** GIVEN an admin sets, in a fresh channel, a daily quiz of four internet questions at 09:00 Berlin. */
    private Scheduled scheduleSet(String roomName) {
        LocalChannel room = room(roomName);
        LocalRole learners = h.discord.role(h.guild, "learners", 0);
        LocalMessage confirmation = set(
                h.carol,
                h.general,
                Map.of(
                        "channel",
                        room,
                        "time",
                        "09:00",
                        "timezone",
                        "Europe/Berlin",
                        "steps",
                        "internet",
                        "count",
                        4,
                        "role",
                        learners,
                        "window",
                        6));
        return new Scheduled(room, learners, confirmation);
    }

    /** GIVEN such a schedule, and the clock moved to the next 09:00 Berlin: the run is posted. */
    private PostedRun runPosted(String roomName) {
        Scheduled schedule = scheduleSet(roomName);
        LocalDate day = nextNineInBerlin();
        LocalMessage intro =
                h.discord.awaitMessage(schedule.room(), m -> m.content().contains("Daily quiz"), TIMEOUT);
        LocalChannel thread = thread(schedule.room(), "Daily quiz " + day);
        return new PostedRun(schedule, day, intro, thread, questions(thread, 4));
    }

    /**
     * Alice answers every question right, Bob the first two, Dan (a member created here) the first only;
     * adds Alice's replies to {@code aliceFeedback} and returns Dan.
     */
    private LocalMember threeMembersAnswer(PostedRun run, List<LocalMessage> aliceFeedback) {
        LocalMember dan = h.discord.member(h.guild, "dan", false);
        List<LocalMessage> questions = run.questions();
        for (int i = 0; i < questions.size(); i++) {
            LocalMessage q = questions.get(i);
            aliceFeedback.add(h.answer(h.alice, q, true).awaitReply(TIMEOUT));
            h.answer(h.bob, q, i < 2).awaitReply(TIMEOUT);
            h.answer(dan, q, i == 0).awaitReply(TIMEOUT);
        }
        return dan;
    }

    private List<RecordedRequest> postsTo(LocalChannel channel) {
        return h.discord.requests().stream()
                .filter(r ->
                        r.method().equals("POST") && r.path().endsWith("/channels/" + channel.idString() + "/messages"))
                .toList();
    }

    @Test
    @DisplayName("/daily set by an admin is confirmed privately with the channel, time and zone")
    void setIsConfirmedPrivately() {
        // GIVEN / WHEN
        Scheduled schedule = scheduleSet("daily-set");

        // THEN
        LocalMessage confirmation = schedule.confirmation();
        assertThat(confirmation.isEphemeral()).isTrue();
        assertThat(title(confirmation)).isEqualTo("Daily quiz set");
        assertThat(description(confirmation))
                .contains("<#" + schedule.room().idString() + "> · Every day at 09:00 Europe/Berlin");
    }

    @Test
    @DisplayName("at 09:00 Berlin the run is announced pinging only its role, its questions in a dated thread")
    void runIsAnnouncedPingingOnlyItsRole() {
        // GIVEN / WHEN the clock reaches 09:00 Berlin
        PostedRun run = runPosted("daily-announce");
        LocalRole learners = run.schedule().role();

        // THEN the announcement pings the role, and allows no other mention
        assertThat(run.intro().content())
                .startsWith("<@&" + learners.id() + "> 📚 **Daily quiz · ")
                .contains("4 questions on How the internet works")
                .contains("The questions are in the thread below.");
        assertThat(postsTo(run.schedule().room())).singleElement().satisfies(r -> {
            JsonNode allowed = r.body().orElseThrow().path("allowed_mentions");
            assertThat(allowed.path("parse")).isEmpty();
            assertThat(allowed.path("roles")).hasSize(1);
            assertThat(allowed.path("roles").path(0).asText()).isEqualTo(Long.toUnsignedString(learners.id()));
            assertThat(allowed.path("users")).isEmpty();
        });
        // and the questions' buttons name the run (guild, channel, day) within Discord's 100 characters
        String runPrefix =
                "daily:" + h.guild.idString() + "-" + run.schedule().room().idString() + "-" + run.day() + ":";
        assertThat(run.questions())
                .allSatisfy(q -> assertThat(q.customIds())
                        .allSatisfy(id -> assertThat(id).startsWith(runPrefix).hasSizeLessThanOrEqualTo(100)));
    }

    @Test
    @DisplayName("members' answers to the run are acknowledged privately; a second answer to a question is refused")
    void answersAreAcknowledgedOncePerQuestion() {
        // GIVEN a posted run
        PostedRun run = runPosted("daily-answers");

        // WHEN three members answer, Alice every question right
        List<LocalMessage> feedback = new ArrayList<>();
        threeMembersAnswer(run, feedback);

        // THEN Alice sees each of her answers judged, privately, with its explanation
        assertThat(feedback).hasSize(4).allSatisfy(f -> {
            assertThat(f.isEphemeral()).isTrue();
            assertThat(title(f)).startsWith("✅ Right — ").contains(" points");
            assertThat(field(f, "Explanation")).isNotBlank();
        });
        // WHEN she clicks an answer to the first question again THEN it is refused
        LocalMessage first = run.questions().get(0);
        LocalMessage again =
                h.discord.click(h.alice, first, first.customIds().get(0)).awaitReply(TIMEOUT);
        assertThat(again.content())
                .isEqualTo("You already answered question 1 of this daily quiz; your first answer" + " counts.");
    }

    @Test
    @DisplayName("when the window closes the results rank the members, and every question closes with its explanation")
    void resultsPostWhenTheWindowCloses() {
        // GIVEN a posted run answered by three members: Alice 4/4, Bob 2/4, Dan 1/4
        PostedRun run = runPosted("daily-results");
        LocalMember dan = threeMembersAnswer(run, new ArrayList<>());
        LocalChannel thread = run.thread();

        // WHEN its six-hour window closes
        clockForward(Duration.ofHours(6));

        // THEN the results rank the members, publicly
        LocalMessage results = h.discord.awaitMessage(thread, m -> title(m).endsWith(" · results"), TIMEOUT);
        assertThat(results.isEphemeral()).isFalse();
        assertThat(description(results))
                .startsWith("3 members answered:\n1. <@" + h.alice.id() + "> — **")
                .contains("4/4 right\n2. <@" + h.bob.id() + ">")
                .contains("2/4 right\n3. <@" + dan.id() + ">")
                .endsWith("1/4 right");
        assertThat(field(results, "Today's leaderboard (Europe/Berlin)")).startsWith("1. <@" + h.alice.id() + ">");
        assertThat(field(results, "Questions")).startsWith("Q1: 3/3 right");
        // and each question loses its answer buttons (keeping only "Report a problem") and shows its explanation
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(h.discord.messages(thread))
                        .filteredOn(m -> title(m).startsWith("Closed · Question"))
                        .hasSize(4)
                        .allSatisfy(m -> {
                            assertThat(m.customIds()).singleElement().asString().startsWith("flag:");
                            assertThat(field(m, "Explanation")).isNotBlank();
                        }));
    }

    @Test
    @DisplayName("over a whole day (set, run, answers, results) only the announcement pings the role; every"
            + " message naming the role carries allowed mentions")
    void onlyTheAnnouncementPingsTheRole() {
        // GIVEN / WHEN a whole day: set, posted, answered by three members, closed with its results
        PostedRun run = runPosted("daily-mentions");
        threeMembersAnswer(run, new ArrayList<>());
        clockForward(Duration.ofHours(6));
        h.discord.awaitMessage(run.thread(), m -> title(m).endsWith(" · results"), TIMEOUT);
        await().atMost(TIMEOUT)
                .until(() -> h.discord.messages(run.thread()).stream()
                                .filter(m -> title(m).startsWith("Closed · Question"))
                                .count()
                        == 4);

        // THEN
        LocalRole learners = run.schedule().role();
        List<RecordedRequest> mentioningRole = h.discord.requests().stream()
                .filter(r -> r.body()
                        .map(b -> b.toString().contains("<@&" + learners.id()))
                        .orElse(false))
                .toList();
        assertThat(mentioningRole).hasSize(2); // the run's announcement and the admin's private confirmation
        assertThat(mentioningRole)
                .filteredOn(r -> r.body()
                                .orElseThrow()
                                .findPath("allowed_mentions")
                                .path("roles")
                                .size()
                        > 0)
                .containsExactlyElementsOf(postsTo(run.schedule().room()));
        assertThat(mentioningRole)
                .allSatisfy(r -> assertThat(r.body()
                                .orElseThrow()
                                .findPath("allowed_mentions")
                                .isMissingNode())
                        .as(r.toString())
                        .isFalse());
    }

    @Test
    @DisplayName("a shutdown while the results are on their way leaves the run closing; the next start finds them"
            + " posted and records the close without posting them again")
    void resultsCutShortByAShutdownArePostedOnce() throws Exception {
        // GIVEN a posted run, and Discord slow to answer the request that posts its results
        PostedRun run = runPosted("daily-results-once");
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Void> arrived = new java.util.concurrent.CompletableFuture<>();
        h.discord.onMessage(posted -> {
            if (!posted.edit()
                    && posted.message().channelId() == run.thread().id()
                    && title(posted.message()).endsWith(" · results")) {
                arrived.complete(null);
                try {
                    // holds this REST thread (and so the response) until the bot has stopped; a stall of the wire
                    release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try (LogCapture board =
                LogCapture.attach("dev.drillbit.discord.DailyBoard", Level.INFO, h.discord.gatewayUrl())) {
            clockForward(Duration.ofHours(6));
            arrived.get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);

            // WHEN the bot is stopped before Discord's answer reaches it, and started again
            h.stopBot();
            release.countDown();
            h.startBotAgain();
            clockForward(Duration.ofMinutes(1));

            // THEN the new bot finds the results posted and only records the close
            await().atMost(TIMEOUT)
                    .until(() -> board.lines().stream()
                            .anyMatch(l -> l.contains(run.schedule().room().idString())
                                    && l.contains("closed without posting them again")));
            assertThat(h.discord.messages(run.thread()))
                    .filteredOn(m -> title(m).endsWith(" · results"))
                    .hasSize(1);
            assertThat(board.lines()).noneMatch(l -> l.contains("could not be posted") || l.contains("failed"));
        }
    }

    @Test
    @DisplayName("a restart in the middle of a run: its buttons still take answers, and its close finds the thread"
            + " by name and the questions by their buttons, and turns them into their answers")
    void restartDuringARun() throws InterruptedException {
        LocalChannel room = room("daily-restart");
        set(
                h.carol,
                h.general,
                Map.of(
                        "channel",
                        room,
                        "time",
                        "09:00",
                        "timezone",
                        "Europe/Berlin",
                        "steps",
                        "sql",
                        "count",
                        2,
                        "window",
                        3));
        LocalDate day = nextNineInBerlin();
        LocalChannel thread = thread(room, "Daily quiz " + day);
        List<LocalMessage> questions = questions(thread, 2);
        h.answer(h.alice, questions.get(0), true).awaitReply(TIMEOUT);

        h.restartBot();
        LocalMessage afterRestart = h.answer(h.bob, questions.get(1), true).awaitReply(TIMEOUT);
        clockForward(Duration.ofHours(3));

        assertThat(title(afterRestart)).startsWith("✅ Right — ");
        LocalMessage results = h.discord.awaitMessage(thread, m -> title(m).endsWith(" · results"), TIMEOUT);
        assertThat(description(results)).startsWith("2 members answered:");
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(h.discord.messages(thread))
                        .filteredOn(m -> title(m).startsWith("Closed · Question"))
                        .hasSize(2)
                        .extracting(LocalMessage::id)
                        .containsExactlyElementsOf(
                                questions.stream().map(LocalMessage::id).toList()));
        assertThat(h.discord.messages(thread))
                .allSatisfy(m -> assertThat(m.customIds())
                        .allSatisfy(id -> assertThat(id).startsWith("flag:")));
    }

    @Test
    @DisplayName("a member without Manage Server is refused; the command is hidden from such members by default")
    void nonAdminRefused() {
        LocalChannel room = room("daily-refused");

        LocalMessage reply = set(h.alice, room, Map.of("channel", room, "time", "09:00", "timezone", "UTC"));

        assertThat(reply.isEphemeral()).isTrue();
        assertThat(reply.content())
                .isEqualTo("Only members with the Manage Server permission can change the daily quiz.");
        assertThat(h.discord
                        .command(h.guild, "daily")
                        .orElseThrow()
                        .path("default_member_permissions")
                        .asText())
                .isEqualTo("32");
        assertThat(h.discord
                        .slash(h.alice, room, "daily now")
                        .awaitReply(TIMEOUT)
                        .content())
                .startsWith("Only members with the Manage Server");
    }

    @Test
    @DisplayName("bad input is answered privately with every problem at once, and nothing is set")
    void everyProblemAtOnce() {
        LocalChannel room = room("daily-bad");

        LocalMessage reply = set(
                h.carol,
                room,
                Map.of(
                        "channel",
                        room,
                        "time",
                        "25:99",
                        "timezone",
                        "Mars/Olympus",
                        "days",
                        "funday",
                        "steps",
                        "internet,nope"));

        assertThat(reply.isEphemeral()).isTrue();
        assertThat(reply.content())
                .startsWith("The daily quiz was not set; please fix these 4 things:\n")
                .contains("• time \"25:99\" is not a time of day")
                .contains("• unknown time zone \"Mars/Olympus\"")
                .contains("• days \"funday\": \"funday\" is not a day or range")
                .contains("• unknown roadmap step \"nope\"");
        LocalMessage shown = h.discord.slash(h.carol, room, "daily show").awaitReply(TIMEOUT);
        assertThat(shown.toString()).doesNotContain("<#" + room.id() + ">");
    }

    @Test
    @DisplayName("/daily show gives each schedule's next run in its own zone and its group streak; /daily off stops it")
    void showAndOff() {
        LocalChannel room = room("daily-show");
        set(
                h.carol,
                room,
                Map.of(
                        "channel",
                        room,
                        "time",
                        "07:30",
                        "timezone",
                        "America/New_York",
                        "days",
                        "mon-fri",
                        "count",
                        2));

        LocalMessage shown = h.discord.slash(h.alice, room, "daily show").awaitReply(TIMEOUT);

        assertThat(shown.isEphemeral()).isTrue();
        assertThat(description(shown))
                .contains("<#" + room.idString() + "> · Weekdays at 07:30 America/New_York\n"
                        + "2 questions on the whole roadmap · answers for 12 h\n")
                .containsPattern("Next run: (Mon|Tue|Wed|Thu|Fri) \\d+ \\w{3} 07:30 America/New_York \\(<t:\\d+:R>\\)")
                .contains("Group streak: 0 days (best 0)");

        LocalMessage off = h.discord.slash(h.carol, room, "daily off").awaitReply(TIMEOUT);
        assertThat(off.content()).startsWith("The daily quiz in <#" + room.idString() + "> is off");
        assertThat(h.discord
                        .slash(h.carol, room, "daily show")
                        .awaitReply(TIMEOUT)
                        .toString())
                .doesNotContain("<#" + room.id() + ">");
        assertThat(h.discord
                        .slash(h.carol, room, "daily off")
                        .awaitReply(TIMEOUT)
                        .content())
                .isEqualTo("<#" + room.idString() + "> has no daily quiz. `/daily show` lists this server's.");
    }

    @Test
    @DisplayName("/daily now posts today's quiz at once, and only once a day")
    void nowOnceADay() {
        LocalChannel room = room("daily-now");
        set(h.carol, room, Map.of("channel", room, "time", "23:59", "timezone", "Europe/Berlin", "count", 2));
        LocalDate today = LocalDate.ofInstant(h.time.instant(), BERLIN);

        LocalMessage first = h.discord.slash(h.carol, room, "daily now").awaitReply(TIMEOUT);

        assertThat(first.content()).startsWith("Today's quiz is being posted in <#" + room.id() + ">");
        questions(thread(room, "Daily quiz " + today), 2);
        assertThat(h.discord
                        .slash(h.carol, room, "daily now")
                        .awaitReply(TIMEOUT)
                        .content())
                .startsWith("<#" + room.idString() + "> already had its quiz for " + today);
    }

    @Test
    @DisplayName("a schedule whose channel is gone fails alone, is reported in its server, and another server's runs")
    void goneChannelFailsAlone() {
        LocalMember dave = h.discord.member(h.otherGuild, "dave", true);
        LocalChannel lobby = h.discord.channel(h.otherGuild, "lobby");
        LocalChannel doomed = h.discord.channel(h.otherGuild, "doomed");
        LocalChannel healthy = room("daily-healthy");
        set(dave, lobby, Map.of("channel", doomed, "time", "09:00", "timezone", "Europe/Berlin", "count", 1));
        set(h.carol, healthy, Map.of("channel", healthy, "time", "09:00", "timezone", "Europe/Berlin", "count", 1));
        h.discord.deleteChannel(doomed);
        await().atMost(TIMEOUT).until(() -> h.bot.shards().getTextChannelById(doomed.id()) == null);

        LocalDate day = nextNineInBerlin();

        questions(thread(healthy, "Daily quiz " + day), 1);
        LocalMessage notice = h.discord.awaitMessage(lobby, m -> m.content().startsWith("⚠️"), TIMEOUT);
        assertThat(notice.content())
                .contains("<#" + doomed.idString() + "> (" + day + ") could not be posted: the"
                        + " channel is gone or the bot cannot see it");
    }

    @Test
    @DisplayName("timezone autocomplete offers IANA ids matching what was typed, at most 25")
    void timezoneAutocomplete() {
        List<JsonNode> choices = h.discord
                .autocomplete(h.carol, h.general, "daily set", "timezone", "berl", Map.of("channel", h.general))
                .awaitChoices(TIMEOUT);

        assertThat(choices)
                .extracting(c -> c.path("value").asText())
                .contains("Europe/Berlin")
                .hasSizeLessThanOrEqualTo(25);
    }
}
