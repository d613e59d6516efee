package dev.drillbit.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drillbit.config.Config;
import dev.drillbit.playground.InteractionHandle;
import dev.drillbit.playground.LocalChannel;
import dev.drillbit.playground.LocalDiscord;
import dev.drillbit.playground.LocalGuild;
import dev.drillbit.playground.LocalMember;
import dev.drillbit.playground.LocalMessage;
import dev.drillbit.storage.postgres.TestPostgres;
import dev.drillbit.testsupport.BotHarness;
import dev.drillbit.testsupport.ChildBots;
import dev.drillbit.testsupport.ChildBots.Child;
import dev.drillbit.testsupport.Fixtures;
import dev.drillbit.testsupport.Players;
import dev.drillbit.testsupport.PrometheusText;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two bot processes, each a child JVM started as {@code run} starts the bot, with shards [0] and [1] of 2,
 * against one stand-in holding a guild on each shard and one PostgreSQL database: members of both guilds
 * play quizzes and a daily quiz; one process is killed with SIGKILL in the middle of its daily run; the
 * other keeps serving its guild and takes the review reminders over; the killed one is started again and
 * closes its run once. Each process's clock is its own manual clock, moved by the test (Discord keeps real
 * time).
 */
class ShardedProcessesEndToEndTest {
    private static final Duration TIMEOUT = BotHarness.TIMEOUT;
    /** A plausible snowflake timestamp part; even: shard 0 of 2, odd: shard 1. */
    private static final long BASE = 300_000_000_000L;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The processes' configs and logs; kept when the test fails. */
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path folder;

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalDiscord discord;
    private Config.Storage storage;
    private Players players;
    private Child zero;
    private Child one;
    /** Both processes' time: they are moved together, as real clocks are. */
    private Instant now = Instant.parse("2026-11-23T08:00:00Z");

    private LocalGuild evens;
    private LocalGuild odds;
    private LocalChannel evensRoom;
    private LocalChannel oddsRoom;
    private LocalMember alice;
    private LocalMember bob;

    private static long onShard(int shard) {
        return (BASE + shard) << 22;
    }

