package dev.drillbit.progress.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A member's answer streak: consecutive days with at least one answer, kept as running state (the last
 * day answered, the current run, the best run) so that it never needs every day ever answered. Days are
 * local dates in the guild's zone, as epoch days. Immutable; pure.
 *
 * <p>The trade-off of running state: an answer for a day before the last day answered does not change the
 * streak (a late event cannot reopen a past run).
 *
 * @param lastDay the epoch day of the latest answer, {@link #NO_DAY} before the first
 */
public record Streak(int lastDay, int current, int best) {
    public static final int NO_DAY = Integer.MIN_VALUE;
    public static final Streak NONE = new Streak(NO_DAY, 0, 0);

    /** The epoch day {@code at} falls on in {@code zone}: where a guild's day is cut. */
    public static int dayOf(Instant at, ZoneId zone) {
        return (int) LocalDate.ofInstant(at, zone).toEpochDay();
    }

    /** The streak after an answer on {@code day}: the same day changes nothing, the next day extends it, a gap restarts it. */
    public Streak answeredOn(int day) {
        if (lastDay == NO_DAY || day > lastDay + 1) {
            return new Streak(day, 1, Math.max(best, 1));
        }
        if (day == lastDay + 1) {
            return new Streak(day, current + 1, Math.max(best, current + 1));
        }
        return this;
    }

    /** The current run as of {@code today}: still alive through the day after the last answer, 0 after a missed day. */
    public int currentOn(int today) {
        return lastDay != NO_DAY && today - lastDay <= 1 ? current : 0;
    }
}
