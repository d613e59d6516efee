package dev.drillbit.daily;

import java.util.Objects;
import java.util.Optional;

/**
 * What a member typed to set a schedule, option by option, before any checking. Empty options take the
 * defaults ({@link ScheduleParser}). Immutable.
 *
 * @param time {@code HH:MM}, 24-hour
 * @param zone an IANA time zone such as {@code Europe/Berlin}
 * @param days {@code daily}, {@code weekdays}, {@code weekends}, {@code mon-fri}, {@code mon,wed,fri}
 * @param steps comma-separated roadmap step ids
 * @param difficulty {@code junior}, {@code mid} or {@code senior}
 * @param count questions per run
 * @param windowHours hours a run takes answers
 * @param pingRole a role id to mention
 * @param groupMinimum members needed for a day to count towards the group streak
 * @param reportDay weekday of the weekly report, or {@code off}
 * @param source {@code shipped}, {@code server} or {@code both}: which questions the runs draw from
 */
public record ScheduleInput(
        long guildId,
        long channelId,
        long setBy,
        String time,
        String zone,
        Optional<String> days,
        Optional<String> steps,
        Optional<String> difficulty,
        Optional<Integer> count,
        Optional<Integer> windowHours,
        Optional<Long> pingRole,
        Optional<Integer> groupMinimum,
        Optional<String> reportDay,
        Optional<String> source) {

    public ScheduleInput {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
    }

    /** Just the required options; every other one takes its default. */
    public static ScheduleInput of(long guildId, long channelId, long setBy, String time, String zone) {
        return new ScheduleInput(
                guildId,
                channelId,
                setBy,
                time,
                zone,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public ScheduleInput withDays(String value) {
        return new ScheduleInput(
                guildId,
                channelId,
                setBy,
                time,
                zone,
                Optional.of(value),
                steps,
                difficulty,
                count,
                windowHours,
                pingRole,
                groupMinimum,
                reportDay,
                source);
    }

    public ScheduleInput withSteps(String value) {
        return new ScheduleInput(
                guildId,
                channelId,
                setBy,
                time,
                zone,
                days,
                Optional.of(value),
                difficulty,
                count,
                windowHours,
                pingRole,
                groupMinimum,
                reportDay,
                source);
    }

    public ScheduleInput withDifficulty(String value) {
        return new ScheduleInput(
                guildId,
                channelId,
                setBy,
                time,
                zone,
                days,
                steps,
                Optional.of(value),
                count,
                windowHours,
                pingRole,
                groupMinimum,
                reportDay,
                source);
    }

    public ScheduleInput withCount(int value) {
        return new ScheduleInput(
                guildId,
                channelId,
                setBy,
                time,
                zone,
                days,
                steps,
                difficulty,
                Optional.of(value),
                windowHours,
                pingRole,
                groupMinimum,
                reportDay,
                source);
    }

    public ScheduleInput withWindowHours(int value) {
        return new ScheduleInput(
                guildId,
                channelId,
                setBy,
                time,
                zone,
                days,
                steps,
                difficulty,
                count,
                Optional.of(value),
                pingRole,
                groupMinimum,
                reportDay,
                source);
    }

    public ScheduleInput withPingRole(long value) {
        return new ScheduleInput(
                guildId,
                channelId,
                setBy,
                time,
                zone,
                days,
                steps,
                difficulty,
                count,
                windowHours,
                Optional.of(value),
                groupMinimum,
                reportDay,
                source);
    }

    public ScheduleInput withGroupMinimum(int value) {
        return new ScheduleInput(
                guildId,
                channelId,
                setBy,
                time,
                zone,
                days,
                steps,
                difficulty,
                count,
                windowHours,
                pingRole,
                Optional.of(value),
                reportDay,
                source);
    }

    public ScheduleInput withReportDay(String value) {
        return new ScheduleInput(
                guildId,
                channelId,
                setBy,
                time,
                zone,
                days,
                steps,
                difficulty,
                count,
                windowHours,
                pingRole,
                groupMinimum,
                Optional.of(value),
                source);
    }

    public ScheduleInput withSource(String value) {
        return new ScheduleInput(
                guildId,
                channelId,
                setBy,
                time,
                zone,
                days,
                steps,
                difficulty,
                count,
                windowHours,
                pingRole,
                groupMinimum,
                reportDay,
                Optional.of(value));
    }
}