    @BeforeEach
    void twoGuildsOnTwoShards() {
        discord = LocalDiscord.start();
        // max_concurrency 1: both shards log in on one bucket, so the processes must space their logins
        discord.sharding(2, 1);
        storage = TestPostgres.freshStorageConfig();
        players = new Players(discord, Fixtures.goodBank());
        evens = discord.guild("Evens", onShard(0));
        odds = discord.guild("Odds", onShard(1));
        evensRoom = discord.channel(evens, "quiz");
        oddsRoom = discord.channel(odds, "quiz");
        alice = discord.member(evens, "alice", false);
        bob = discord.member(odds, "bob", false);
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Child child : new Child[] {zero, one}) {
            if (child != null) {
                child.close();
            }
        }
        discord.close();
    }

    private String config(int shard) {
        ObjectNode config = JSON.createObjectNode();
        config.put("dataDir", folder.resolve("data-" + shard).toString());
        ObjectNode d = config.putObject("discord");
        d.put("restBaseUrl", discord.restBaseUrl());
        d.put("gatewayUrl", discord.gatewayUrl());
        ObjectNode shards = d.putObject("shards");
        shards.put("total", 2);
        shards.putArray("ids").add(shard);
        ObjectNode s = config.putObject("storage");
        s.put("type", "postgres");
        s.put("url", storage.url());
        s.put("user", storage.user());
        config.putObject("metrics").put("port", 0);
        return config.toPrettyString();
    }

    private Child start(int shard) throws IOException, InterruptedException {
        Map<String, String> environment = new java.util.HashMap<>();
        environment.put("DISCORD_TOKEN", discord.botToken());
        if (storage.password() != null) {
            environment.put("DRILLBIT_DB_PASSWORD", storage.password());
        }
        return ChildBots.start(folder, "shard-" + shard, config(shard), environment, now);
    }

    private void advance(Duration by, Child... children) throws InterruptedException {
        now = now.plus(by);
        for (Child child : children) {
            child.advance(by);
        }
    }

    private HttpResponse<String> get(Child child, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + child.metricsPort() + path))
                        .timeout(TIMEOUT)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Object query(String sql, Object arg) {
        try (Connection c = DriverManager.getConnection(
                        storage.url(), storage.user(), storage.password() == null ? "" : storage.password());
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private Optional<String> reminderLeaseOwner() {
        return Optional.ofNullable((String) query("SELECT owner FROM work_leases WHERE name = ?", "review-reminders"));
    }

    private long answersBy(LocalMember member) {
        return (Long) query("SELECT count(*) FROM answers WHERE user_id = ?", member.id());
    }

    private long answersIn(LocalGuild guild) {
        return (Long) query("SELECT count(*) FROM answers WHERE guild_id = ?", guild.id());
    }

    private void dailyAtNine(LocalGuild guild, LocalChannel room) {
        LocalMember admin = discord.member(guild, "admin-" + guild.name(), true);
        LocalMessage set = discord.slash(
                        admin,
                        room,
                        "daily set",
                        Map.of("channel", room, "time", "09:00", "timezone", "UTC", "steps", "internet", "count", 2))
                .awaitReply(TIMEOUT);
        assertThat(set.embeds().path(0).path("title").asText()).isEqualTo("Daily quiz set");
    }

    private List<LocalMessage> runQuestions(LocalChannel room) {
        LocalChannel thread = runThread(room);
        return await().atMost(TIMEOUT)
                .until(
                        () -> discord.messages(thread).stream()
                                .filter(m -> m.customIds().stream().anyMatch(id -> id.startsWith("daily:")))
                                .toList(),
                        l -> l.size() == 2);
    }

    private LocalChannel runThread(LocalChannel room) {
        return await().atMost(TIMEOUT)
                .until(
                        () -> discord.channels().stream()
                                .filter(c ->
                                        c.parentId() == room.id() && c.name().startsWith("Daily quiz"))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private long postsTo(LocalChannel channel) {
        return discord.requests().stream()
                .filter(r ->
                        r.method().equals("POST") && r.path().endsWith("/channels/" + channel.idString() + "/messages"))
                .count();
    }

    private long results(LocalChannel thread) {
        return discord.messages(thread).stream()
                .filter(m -> m.embeds().path(0).path("title").asText().endsWith(" · results"))
                .count();
    }

    @Test
    @DisplayName("two processes with shards [0] and [1] of 2: SIGKILL of one stops only its guild, loses no"
            + " acknowledged answer, moves the reminders to the other, and its daily run closes once after restart")
    void oneProcessDiesTheOtherCarriesOn() throws Exception {
        // GIVEN shard 0's process started first (so it holds the reminders' lease), then shard 1's
        zero = start(0);
        await().atMost(TIMEOUT).until(this::reminderLeaseOwner, o -> o.isPresent());
        assertThat(reminderLeaseOwner()).hasValueSatisfying(o -> assertThat(o).startsWith(zero.pid() + "@"));
        one = start(1);
        for (LocalGuild guild : List.of(evens, odds)) {
            discord.awaitCommand(guild, "quiz", TIMEOUT);
            discord.awaitCommand(guild, "daily", TIMEOUT);
        }

        // AND each guild's members play a quiz (two answers each, acknowledged)
        players.playSolo(alice, evensRoom, "internet", true, false);
        players.playSolo(bob, oddsRoom, "internet", true, true);

        // AND each guild has a daily quiz at 09:00 UTC, posted by its own process when the time comes
        dailyAtNine(evens, evensRoom);
        dailyAtNine(odds, oddsRoom);
        advance(Duration.ofHours(1), zero, one);
        List<LocalMessage> evensRun = runQuestions(evensRoom);
        List<LocalMessage> oddsRun = runQuestions(oddsRoom);
        players.answer(alice, evensRun.get(0), true).awaitReply(TIMEOUT);
        players.answer(bob, oddsRun.get(0), true).awaitReply(TIMEOUT);
        long evensThreadPosts = postsTo(runThread(evensRoom));
        long evensAcknowledged = 3;
        long oddsAcknowledged = 3;

        // WHEN shard 0's process is killed in the middle of its daily run, with answers on their way
        List<LocalMember> crowd = new ArrayList<>();
        List<InteractionHandle> inFlight = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            LocalMember member = discord.member(evens, "member-" + i, false);
            crowd.add(member);
            inFlight.add(players.answer(member, evensRun.get(1), true));
        }
        // (once the first is acknowledged, so that the kill lands among them even on a slow machine)
        CompletableFuture.anyOf(inFlight.stream().map(InteractionHandle::reply).toArray(CompletableFuture[]::new))
                .get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        zero.kill();

        // THEN every answer it acknowledged is stored, once; the others at most once
        for (int i = 0; i < crowd.size(); i++) {
            CompletableFuture<LocalMessage> reply = inFlight.get(i).reply();
            long stored = answersBy(crowd.get(i));
            if (reply.isDone() && !reply.isCompletedExceptionally()) {
                assertThat(stored)
                        .as("acknowledged answer of " + crowd.get(i).name())
                        .isEqualTo(1);
                evensAcknowledged++;
            } else {
                assertThat(stored)
                        .as("unacknowledged answer of " + crowd.get(i).name())
                        .isLessThanOrEqualTo(1);
            }
        }
        assertThat(answersIn(evens))
                .isGreaterThanOrEqualTo(evensAcknowledged)
                .isLessThanOrEqualTo(evensAcknowledged + crowd.size());
        long evensStored = answersIn(evens);
        System.out.printf(
                "SIGKILL with %d answers on their way: %d acknowledged before it, %d stored%n",
                crowd.size(), evensAcknowledged - 3, evensStored - 3);
        // AND it answers no more
        Child dead = zero;
        assertThatThrownBy(() -> get(dead, "/health")).isInstanceOf(ConnectException.class);

        // AND shard 1's process carries on: another quiz, the rest of its daily run
        players.playSolo(bob, oddsRoom, "internet", false);
        players.answer(bob, oddsRun.get(1), true).awaitReply(TIMEOUT);
        oddsAcknowledged += 2;
        assertThat(answersIn(odds)).isEqualTo(oddsAcknowledged);

        // AND it takes the reminders over once the dead one's lease has expired
        advance(Duration.ofSeconds(40), one);
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(reminderLeaseOwner())
                        .hasValueSatisfying(o -> assertThat(o).startsWith(one.pid() + "@")));

        // AND it reports itself ready, and its metrics count what it served
        HttpResponse<String> health = get(one, "/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.path("shards").toString()).isEqualTo("[{\"id\":1,\"status\":\"CONNECTED\"}]");
        PrometheusText metrics = PrometheusText.parse(get(one, "/metrics").body());
        assertThat(metrics.value("drillbit_interactions_total", Map.of("command", "quiz", "outcome", "ok"))
                        .orElse(0))
                .isGreaterThanOrEqualTo(2);
        assertThat(metrics.value("drillbit_daily_runs_total", Map.of("outcome", "posted")))
                .hasValue(1.0);

        // WHEN shard 0's process is started again and both runs' windows (twelve hours by default) close
        zero = start(0);
        advance(Duration.ofHours(12), zero, one);

        // THEN each run closes with its results once, and no run was posted twice
        LocalChannel evensThread = runThread(evensRoom);
        LocalChannel oddsThread = runThread(oddsRoom);
        await().atMost(TIMEOUT).until(() -> results(evensThread) == 1 && results(oddsThread) == 1);
        advance(Duration.ofMinutes(1), zero, one);
        assertThat(results(evensThread)).isEqualTo(1);
        assertThat(results(oddsThread)).isEqualTo(1);
        assertThat(postsTo(evensRoom)).as("the announcement of Evens' run").isEqualTo(1);
        assertThat(postsTo(oddsRoom)).as("the announcement of Odds' run").isEqualTo(1);
        assertThat(postsTo(evensThread))
                .as("posts in Evens' thread: its questions, then the results")
                .isEqualTo(evensThreadPosts + 1);
        // AND the restarted process serves its guild again
        players.playSolo(alice, evensRoom, "internet", true);
        assertThat(answersIn(evens)).isEqualTo(evensStored + 1);
        // AND the three logins on one bucket were spaced as Discord requires, across processes
        assertThat(discord.identifiesTooSoon()).isZero();
    }
}
