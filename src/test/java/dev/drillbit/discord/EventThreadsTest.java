package dev.drillbit.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.playground.InteractionHandle;
import dev.drillbit.playground.LocalChannel;
import dev.drillbit.playground.LocalDiscord;
import dev.drillbit.playground.LocalGuild;
import dev.drillbit.playground.LocalMember;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Event handlers run on the shard's event threads, not on JDA's gateway thread. */
class EventThreadsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final CountDownLatch release = new CountDownLatch(1);
    private final LocalDiscord discord = LocalDiscord.start();
    private ShardManager shards;

    /** /slow blocks its handler until the test releases it; /fast answers at once, naming its thread. */
    private final class SlowAndFast extends ListenerAdapter {
        @Override
        public void onGuildReady(GuildReadyEvent event) {
            event.getGuild()
                    .updateCommands()
                    .addCommands(Commands.slash("slow", "blocks"), Commands.slash("fast", "answers"))
                    .queue();
        }

        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            if (event.getName().equals("slow")) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            event.reply(event.getName() + " on " + Thread.currentThread().getName())
                    .queue();
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        if (shards != null) {
            List<JDA> all = shards.getShards();
            all.forEach(JDA::shutdownNow);
            shards.shutdown();
            for (JDA jda : all) {
                jda.awaitShutdown(TIMEOUT);
            }
        }
        discord.close();
    }

    @Test
    @DisplayName("a handler blocked on one member's interaction does not delay another member's")
    void blockedHandlerDoesNotHoldUpTheShard() throws InterruptedException {
        // GIVEN a bot whose /slow handler blocks
        LocalGuild guild = discord.guild("Study Group");
        LocalChannel general = discord.channel(guild, "general");
        LocalMember alice = discord.member(guild, "alice", false);
        LocalMember bob = discord.member(guild, "bob", false);
        shards = ShardManagerFactory.build(
                discord.botToken(),
                Optional.of(discord.restBaseUrl()),
                Optional.of(discord.gatewayUrl()),
                List.of(new SlowAndFast()));
        shards.getShardById(0).awaitReady();
        discord.awaitCommand(guild, "fast", TIMEOUT);

        // WHEN alice's /slow is stuck in its handler and bob runs /fast
        InteractionHandle slow = discord.slash(alice, general, "slow");
        InteractionHandle fast = discord.slash(bob, general, "fast");

        // THEN bob is answered while alice's handler is still blocked, from a named event thread
        assertThat(fast.awaitReply(TIMEOUT).content()).startsWith("fast on drillbit-events-0-");
        assertThat(slow.callback()).isNotDone();

        // AND alice is answered once her handler is released
        release.countDown();
        assertThat(slow.awaitReply(TIMEOUT).content()).startsWith("slow on drillbit-events-0-");
    }
}
