package dev.drillbit.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.drillbit.discord.ShardManagerFactory;
import dev.drillbit.testsupport.DiscordApiSchema;
import dev.drillbit.testsupport.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The real JDA, unmodified, against the local stand-in, driven as a member would. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalDiscordEndToEndTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private LogCapture jdaLog;
    private LocalDiscord discord;
    private ShardManager shards;
    private LocalGuild guild;
    private LocalChannel general;
    private LocalMember alice;
    private LocalMember bob;
    private final List<Posted> posted = new CopyOnWriteArrayList<>();

    @BeforeAll
    void startBot() throws InterruptedException {
        jdaLog = LogCapture.attach("net.dv8tion", Level.WARN);
        discord = LocalDiscord.start();
        guild = discord.guild("Study Group");
        general = discord.channel(guild, "general");
        alice = discord.member(guild, "alice", false);
        bob = discord.member(guild, "bob", true);
        discord.onMessage(posted::add);

        shards = ShardManagerFactory.build(
                discord.botToken(), Optional.of(discord.restBaseUrl()), Optional.of(discord.gatewayUrl()), List.of(new PingBot()));
        JDA jda = shards.getShardById(0);
        jda.awaitReady();
        discord.awaitCommand(guild, "ping", TIMEOUT);
    }

    @AfterAll
    void stopBot() throws InterruptedException {
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
    @DisplayName("slash command, button update and modal round-trip; every request matches Discord's schema")
    void pingFlow() {
        // WHEN alice runs /ping
        InteractionHandle ping = discord.slash(alice, general, "ping", Map.of("text", "hello"));
        LocalMessage reply = ping.awaitReply(TIMEOUT);

        // THEN only she sees the reply, with its buttons
        assertThat(reply.content()).isEqualTo("pong hello");
        assertThat(reply.isEphemeral()).isTrue();
        assertThat(reply.visibleTo(alice.user())).isTrue();
        assertThat(reply.visibleTo(bob.user())).isFalse();
        assertThat(reply.customIds()).containsExactly("ping:again", "ping:form");
        assertThat(discord.latestVisibleTo(alice, general)).contains(reply);
        assertThat(discord.latestVisibleTo(bob, general)).isEmpty();

        // WHEN she clicks "Again" THEN the same message is updated in place
        LocalMessage updated = discord.click(alice, reply, "ping:again").awaitReply(TIMEOUT);
        assertThat(updated.id()).isEqualTo(reply.id());
        assertThat(updated.content()).isEqualTo("pong again");
        assertThat(updated.isEdited()).isTrue();
        assertThat(updated.component("ping:again").orElseThrow().path("disabled").asBoolean()).isTrue();
        assertThat(discord.messages(general)).hasSize(1);

        // WHEN she opens the form on a fresh reply and submits it THEN the bot echoes the field
        LocalMessage second = discord.slash(alice, general, "ping").awaitReply(TIMEOUT);
        InteractionHandle form = discord.click(alice, second, "ping:form");
        assertThat(form.awaitModal(TIMEOUT).path("custom_id").asText()).isEqualTo("ping:modal");
        LocalMessage answer = discord.submitModal(alice, form, "ping:modal", Map.of("answer", "42")).awaitReply(TIMEOUT);
        assertThat(answer.content()).isEqualTo("you said 42");

        // AND listeners saw creates and the edit
        assertThat(posted).extracting(Posted::edit).contains(true, false);

        // AND every request the bot made is valid for Discord
        List<String> violations = discord.requests().stream()
                .flatMap(r -> DiscordApiSchema.get().violations(r).stream())
                .toList();
        assertThat(violations).isEmpty();
        assertThat(discord.requests()).extracting(r -> r.route().orElse("?"))
                .contains("/users/@me", "/applications/{application_id}/guilds/{guild_id}/commands",
                        "/interactions/{interaction_id}/{interaction_token}/callback")
                .doesNotContain("?");

        // AND JDA complained about nothing
        assertThat(jdaLog.lines()).isEmpty();
    }

    @Test
    void refusesUnknownCommandsAndOptions() {
        assertThatThrownBy(() -> discord.slash(alice, general, "pong"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no command /pong");
        assertThatThrownBy(() -> discord.slash(alice, general, "ping", Map.of("txt", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown options [txt]");
    }
}
