package dev.drillbit.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.learning.LearningStore;
import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.stats.LeaderboardPeriod;
import dev.drillbit.storage.flatfile.FlatFileScoreStore;
import dev.drillbit.storage.flatfile.StoreOptions;
import dev.drillbit.testsupport.ManualTime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Beyond the contract: the same long random sequence of events (answers of every type at out-of-order
 * times over three weeks, own ratings, reminders, forgets) recorded into the flat files and into
 * PostgreSQL gives the same answer to every query, in two guild zones (one 5:30 off UTC, to test the
 * quarter-hour cut of period boards), also after both restart.
 */
class PostgresMatchesFlatFileTest {
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final long GUILD_UTC = StoreParity.GUILD_UTC;
    private static final long GUILD_KOLKATA = StoreParity.GUILD_KOLKATA;

    @RegisterExtension
    final FreshDatabase database = new FreshDatabase();

    @TempDir
    Path dir;

    private final ManualTime time = new ManualTime(T0);
    private final GuildZones zones = guild -> guild == GUILD_KOLKATA ? ZoneId.of("Asia/Kolkata") : ZoneOffset.UTC;

    private LearningStore flat() {
        return FlatFileScoreStore.open(
                StoreOptions.defaults(dir).withClock(time).withZones(zones));
    }

    private LearningStore postgres() {
        return PostgresScoreStore.open(database.db(), time, zones);
    }

    @Test
    @DisplayName("a random history of 700 events reads the same from both stores, before and after a restart")
    void sameAnswersToEveryQuery() {
        LearningStore flat = flat();
        LearningStore pg = postgres();
        StoreParity.play(new Random(20261204), time, 700, List.of(flat, pg));

        // the history is rich enough to mean something: full boards, today's too, decks, reminders
        assertThat(flat.leaderboard(GUILD_KOLKATA, LeaderboardPeriod.ALL_TIME, Optional.empty(), 5, ZoneOffset.UTC)
                        .ranked())
                .isGreaterThan(10);
        assertThat(flat.leaderboard(GUILD_UTC, LeaderboardPeriod.TODAY, Optional.of("sql"), 5, ZoneOffset.UTC)
                        .ranked())
                .isPositive();
        assertThat(flat.deckSize(GUILD_UTC, 3)).isPositive();
        assertThat(flat.membersToRemind(time.instant().plus(Duration.ofDays(30))))
                .isNotEmpty();
        StoreParity.assertSame(flat, pg, time.instant());
        flat.close();
        pg.close();
        LearningStore flatAgain = flat();
        LearningStore pgAgain = postgres();
        try {
            StoreParity.assertSame(flatAgain, pgAgain, time.instant());
        } finally {
            flatAgain.close();
            pgAgain.close();
        }
    }
}
