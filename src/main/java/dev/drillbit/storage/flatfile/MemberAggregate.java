package dev.drillbit.storage.flatfile;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.stats.Streak;
import java.util.Arrays;

/**
 * Everything kept in memory about one member in one guild, kept small on purpose.
 *
 * <p>All-time figures are exact. For periods (today, week, month) the member keeps only
 * <em>recent</em> points: one packed {@code long} per quarter-hour and step in which they scored, for
 * the last {@link #RECENT_DAYS} days. Quarter-hours in UTC make any real timezone's day, week and month
 * exact (every offset in use is a multiple of 15 minutes), so a leaderboard can be asked in any zone.
 * Streaks need every day ever answered, which would grow without bound; instead the streak is kept as
 * running state (last day, current run, best run) cut in the guild's zone when the answer is recorded.
 * The trade-off: an answer that arrives for a day before the member's last active day does not change
 * the streak. Each answer event carries the day it counts for (cut in the guild's zone when recorded),
 * so changing a guild's timezone moves day boundaries from then on only, also across a replay.
 *
 * <p>The learning loop adds: which questions the member has answered and whether their latest answer to
 * each was right (two bit sets over the store's question numbers, about 80 bytes each for a bank of 600
 * questions), the review deck ({@link ReviewDeck}, created with the first card) and the reminder setting.
 *
 * <p>Not thread-safe: mutated by the store's writer thread under the aggregate write lock.
 */
final class MemberAggregate {
    static final int RECENT_DAYS = 35;
    static final long QUARTER_MS = 15 * 60 * 1000L;
    static final int NO_DAY = Streak.NO_DAY;
    private static final int[] NO_INTS = new int[0];
    private static final long[] NO_LONGS = new long[0];
    private static final int POINTS_BITS = 20;
    private static final int POINTS_MAX = (1 << POINTS_BITS) - 1;

    long points;
    int answered;
    int correct;
    /** When the member's current all-time points were reached (last scoring answer), epoch ms. */
    long reachedMs;

    long lastActiveMs;
    /** answered, correct per {@link Difficulty} ordinal. */
    final int[] byDifficulty = new int[2 * Difficulty.values().length];
    /**
     * answered, correct, points per step index; may be longer than the steps answered (zeros after them),
     * see {@link #stepsLength}.
     */
    int[] bySteps = NO_INTS;

    int streakLastDay = NO_DAY;
    int streakCurrent;
    int streakBest;
    /** Packed (quarter-hour << 32 | step << 20 | points), ascending quarter-hour. */
    long[] recent = NO_LONGS;

    int recentCount;
    /** Bit q set: question number q answered at least once. */
    long[] seen = NO_LONGS;
    /** Bit q set: the latest answer to question number q was right. */
    long[] right = NO_LONGS;
    /** Review cards, or null while there are none. */
    ReviewDeck deck;

    boolean remind;

    /** Notes an answer to question number {@code question}. */
    void learn(int question, boolean correct) {
        int word = question >>> 6;
        if (seen.length <= word) {
            seen = Arrays.copyOf(seen, word + 1);
            right = Arrays.copyOf(right, word + 1);
        }
        seen[word] |= 1L << question;
        if (correct) {
            right[word] |= 1L << question;
        } else {
            right[word] &= ~(1L << question);
        }
    }

    /** The length of {@link #bySteps} up to the last step answered: what a snapshot line keeps. */
    int stepsLength() {
        int n = bySteps.length;
        while (n >= 3 && bySteps[n - 3] == 0 && bySteps[n - 2] == 0 && bySteps[n - 1] == 0) {
            n -= 3;
        }
        return n;
    }

    static boolean bit(long[] words, int i) {
        int word = i >>> 6;
        return word < words.length && (words[word] & 1L << i) != 0;
    }

    void clearLearning() {
        seen = NO_LONGS;
        right = NO_LONGS;
        deck = null;
        remind = false;
    }

