package dev.drillbit.quiz;

/**
 * Where a quiz runs and for whom: a solo quiz belongs to one member in one channel, a group quiz to the
 * channel ({@code userId} 0). At most one quiz runs per owner. Immutable.
 */
public record Owner(long guildId, long channelId, long userId) {
    public static Owner solo(long guildId, long channelId, long userId) {
        return new Owner(guildId, channelId, userId);
    }

    public static Owner group(long guildId, long channelId) {
        return new Owner(guildId, channelId, 0);
    }

    public boolean isGroup() {
        return userId == 0;
    }
}
