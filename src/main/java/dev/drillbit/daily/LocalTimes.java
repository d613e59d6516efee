package dev.drillbit.daily;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * When a local time of day happens on a given date, with the clock-change rules schedules follow.
 * Stateless; thread-safe.
 *
 * <ul>
 *   <li>A normal day: the one instant with that local time.
 *   <li>A spring-forward gap (the local time does not exist that day): the first valid instant after
 *       the gap, i.e. the transition itself. 02:30 in Berlin's 02:00–03:00 gap runs at 03:00 CEST.
 *       ({@code ZonedDateTime.of} would shift by the gap's length and give 03:30; that is not used.)
 *   <li>A fall-back overlap (the local time happens twice): once, at the earlier of the two instants,
 *       i.e. with the offset in force before the change.
 * </ul>
 */
public final class LocalTimes {
    private LocalTimes() {}

    public static Instant instantOf(LocalDate date, LocalTime time, ZoneId zone) {
        LocalDateTime local = date.atTime(time);
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(local);
            return gap.getInstant();
        }
        Instant earliest = local.toInstant(offsets.get(0));
        for (ZoneOffset offset : offsets) {
            Instant candidate = local.toInstant(offset);
            if (candidate.isBefore(earliest)) {
                earliest = candidate;
            }
        }
        return earliest;
    }
}
