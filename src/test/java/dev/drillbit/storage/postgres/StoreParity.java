package dev.drillbit.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.learning.LearningStore;
import dev.drillbit.learning.Rating;
import dev.drillbit.progress.Answer;
import dev.drillbit.progress.stats.LeaderboardPeriod;
import dev.drillbit.quiz.SelfGrade;
import dev.drillbit.testsupport.ManualTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * A random history of every kind of event, played into several stores at once, and the check that two
 * stores answer every query the same: what {@link PostgresMatchesFlatFileTest} and {@link MigrateDataTest}
 * hold the PostgreSQL store to.
 */
final class StoreParity {
    static final long GUILD_UTC = 1;
    static final long GUILD_KOLKATA = 2;
    static final int USERS = 12;
    private static final List<String> STEPS = List.of("sql", "caching", "apis");

    private StoreParity() {}

    /**
     * Plays {@code events} random events (answers of every type at out-of-order times, own ratings,
     * reminders, the odd forget) into every store, 40 minutes apart, checking that each store returns the
     * same result.
     */
    static void play(Random random, ManualTime time, int events, List<LearningStore> stores) {
        for (int i = 0; i < events; i++) {
            time.advance(Duration.ofMinutes(40));
            long guild = random.nextBoolean() ? GUILD_UTC : GUILD_KOLKATA;
            long user = 1 + random.nextInt(USERS);
            int op = random.nextInt(100);
            Function<LearningStore, Object> event;
            if (op < 85) {
                Answer a = answer(random, time, guild, user);
                event = s -> s.record(a).join();
            } else if (op < 93) {
                String q = STEPS.get(random.nextInt(3)) + "-00" + random.nextInt(5);
                Rating r = Rating.values()[random.nextInt(4)];
                Instant at = time.instant();
                event = s -> s.review(guild, user, q, r, at).join();
            } else if (op < 99) {
                boolean on = random.nextBoolean();
                event = s -> s.setReminder(guild, user, on).join();
            } else {
                event = s -> s.forget(guild, user).join().hadData();
            }
            List<Object> results = new ArrayList<>();
            stores.forEach(s -> results.add(event.apply(s)));
            assertThat(results).as("event %d in every store", i).containsOnly(results.get(0));
        }
    }

    /** An answer at a time up to two days before now, so that some arrive out of order. */
    static Answer answer(Random random, ManualTime time, long guild, long user) {
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

    /** Every query of both stores gives the same answer, for every member of both guilds, at {@code now}. */
    static void assertSame(LearningStore flat, LearningStore pg, Instant now) {
        for (long guild : List.of(GUILD_UTC, GUILD_KOLKATA)) {
            for (long user = 0; user <= USERS + 1; user++) {
                assertThat(pg.memberStats(guild, user))
                        .as("stats of %d in %d", user, guild)
                        .isEqualTo(flat.memberStats(guild, user));
                assertThat(pg.history(guild, user))
                        .as("history of %d in %d", user, guild)
                        .isEqualTo(flat.history(guild, user));
                assertThat(pg.learner(guild, user))
                        .as("learner %d in %d", user, guild)
                        .isEqualTo(flat.learner(guild, user));
                assertThat(pg.dueCards(guild, user, now)).isEqualTo(flat.dueCards(guild, user, now));
                assertThat(pg.nextDue(guild, user)).isEqualTo(flat.nextDue(guild, user));
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
            Instant at = now.plus(Duration.ofDays(days));
            assertThat(pg.membersToRemind(at)).as("to remind in %d days", days).isEqualTo(flat.membersToRemind(at));
        }
    }
}
