package dev.drillbit.quiz;

/**
 * Where a quiz runs and for whom. At most one quiz runs per owner: a member may have a solo quiz and a
 * single question going in the same channel, and the channel one group quiz. Immutable.
 *
 * @param userId the member; 0 for a group quiz, which belongs to the channel
 */
public record Owner(long guildId, long channelId, long userId, Mode mode) {

    /** How a quiz is played. */
    public enum Mode {
        /** One member, a series of questions, ephemeral to them. */
        SOLO,
        /** Everyone in the channel answers the same questions until each closes. */
        GROUP,
        /** One member, one question answered in place ({@code /question}). */
        SINGLE
    }

    public static Owner solo(long guildId, long channelId, long userId) {
        return new Owner(guildId, channelId, userId, Mode.SOLO);
    }

    public static Owner group(long guildId, long channelId) {
        return new Owner(guildId, channelId, 0, Mode.GROUP);
    }

    public static Owner single(long guildId, long channelId, long userId) {
        return new Owner(guildId, channelId, userId, Mode.SINGLE);
    }

    public boolean isGroup() {
        return mode == Mode.GROUP;
    }
}
