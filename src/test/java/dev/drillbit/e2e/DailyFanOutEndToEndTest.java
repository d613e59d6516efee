package dev.drillbit.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drillbit.config.Config;
import dev.drillbit.playground.LocalChannel;
import dev.drillbit.playground.LocalGuild;
import dev.drillbit.playground.LocalMember;
import dev.drillbit.playground.LocalMessage;
import dev.drillbit.playground.LocalRole;
import dev.drillbit.playground.RecordedRequest;
import dev.drillbit.testsupport.BotHarness;
import dev.drillbit.testsupport.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Fifty study groups with a daily quiz at the same minute, against Discord's rate limits: every run is
 * posted and closed once, the bot keeps under the global limit instead of learning it from 429s, and no
 * guild's run waits behind another guild's whole run. Correctness only; the time is the benchmark's.
 */
class DailyFanOutEndToEndTest extends EndToEndTest {
    private static final int GUILDS = 50;
    private static final int QUESTIONS = 4;
    /** 50 runs of 6 requests at the bot's pace of 47 a second take about 7 s; room for a busy machine. */
    private static final Duration FAN_OUT = Duration.ofSeconds(60);

    @Override
    BotHarness startHarness() throws InterruptedException {
        return new BotHarness(Fixtures.goodBank(), GUILDS - 1, Config.Storage.FLATFILE);
    }

    private record Group(LocalGuild guild, LocalChannel room) {}

    @Test
    @DisplayName("50 daily quizzes at 10:00 UTC: each posted once, closed once, no 429, every guild served in turn")
    void fiftyGuildsAtTheSameMinute() {
        // GIVEN fifty guilds, each with a daily quiz of four questions at 10:00 UTC
        List<Group> groups = new ArrayList<>();
        for (LocalGuild guild : h.guilds) {
            LocalMember admin = h.discord.member(guild, "admin of " + guild.name(), true);
            LocalChannel room = h.discord.channel(guild, "daily");
            LocalRole learners = h.discord.role(guild, "learners", 0);
            LocalMessage confirmation = h.discord
                    .slash(
                            admin,
                            room,
                            "daily set",
                            Map.of(
                                    "channel",
                                    room,
                                    "time",
                                    "10:00",
                                    "timezone",
                                    "UTC",
                                    "steps",
                                    "internet",
                                    "count",
                                    QUESTIONS,
                                    "role",
                                    learners,
                                    "window",
                                    6))
                    .awaitReply(BotHarness.TIMEOUT);
            assertThat(title(confirmation)).as(guild.name()).isEqualTo("Daily quiz set");
            groups.add(new Group(guild, room));
        }
        int before = h.discord.requests().size();

        // WHEN the clock reaches the next 10:00 UTC (the harness starts at 09:00: today's)
        Instant now = h.time.instant();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate day = now.isBefore(today.atTime(10, 0).toInstant(ZoneOffset.UTC)) ? today : today.plusDays(1);
        clockForward(Duration.between(now, day.atTime(10, 0).toInstant(ZoneOffset.UTC)));

        // THEN every run is posted, once: one announcement, one dated thread with its four questions
        List<LocalChannel> threads = new ArrayList<>();
        for (Group group : groups) {
            LocalChannel thread = await().atMost(FAN_OUT)
                    .until(() -> threadOf(group.room(), "Daily quiz " + day), Optional::isPresent)
                    .orElseThrow();
            await().atMost(FAN_OUT).until(() -> questionsIn(thread).size() == QUESTIONS);
            threads.add(thread);
        }
        for (int i = 0; i < groups.size(); i++) {
            assertThat(h.discord.messages(groups.get(i).room()))
                    .as(groups.get(i).guild().name())
                    .filteredOn(m -> m.content().contains("Daily quiz"))
                    .hasSize(1);
            assertThat(h.discord.messages(threads.get(i))).hasSize(QUESTIONS);
        }
        // AND no guild waited behind another's whole run: every announcement came before any run's last question
        List<RecordedRequest> fanOut =
                h.discord.requests().subList(before, h.discord.requests().size());
        int lastAnnouncement = 0;
        int firstRunComplete = Integer.MAX_VALUE;
        for (int i = 0; i < groups.size(); i++) {
            lastAnnouncement = Math.max(
                    lastAnnouncement, indexOfFirstPost(fanOut, groups.get(i).room()));
            firstRunComplete = Math.min(firstRunComplete, indexOfLastPost(fanOut, threads.get(i)));
        }
        assertThat(lastAnnouncement).isLessThan(firstRunComplete);

        // WHEN the six-hour windows close
        clockForward(Duration.ofHours(6));

        // THEN every run is closed once: its questions revealed and its results posted once
        for (LocalChannel thread : threads) {
            h.discord.awaitMessage(thread, m -> title(m).endsWith(" · results"), FAN_OUT);
            await().atMost(FAN_OUT).until(() -> questionsIn(thread).isEmpty());
        }
        for (LocalChannel thread : threads) {
            assertThat(h.discord.messages(thread))
                    .filteredOn(m -> title(m).endsWith(" · results"))
                    .hasSize(1);
        }
        // AND the bot never met the global limit: no 429 in all of it
        assertThat(h.discord.rateLimited()).isEmpty();
    }

    private Optional<LocalChannel> threadOf(LocalChannel parent, String name) {
        return h.discord.channels().stream()
                .filter(c -> c.parentId() == parent.id() && c.name().equals(name))
                .findFirst();
    }

    /** The run's questions still taking answers (a closed one keeps only its "Report a problem" button). */
    private List<LocalMessage> questionsIn(LocalChannel thread) {
        return h.discord.messages(thread).stream()
                .filter(m -> m.customIds().stream().anyMatch(id -> id.startsWith("daily:")))
                .toList();
    }

    private static int indexOfFirstPost(List<RecordedRequest> requests, LocalChannel channel) {
        for (int i = 0; i < requests.size(); i++) {
            if (isPostTo(requests.get(i), channel)) {
                return i;
            }
        }
        throw new AssertionError("nothing posted to #" + channel.name());
    }

    private static int indexOfLastPost(List<RecordedRequest> requests, LocalChannel channel) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (isPostTo(requests.get(i), channel)) {
                return i;
            }
        }
        throw new AssertionError("nothing posted to thread " + channel.name());
    }

    private static boolean isPostTo(RecordedRequest request, LocalChannel channel) {
        return request.method().equals("POST")
                && request.path().equals("/channels/" + channel.idString() + "/messages");
    }
}
