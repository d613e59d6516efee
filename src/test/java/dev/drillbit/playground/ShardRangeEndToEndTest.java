package dev.drillbit.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.discord.ShardManagerFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.Test;

/** A process given some shards of a total logs in with exactly those, each knowing the total. */
class ShardRangeEndToEndTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void aProcessGivenShardOneOfTwoRunsOnlyThatShard() throws Exception {
        // GIVEN the stand-in
        try (LocalDiscord discord = LocalDiscord.start()) {
            discord.guild("Study Group");

            // WHEN a shard manager is built for shard 1 of 2
            ShardManager shards = ShardManagerFactory.build(
                    discord.botToken(),
                    Optional.of(discord.restBaseUrl()),
                    Optional.of(discord.gatewayUrl()),
                    List.of(),
                    OptionalInt.of(2),
                    List.of(1));
            try {
                for (JDA jda : shards.getShards()) {
                    jda.awaitReady();
                }

                // THEN it runs that one shard and knows the total
                assertThat(shards.getShardsTotal()).isEqualTo(2);
                assertThat(shards.getShards())
                        .extracting(jda -> jda.getShardInfo().getShardId())
                        .containsExactly(1);
                assertThat(shards.getShards().get(0).getShardInfo().getShardTotal())
                        .isEqualTo(2);
            } finally {
                List<JDA> all = shards.getShards();
                all.forEach(JDA::shutdownNow);
                shards.shutdown();
                for (JDA jda : all) {
                    jda.awaitShutdown(TIMEOUT);
                }
            }
        }
    }
}
