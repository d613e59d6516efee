package dev.drillbit.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.learning.LearningStore;
import dev.drillbit.learning.Rating;
import dev.drillbit.progress.Answer;
import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.stats.LeaderboardPeriod;
import dev.drillbit.quiz.SelfGrade;
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
    private static final long GUILD_UTC = 1;
    private static final long GUILD_KOLKATA = 2;
    private static final List<String> STEPS = List.of("sql", "caching", "apis");

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
        Random random = new Random(20261204);
        for (int i = 0; i < 700; i++) {
            time.advance(Duration.ofMinutes(40));
            long guild = random.nextBoolean() ? GUILD_UTC : GUILD_KOLKATA;
            long user = 1 + random.nextInt(12);
            int op = random.nextInt(100);
            if (op < 85) {
                Answer a = answer(random, guild, user);
                assertThat(pg.record(a).join()).isEqualTo(flat.record(a).join());
            } else if (op < 93) {
                String q = STEPS.get(random.nextInt(3)) + "-00" + random.nextInt(5);
                Rating r = Rating.values()[random.nextInt(4)];
                assertThat(pg.review(guild, user, q, r, time.instant()).join())
                        .isEqualTo(
                                flat.review(guild, user, q, r, time.instant()).join());
            } else if (op < 99) {
                boolean on = random.nextBoolean();
                assertThat(pg.setReminder(user, on).join())
                        .isEqualTo(flat.setReminder(user, on).join());
            } else {
                assertThat(pg.forget(guild, user).join().hadData())
                        .isEqualTo(flat.forget(guild, user).join().hadData());
            }
        }

        // the history is rich enough to mean something: full boards, today's too, decks, reminders
        assertThat(flat.leaderboard(GUILD_KOLKATA, LeaderboardPeriod.ALL_TIME, Optional.empty(), 5, ZoneOffset.UTC)
                        .ranked())
                .isGreaterThan(10);
        assertThat(flat.leaderboard(GUILD_UTC, LeaderboardPeriod.TODAY, Optional.of("sql"), 5, ZoneOffset.UTC)
                        .ranked())
                .isPositive();
        assertThat(flat.deckSize(3)).isPositive();
        assertThat(flat.membersToRemind(time.instant().plus(Duration.ofDays(30))))
                .isNotEmpty();
        assertSame(flat, pg);
        flat.close();
        pg.close();
        LearningStore flatAgain = flat();
        LearningStore pgAgain = postgres();
        try {
            assertSame(flatAgain, pgAgain);
        } finally {
            flatAgain.close();
            pgAgain.close();
        }
    }

    /** An answer at a time up to two days before now, so that some arrive out of order. */
    private Answer answer(Random random, long guild, long user) {
        String step = STEPS.get(random.nextInt(3));
        QuestionType type = QuestionType.values()[random.nextInt(QuestionType.values().length)];
        Difficulty difficulty = Difficulty.values()[random.nextInt(3)];
        Optional<SelfGrade> grade = type == QuestionType.OPEN
                ? Optional.of(SelfGrade.values()[random.nextInt(SelfGrade.values().length)])
                : Optional.empty();
        boolean correct = grade.map(g -> g == SelfGrade.NAILED).orElseGet(random::nextBoolean);
        int points = correct ? 10 * (1 + difficulty.ordinal()) : 0;
        Instant at = time.instant().minusSeconds(random.nextInt(2 * 24 * 3600)).plusMillis(random.nextInt(1000));
        Answer a = new Answer(
                guild, user, step + "-00" + random.nextInt(5), step, difficulty, type, correct, grade, points, at);
        if (random.nextBoolean()) {
            a = a.withTiming(Duration.ofMillis(random.nextInt(40_000)), Duration.ofSeconds(30));
        }
        if (type == QuestionType.MULTIPLE_CHOICE && random.nextBoolean()) {
            a = a.withChoice(random.nextInt(4));
        }
        return a;
    }

    private void assertSame(LearningStore flat, LearningStore pg) {
        for (long guild : List.of(GUILD_UTC, GUILD_KOLKATA)) {
            for (long user = 0; user <= 13; user++) {
                assertThat(pg.memberStats(guild, user))
                        .as("stats of %d in %d", user, guild)
                        .isEqualTo(flat.memberStats(guild, user));
                assertThat(pg.history(guild, user))
                        .as("history of %d in %d", user, guild)
                        .isEqualTo(flat.history(guild, user));
                assertThat(pg.learner(user)).as("learner %d in %d", user, guild).isEqualTo(flat.learner(user));
                assertThat(pg.dueCards(user, time.instant())).isEqualTo(flat.dueCards(user, time.instant()));
                assertThat(pg.nextDue(user)).isEqualTo(flat.nextDue(user));
            }
            for (LeaderboardPeriod period : LeaderboardPeriod.values()) {
                for (Optional<String> step : List.of(
                        Optional.<String>empty(), Optional.of("sql"), Optional.of("apis"), Optional.of("nope"))) {
                    for (ZoneId zone : List.of(ZoneOffset.UTC, ZoneId.of("Asia/Kolkata"))) {
                        assertThat(pg.leaderboard(guild, period, step, 5, zone))
                                .as("%s board of %d, step %s, in %s", period, guild, step, zone)
                                .isEqualTo(flat.leaderboard(guild, period, step, 5, zone));
                    }
                }
            }
        }
        assertThat(pg.questionStats()).isEqualTo(flat.questionStats());
        for (int days = 0; days < 40; days += 3) {
            Instant at = time.instant().plus(Duration.ofDays(days));
            assertThat(pg.membersToRemind(at)).as("to remind in %d days", days).isEqualTo(flat.membersToRemind(at));
        }
    }
}