    ReviewDeck deck() {
        if (deck == null) {
            deck = new ReviewDeck();
        }
        return deck;
    }

    void apply(AnswerEvent e, int step, int day, long oldestQuarter) {
        answered++;
        int c = e.correct() ? 1 : 0;
        correct += c;
        int d = e.difficulty().ordinal();
        byDifficulty[2 * d]++;
        byDifficulty[2 * d + 1] += c;
        if (bySteps.length < 3 * (step + 1)) {
            // Room for two more steps: members go on through the steps, and a replay would copy at each.
            bySteps = Arrays.copyOf(bySteps, 3 * (step + 3));
        }
        bySteps[3 * step]++;
        bySteps[3 * step + 1] += c;
        bySteps[3 * step + 2] += e.points();
        long at = e.at().toEpochMilli();
        lastActiveMs = Math.max(lastActiveMs, at);
        if (e.points() > 0) {
            points += e.points();
            reachedMs = Math.max(reachedMs, at);
            addRecent(Math.floorDiv(at, QUARTER_MS), step, e.points(), oldestQuarter);
        }
        Streak streak = streak().answeredOn(day);
        streakLastDay = streak.lastDay();
        streakCurrent = streak.current();
        streakBest = streak.best();
    }

    private void addRecent(long quarter, int step, int add, long oldestQuarter) {
        prune(oldestQuarter);
        if (quarter < oldestQuarter) {
            return;
        }
        int i = recentCount;
        while (i > 0 && quarterOf(recent[i - 1]) > quarter) {
            i--;
        }
        for (int j = i - 1; j >= 0 && quarterOf(recent[j]) == quarter; j--) {
            if (stepOf(recent[j]) == step) {
                recent[j] = pack(quarter, step, Math.min(POINTS_MAX, pointsOf(recent[j]) + add));
                return;
            }
        }
        if (recentCount == recent.length) {
            recent = Arrays.copyOf(recent, Math.max(2, recentCount + (recentCount >> 1) + 1));
        }
        System.arraycopy(recent, i, recent, i + 1, recentCount - i);
        recent[i] = pack(quarter, step, Math.min(POINTS_MAX, add));
        recentCount++;
    }

    void prune(long oldestQuarter) {
        int drop = 0;
        while (drop < recentCount && quarterOf(recent[drop]) < oldestQuarter) {
            drop++;
        }
        if (drop > 0) {
            System.arraycopy(recent, drop, recent, 0, recentCount - drop);
            recentCount -= drop;
            if (recentCount < recent.length / 4) {
                recent = Arrays.copyOf(recent, recentCount);
            }
        }
    }

    /** Points and the start of the last scoring quarter-hour in [fromMs, untilMs), optionally for one step. */
    long[] periodPoints(long fromMs, long untilMs, int step) {
        long sum = 0;
        long last = 0;
        for (int i = 0; i < recentCount; i++) {
            long r = recent[i];
            long startMs = quarterOf(r) * QUARTER_MS;
            if (startMs >= fromMs && startMs < untilMs && (step < 0 || stepOf(r) == step)) {
                sum += pointsOf(r);
                last = startMs;
            }
        }
        return new long[] {sum, last};
    }

    /** The streak rule's state, unpacked from three ints to keep a member small. */
    Streak streak() {
        return new Streak(streakLastDay, streakCurrent, streakBest);
    }

    int currentStreak(int today) {
        return streak().currentOn(today);
    }

    static long pack(long quarter, int step, int points) {
        return quarter << 32 | (long) step << POINTS_BITS | points;
    }

    static long quarterOf(long packed) {
        return packed >>> 32;
    }

    static int stepOf(long packed) {
        return (int) (packed >>> POINTS_BITS) & (StepTable.MAX_STEPS - 1);
    }

    static int pointsOf(long packed) {
        return (int) packed & POINTS_MAX;
    }
}
