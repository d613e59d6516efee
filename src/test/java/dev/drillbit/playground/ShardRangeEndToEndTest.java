package dev.drillbit.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drillbit.discord.ShardManagerFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.Test;

/**
 * Sharding against the stand-in: a process given some shards of a total logs in with exactly those, and
 * each guild's events reach only the shard {@code (guild_id >> 22) % total}.
 */
class ShardRangeEndToEndTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** A plausible snowflake timestamp part; even: shard 0 of 2, odd: shard 1. */
    private static final long BASE = 300_000_000_000L;

    private static long onShard(int shard, int n) {
        return (BASE + 2L * n + shard) << 22;
    }

    private static ShardManager start(LocalDiscord discord, int shard, int total, Object... listeners)
            throws InterruptedException {
        ShardManager shards = ShardManagerFactory.build(
                discord.botToken(),
                Optional.of(discord.restBaseUrl()),
                Optional.of(discord.gatewayUrl()),
                List.of(listeners),
                OptionalInt.of(total),
                List.of(shard));
        for (JDA jda : shards.getShards()) {
            jda.awaitReady();
        }
        return shards;
    }

    private static void stop(ShardManager shards) throws InterruptedException {
        if (shards == null) {
            return;
        }
        List<JDA> all = shards.getShards();
        all.forEach(JDA::shutdownNow);
        shards.shutdown();
        for (JDA jda : all) {
            jda.awaitShutdown(TIMEOUT);
        }
    }

    @Test
    void aProcessGivenShardOneOfTwoRunsOnlyThatShard() throws Exception {
        try (LocalDiscord discord = LocalDiscord.start()) {
            discord.guild("Study Group", onShard(1, 0));
            ShardManager shards = start(discord, 1, 2);
            try {
                assertThat(shards.getShardsTotal()).isEqualTo(2);
                assertThat(shards.getShards())
                        .extracting(jda -> jda.getShardInfo().getShardId())
                        .containsExactly(1);
                assertThat(shards.getShards().get(0).getShardInfo().getShardTotal())
                        .isEqualTo(2);
            } finally {
                stop(shards);
            }
        }
    }

    @Test
    void eachGuildIsServedOnlyByTheProcessOwningItsShard() throws Exception {
        // GIVEN a guild on each of two shards, and two processes, one per shard
        try (LocalDiscord discord = LocalDiscord.start()) {
            discord.guild("Evens", onShard(0, 0));
            discord.guild("Odds", onShard(1, 0));
            CompletableFuture<Guild> joinedZero = new CompletableFuture<>();
            CompletableFuture<Guild> joinedOne = new CompletableFuture<>();
            ShardManager zero = null;
            ShardManager one = null;
            try {
                zero = start(discord, 0, 2, new Joins(joinedZero));
                one = start(discord, 1, 2, new Joins(joinedOne));

                // THEN each sees its own guild only
                assertThat(zero.getGuilds()).extracting(Guild::getName).containsExactly("Evens");
                assertThat(one.getGuilds()).extracting(Guild::getName).containsExactly("Odds");

                // WHEN the bot joins a new guild on shard 1
                discord.guild("Late Odds", onShard(1, 1));

                // THEN only shard 1's process hears of it
                assertThat(joinedOne.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).getName())
                        .isEqualTo("Late Odds");
                assertThat(joinedZero).isNotDone();
                assertThat(zero.getGuilds()).extracting(Guild::getName).containsExactly("Evens");
            } finally {
                stop(zero);
                stop(one);
            }
        }
    }

    @Test
    void theStandInCountsLoginsOfOneBucketLessThanFiveSecondsApart() throws Exception {
        // GIVEN max_concurrency 1, and two processes that do not share their login slots
        try (LocalDiscord discord = LocalDiscord.start()) {
            discord.sharding(2, 1);
            discord.guild("Evens", onShard(0, 0));
            discord.guild("Odds", onShard(1, 0));
            ShardManager zero = null;
            ShardManager one = null;
            try {
                // WHEN both log in at once
                zero = start(discord, 0, 2);
                one = start(discord, 1, 2);

                // THEN the stand-in saw the second login too soon, as Discord would
                assertThat(discord.identifiesTooSoon()).isEqualTo(1);
            } finally {
                stop(zero);
                stop(one);
            }
        }
    }

    @Test
    void gatewayBotTellsTheShardCountAndTheLoginConcurrency() throws Exception {
        try (LocalDiscord discord = LocalDiscord.start()) {
            discord.sharding(4, 2);

            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(discord.restBaseUrl() + "gateway/bot"))
                                    .header("Authorization", "Bot " + discord.botToken())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = new ObjectMapper().readTree(response.body());
            assertThat(body.path("url").asText()).isEqualTo(discord.gatewayUrl());
            assertThat(body.path("shards").asInt()).isEqualTo(4);
            assertThat(body.path("session_start_limit").path("max_concurrency").asInt())
                    .isEqualTo(2);
        }
    }

    /** Completes with the first guild the bot joins after it is ready. */
    private static final class Joins extends ListenerAdapter {
        private final CompletableFuture<Guild> joined;

        Joins(CompletableFuture<Guild> joined) {
            this.joined = joined;
        }

        @Override
        public void onGuildJoin(GuildJoinEvent event) {
            joined.complete(event.getGuild());
        }
    }
}
