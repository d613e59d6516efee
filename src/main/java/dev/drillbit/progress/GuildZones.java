package dev.drillbit.progress;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Each guild's timezone, used to cut days for streaks as answers are recorded. Implementations must be
 * thread-safe and fast (called once per answer).
 */
@FunctionalInterface
public interface GuildZones {
    ZoneId zoneOf(long guildId);

    static GuildZones utc() {
        return guild -> ZoneOffset.UTC;
    }
}
