package dev.drillbit.daily;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionFilter;
import dev.drillbit.bank.QuestionSource;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A study group's daily quiz: where it is posted, when (local time, zone, weekdays), what it asks, and
 * how the group is counted. Built from member input by {@link ScheduleParser}, which checks every field;
 * the constructor only guards against programming errors. Immutable.
 *
 * @param id the guild and channel it posts in
 * @param time local time of day the run starts
 * @param zone IANA time zone the time and days are read in
 * @param days the weekdays it runs on (all seven by default)
 * @param steps roadmap step ids to draw from; empty means every step
 * @param difficulty one difficulty, or any
 * @param count questions per run
 * @param pingRole a role the adapter mentions when posting a run, if any
 * @param window how long a run takes answers
 * @param groupMinimum members who must answer for a day to count towards the group streak
 * @param reportDay the weekday the weekly report is posted, or none
 * @param setBy the member who set it
 * @param since when it was set: occurrences before this instant are never due (no surprise catch-up)
 */
public record DailySchedule(
        ScheduleId id,
        LocalTime time,
        ZoneId zone,
        Set<DayOfWeek> days,
        Set<String> steps,
        Optional<Difficulty> difficulty,
        int count,
        OptionalLong pingRole,
        Duration window,
        int groupMinimum,
        Optional<DayOfWeek> reportDay,
        long setBy,
        Instant since,
        QuestionSource source) {

    /**
     * A guild's timezone, given its schedules: the zone of the one set first, UTC for a guild without any.
     * The one rule for streak days in the stores and for leaderboard periods in Discord.
     */
    public static ZoneId guildZone(java.util.Collection<DailySchedule> schedulesOfGuild) {
        return schedulesOfGuild.stream()
                .min(java.util.Comparator.comparing(DailySchedule::since))
                .map(DailySchedule::zone)
                .orElse(java.time.ZoneOffset.UTC);
    }

    public DailySchedule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(difficulty, "difficulty");
        Objects.requireNonNull(pingRole, "pingRole");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(reportDay, "reportDay");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(source, "source");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a schedule runs on at least one day");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
        steps = Set.copyOf(steps);
        if (count < 1
                || window.isNegative()
                || window.isZero()
                || window.compareTo(Duration.ofHours(24)) >= 0
                || groupMinimum < 1) {
            throw new IllegalArgumentException("count, window or group minimum out of range");
        }
        time = time.withNano(0);
    }

    /** {@link #setBy} of a schedule whose setter was forgotten ({@code /data forget}). */
    public static final long NOBODY = 0;

    public long guildId() {
        return id.guildId();
    }

    /** This schedule with another member named as its setter. */
    public DailySchedule withSetBy(long member) {
        return new DailySchedule(
                id,
                time,
                zone,
                days,
                steps,
                difficulty,
                count,
                pingRole,
                window,
                groupMinimum,
                reportDay,
                member,
                since,
                source);
    }

    public long channelId() {
        return id.channelId();
    }

    /** The questions this schedule draws from. */
    public QuestionFilter filter() {
        return QuestionFilter.ANY.withSteps(steps).withDifficulty(difficulty).withSource(source);
    }

    public boolean runsOn(LocalDate date) {
        return days.contains(date.getDayOfWeek());
    }

    /** The instant the run for {@code date} starts (see {@link LocalTimes} for clock changes). */
    public Instant startOn(LocalDate date) {
        return LocalTimes.instantOf(date, time, zone);
    }

    /** The scheduled day before {@code date}; there is one within a week since {@code days} is not empty. */
    public LocalDate previousRunDay(LocalDate date) {
        LocalDate d = date.minusDays(1);
        while (!runsOn(d)) {
            d = d.minusDays(1);
        }
        return d;
    }
}
