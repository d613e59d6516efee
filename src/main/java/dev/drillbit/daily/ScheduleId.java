package dev.drillbit.daily;

/**
 * Which schedule: one per channel, so a guild may have several (in different channels) and each runs on
 * its own. Immutable.
 */
public record ScheduleId(long guildId, long channelId) {

    /** {@code <guild>-<channel>}, as used in run ids and file names. */
    @Override
    public String toString() {
        return guildId + "-" + channelId;
    }
}
