package dev.drillbit.playground;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.drillbit.discord.ShardManagerFactory;
import dev.drillbit.testsupport.LogCapture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The real JDA against the stand-in's rate limits: a 429 is retried by JDA as on Discord, and every request
 * still arrives, once. Limits are tighter than Discord's so that a burst is certain to hit them whatever the
 * machine's speed; the numbers do not change how JDA reads the headers.
 */
class RateLimitEndToEndTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private LogCapture jdaLog;
    private LocalDiscord discord;
    private ShardManager shards;
    private LocalGuild guild;

    private JDA start(RateLimits limits, int channels, List<LocalChannel> created) throws InterruptedException {
        jdaLog = LogCapture.attach("net.dv8tion", Level.WARN);
        discord = LocalDiscord.start(limits);
        guild = discord.guild("Busy Server");
        for (int i = 0; i < channels; i++) {
            created.add(discord.channel(guild, "room-" + i));
        }
        shards = ShardManagerFactory.build(
                discord.botToken(), Optional.of(discord.restBaseUrl()), Optional.of(discord.gatewayUrl()), List.of());
        JDA jda = shards.getShardById(0);
        jda.awaitReady();
        return jda;
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (shards != null) {
            List<JDA> all = shards.getShards();
            all.forEach(JDA::shutdownNow);
            shards.shutdown();
            for (JDA jda : all) {
                jda.awaitShutdown(TIMEOUT);
            }
        }
        if (discord != null) {
            discord.close();
        }
        if (jdaLog != null) {
            jdaLog.close();
        }
    }

    @Test
    @DisplayName("a burst over the global limit gets global 429s that JDA waits out; every message arrives once")
    void burstOverTheGlobalLimit() throws InterruptedException {
        // GIVEN a global limit of 10 a second and 24 channels
        List<LocalChannel> rooms = new ArrayList<>();
        JDA jda = start(RateLimits.discord().withGlobal(10), 24, rooms);

        // WHEN the bot posts to each at once
        for (LocalChannel room : rooms) {
            TextChannel channel = jda.getTextChannelById(room.id());
            channel.sendMessage("hello " + room.name()).queue();
        }

        // THEN each message arrives, once, although the stand-in refused some with a global 429
        for (LocalChannel room : rooms) {
            discord.awaitMessage(room, m -> m.content().equals("hello " + room.name()), TIMEOUT);
        }
        assertThat(rooms).allSatisfy(room -> assertThat(discord.messages(room)).hasSize(1));
        assertThat(discord.requests())
                .filteredOn(r ->
                        r.method().equals("POST") && r.route().orElse("").equals("/channels/{channel_id}/messages"))
                .hasSize(24);
        assertThat(discord.rateLimited()).isNotEmpty();
        assertThat(discord.invalidRequests()).isEqualTo(discord.rateLimited().size());
        assertThat(jdaLog.lines())
                .as("JDA read the 429 as Discord's global limit, not as a Cloudflare ban")
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("Encountered global rate limit"));
    }

    @Test
    @DisplayName("a 429 for a bucket JDA did not know was empty is retried after Retry-After; the message arrives")
    void bucketEmptiedBehindJdasBack() throws Exception {
        // GIVEN a channel whose message bucket (2 a second) another client just emptied
        List<LocalChannel> rooms = new ArrayList<>();
        start(RateLimits.parse("messages=2/1s"), 1, rooms);
        LocalChannel room = rooms.get(0);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(postAsAnotherClient(room, "other " + i));
        }

        // WHEN the bot posts there
        shards.getShardById(0).getTextChannelById(room.id()).sendMessage("mine").queue();

        // THEN it is refused once, then served after the bucket's reset, and nothing was lost or doubled
        LocalMessage mine = discord.awaitMessage(room, m -> m.content().equals("mine"), TIMEOUT);
        assertThat(statuses).containsExactly(200, 200, 429);
        assertThat(discord.messages(room))
                .extracting(LocalMessage::content)
                .containsExactly("other 0", "other 1", "mine");
        assertThat(discord.rateLimited()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(mine.content()).isEqualTo("mine");
        assertThat(jdaLog.lines())
                .as("a first 429 on a route is no warning for JDA")
                .isEmpty();
    }

    private int postAsAnotherClient(LocalChannel room, String content) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(discord.restBaseUrl() + "channels/" + room.idString() + "/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"" + content + "\"}"))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
