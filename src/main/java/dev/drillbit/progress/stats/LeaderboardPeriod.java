package dev.drillbit.progress.stats;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * The stretch of time a leaderboard counts, in a guild's timezone: the calendar day, the ISO week (Monday
 * to Sunday), the calendar month, or everything. Immutable.
 */
public enum LeaderboardPeriod {
    TODAY,
    WEEK,
    MONTH,
    ALL_TIME;

    /** The period containing {@code now} in {@code zone}, start inclusive and end exclusive. */
    public Window window(Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return switch (this) {
            case TODAY -> Window.of(today, today.plusDays(1), zone);
            case WEEK -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield Window.of(monday, monday.plusWeeks(1), zone);
            }
            case MONTH -> {
                LocalDate first = today.withDayOfMonth(1);
                yield Window.of(first, first.plusMonths(1), zone);
            }
            case ALL_TIME -> new Window(Instant.EPOCH, Instant.MAX);
        };
    }

    /** A half-open interval of instants. */
    public record Window(Instant from, Instant until) {
        static Window of(LocalDate first, LocalDate next, ZoneId zone) {
            return new Window(
                    first.atStartOfDay(zone).toInstant(),
                    next.atStartOfDay(zone).toInstant());
        }
    }
}
