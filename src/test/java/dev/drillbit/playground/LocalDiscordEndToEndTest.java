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
                discord.botToken(),
                Optional.of(discord.restBaseUrl()),
                Optional.of(discord.gatewayUrl()),
                List.of(new PingBot(), new QuizBot(), new EchoBot()));
        JDA jda = shards.getShardById(0);
        jda.awaitReady();
        discord.awaitCommand(guild, "ping", TIMEOUT);
        discord.awaitCommand(guild, "quiz", TIMEOUT);
        discord.awaitCommand(guild, "where", TIMEOUT);
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
        assertThat(updated.component("ping:again")
                        .orElseThrow()
                        .path("disabled")
                        .asBoolean())
                .isTrue();
        assertThat(discord.messages(general)).hasSize(1);

        // WHEN she opens the form on a fresh reply and submits it THEN the bot echoes the field
        LocalMessage second = discord.slash(alice, general, "ping").awaitReply(TIMEOUT);
        InteractionHandle form = discord.click(alice, second, "ping:form");
        assertThat(form.awaitModal(TIMEOUT).path("custom_id").asText()).isEqualTo("ping:modal");
        LocalMessage answer = discord.submitModal(alice, form, "ping:modal", Map.of("answer", "42"))
                .awaitReply(TIMEOUT);
        assertThat(answer.content()).isEqualTo("you said 42");

        // AND listeners saw creates and the edit
        assertThat(posted).extracting(Posted::edit).contains(true, false);

        assertThat(discord.requests())
                .extracting(r -> r.route().orElse("?"))
                .contains(
                        "/users/@me",
                        "/applications/{application_id}/guilds/{guild_id}/commands",
                        "/interactions/{interaction_id}/{interaction_token}/callback");
        assertBotBehavedLikeOnDiscord();
    }

    @Test
    @DisplayName("an interaction is stamped when it is dispatched and when its callback reaches the stand-in")
    void interactionTimestamps() {
        long before = System.nanoTime();
        InteractionHandle ping = discord.slash(alice, general, "ping", Map.of("text", "time"));

        assertThat(ping.dispatchedNanos() - before).isGreaterThanOrEqualTo(0);
        ping.awaitCallback(TIMEOUT);
        assertThat(ping.callbackReceivedNanos() - ping.dispatchedNanos()).isPositive();
        assertThat(System.nanoTime() - ping.callbackReceivedNanos()).isGreaterThanOrEqualTo(0);
    }

    @Test
    @DisplayName("subcommand with every option type: deferred ephemeral reply, @original edit, follow-up, select")
    void deferredReplyWithSelectAndFollowUp() {
        LocalChannel other = discord.channel(guild, "quiz-room");
        LocalRole learners = discord.role(guild, "learners", 0);

        InteractionHandle start = discord.slash(
                alice,
                general,
                "quiz start",
                Map.of(
                        "topic", "java", "count", "3", "hard", true, "where", "general", "role", learners, "buddy",
                        bob));

        assertThat(start.awaitCallback(TIMEOUT).type()).isEqualTo(5);
        LocalMessage reply = start.awaitReply(TIMEOUT);
        assertThat(reply.content()).isEqualTo("starting java 3 true general learners bob");
        assertThat(reply.isEphemeral()).isTrue();
        assertThat(reply.isLoading()).isFalse();
        LocalMessage followUp = start.awaitFollowUp(0, TIMEOUT);
        assertThat(followUp.content()).isEqualTo("good luck");
        assertThat(followUp.visibleTo(bob.user())).isFalse();

        LocalMessage answered = discord.select(alice, reply, "quiz:answer", "b").awaitReply(TIMEOUT);
        assertThat(answered.id()).isEqualTo(reply.id());
        assertThat(answered.content()).isEqualTo("answered b");
        assertThat(answered.customIds()).isEmpty();
        assertThat(other.name()).isEqualTo("quiz-room");
        assertBotBehavedLikeOnDiscord();
    }

    @Test
    void autocompleteOffersMatchingChoices() {
        InteractionHandle typing = discord.autocomplete(alice, general, "quiz start", "topic", "ja", Map.of());
        assertThat(typing.awaitChoices(TIMEOUT))
                .extracting(c -> c.path("value").asText())
                .containsExactly("java", "javascript");
        assertBotBehavedLikeOnDiscord();
    }

    @Test
    @DisplayName("channel message with a PNG, a thread from it, a message in the thread, a DM")
    void reportWithAttachmentThreadAndDirectMessage() {
        InteractionHandle report = discord.slash(bob, general, "quiz report");
        assertThat(report.awaitReply(TIMEOUT).content()).isEqualTo("report posted");

        LocalMessage posted = discord.awaitMessage(general, m -> m.content().equals("weekly report"), TIMEOUT);
        assertThat(posted.attachments().get(0).path("filename").asText()).isEqualTo("chart.png");
        assertThat(posted.visibleTo(alice.user())).isTrue();
        RecordedRequest upload = discord.requests().stream()
                .filter(r -> r.isMultipart() && !r.files().isEmpty())
                .findFirst()
                .orElseThrow();
        assertThat(upload.files().get(0).bytes()).isEqualTo(QuizBot.PNG);

        LocalChannel thread = discord.channels().stream()
                .filter(LocalChannel::isThread)
                .findFirst()
                .orElseThrow();
        assertThat(thread.id()).isEqualTo(posted.id());
        assertThat(discord.messages(thread)).extracting(LocalMessage::content).containsExactly("discuss here");
        LocalChannel dm = discord.directChannel(bob.user()).orElseThrow();
        assertThat(discord.messages(dm)).extracting(LocalMessage::content).containsExactly("your report is ready");
        assertBotBehavedLikeOnDiscord();
    }

    private void assertBotBehavedLikeOnDiscord() {
        // every request the bot made is valid for Discord and hit a route the stand-in knows
        List<String> violations = discord.requests().stream()
                .flatMap(r -> DiscordApiSchema.get().violations(r).stream())
                .toList();
        assertThat(violations).isEmpty();
        assertThat(discord.requests())
                .allSatisfy(r -> assertThat(r.route()).as(r.toString()).isPresent());
        // and JDA logged no parse error or warning about what the stand-in sent
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

    @Test
    @DisplayName("a DM interaction: context BOT_DM, no guild, the user's integration; the reply lands in the DM")
    void directMessageInteraction() {
        LocalChannel dm = discord.openDirect(alice.user());

        LocalMessage reply = discord.slash(alice, dm, "where").awaitReply(TIMEOUT);

        assertThat(reply.content()).isEqualTo("BOT_DM attached=false user-owner=true");
        assertThat(discord.messages(dm)).contains(reply);
        assertThat(discord.directChannel(alice.user())).contains(dm);
        assertBotBehavedLikeOnDiscord();
    }

    @Test
    @DisplayName("a server without the bot: a user-install interaction, public unless External Apps is off")
    void serverWithoutTheBot() {
        LocalGuild elsewhere = discord.guildWithoutBot("Elsewhere");
        LocalChannel chat = discord.channel(elsewhere, "chat");
        LocalMember carl = discord.member(elsewhere, "carl", false);

        LocalMessage open = discord.slash(carl, chat, "where").awaitReply(TIMEOUT);
        assertThat(open.content()).isEqualTo("GUILD attached=false user-owner=true");
        assertThat(open.isEphemeral()).isFalse();

        discord.externalApps(elsewhere, false);
        LocalMessage forced = discord.slash(carl, chat, "where").awaitReply(TIMEOUT);
        assertThat(forced.isEphemeral()).isTrue();
        assertThat(forced.visibleTo(carl.user())).isTrue();

        assertThatThrownBy(() -> discord.slash(carl, chat, "ping"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Discord does not offer /ping");
        assertBotBehavedLikeOnDiscord();
    }

    @Test
    @DisplayName("in a server with the bot the same command goes through the guild install")
    void guildInstallInAServerWithTheBot() {
        LocalChannel room = discord.channel(guild, "where");
        LocalMessage reply = discord.slash(alice, room, "where").awaitReply(TIMEOUT);
        assertThat(reply.content()).isEqualTo("GUILD attached=true user-owner=false");
    }

    @Test
    @DisplayName("the same person joins a second server as a member of it")
    void onePersonInTwoServers() {
        LocalGuild second = discord.guild("Second");
        LocalMember alsoAlice = discord.join(second, alice.user(), false);
        assertThat(alsoAlice.user()).isEqualTo(alice.user());
        assertThat(alsoAlice.guild()).isEqualTo(second);
        assertThatThrownBy(() -> discord.join(second, alice.user(), false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
