package dev.drillbit.e2e;

import static dev.drillbit.testsupport.BotHarness.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.config.Config;
import dev.drillbit.playground.LocalChannel;
import dev.drillbit.playground.LocalGuild;
import dev.drillbit.playground.LocalMember;
import dev.drillbit.playground.LocalMessage;
import dev.drillbit.playground.RateLimits;
import dev.drillbit.testsupport.BotHarness;
import dev.drillbit.testsupport.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What every end-to-end class shares: one real bot against the local stand-in for the whole class
 * ({@link #h}), started before its first test with every command registered in every server and closed
 * after its last; the check after each test that the bot behaved as on Discord; and the ways a test reads
 * what members see and moves the bot's clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EndToEndTest {
    /** Every slash command the bot registers. */
    static final List<String> COMMANDS = List.of(
            "quiz",
            "question",
            "roadmap",
            "help",
            "leaderboard",
            "stats",
            "data",
            "review",
            "interview",
            "daily",
            "me",
            "pack",
            "suggest",
            "suggestions");

    BotHarness h;

    /** The harness of this class: one server; override for more. */
    BotHarness startHarness() throws InterruptedException {
        return new BotHarness(Fixtures.goodBank(), false, storage());
    }

    /** Where the bot keeps its data: the flat files; the PostgreSQL variants of each class override it. */
    Config.Storage storage() {
        return Config.Storage.FLATFILE;
    }

    @BeforeAll
    final void startBot() throws InterruptedException {
        h = startHarness();
        for (LocalGuild guild : h.guilds) {
            for (String command : COMMANDS) {
                h.discord.awaitCommand(guild, command, TIMEOUT);
            }
        }
    }

    @AfterAll
    final void stopBot() {
        if (h != null) {
            h.close();
        }
    }

    /**
     * Invalid requests (401, 403, 429) a test class may cause per guild of its stand-in. Discord bans a bot
     * for an hour at 10,000 in ten minutes, counted across all its guilds; drillbit is built for 1,000
     * guilds, so each guild's share of that budget is 10. A class runs well within ten minutes and serves one
     * or two guilds (fifty in the fan-out test): more than 10 a guild there means the bot's own pattern,
     * repeated in 1,000 guilds, would approach the ban.
     */
    static final int INVALID_REQUESTS_PER_GUILD = RateLimits.INVALID_REQUEST_BAN / 1_000;

    @AfterEach
    final void behavedLikeOnDiscord() {
        h.assertBehavedLikeOnDiscord();
        assertThat(h.discord.invalidRequests())
                .as(
                        "invalid requests (401, 403, 429) in ten minutes, at most %d per guild; refused with 429: %s",
                        INVALID_REQUESTS_PER_GUILD, h.discord.rateLimited())
                .isLessThanOrEqualTo(
                        INVALID_REQUESTS_PER_GUILD * h.discord.guilds().size());
    }

    /** A fresh channel, so that no quiz of one test is still running in the next. */
    LocalChannel room(String name) {
        return h.discord.channel(h.guild, name);
    }

    /** Moves the bot's clock on and lets it act at once (Discord's side keeps real time). */
    void clockForward(Duration by) {
        h.time.advance(by);
        h.bot.tick();
    }

    /**
     * Plays a solo quiz of {@code rights.length} questions on {@code step} to its summary, answering each
     * right or wrong; returns the points the reveals announced.
     */
    int playSolo(LocalMember member, LocalChannel room, String step, boolean... rights) {
        return h.playSolo(member, room, step, rights);
    }

    /** The points a reveal's title announces ("… +12 points"); 0 when it announces none. */
    static int points(LocalMessage reveal) {
        return BotHarness.points(reveal);
    }

    static String title(LocalMessage message) {
        return message.embeds().path(0).path("title").asText();
    }

    static String description(LocalMessage message) {
        return message.embeds().path(0).path("description").asText();
    }

    static String footer(LocalMessage message) {
        return message.embeds().path(0).path("footer").path("text").asText();
    }

    static List<String> fieldNames(LocalMessage message) {
        return StreamSupport.stream(message.embeds().path(0).path("fields").spliterator(), false)
                .map(f -> f.path("name").asText())
                .toList();
    }

    /** The value of the first embed's field called {@code name}; fails the test when there is none. */
    static String field(LocalMessage message, String name) {
        return StreamSupport.stream(message.embeds().path(0).path("fields").spliterator(), false)
                .filter(f -> f.path("name").asText().equals(name))
                .map(f -> f.path("value").asText())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no field " + name + " in " + message.embeds()));
    }
}
