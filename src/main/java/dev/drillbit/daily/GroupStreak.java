package dev.drillbit.daily;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A study group's streak: consecutive scheduled days (days the schedule runs; other days neither count
 * nor break it) on which at least the schedule's group minimum of members answered. Immutable.
 *
 * @param current the streak as of now: 0 once a scheduled day has closed without enough members
 * @param best the longest there has been
 * @param lastCounted the last scheduled day that counted
 */
public record GroupStreak(int current, int best, Optional<LocalDate> lastCounted) {
    public static final GroupStreak NONE = new GroupStreak(0, 0, Optional.empty());
}
