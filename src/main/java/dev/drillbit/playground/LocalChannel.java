package dev.drillbit.playground;

/**
 * A channel: guild text channel (type 0), public thread (11), private thread (12) or DM (1).
 * {@code guildId} is 0 for a DM, {@code parentId} 0 unless a thread, {@code recipientId} 0 unless a DM.
 * Immutable.
 */
public record LocalChannel(long id, long guildId, String name, int type, long parentId, long recipientId) {
    public static final int GUILD_TEXT = 0;
    public static final int DM = 1;
    public static final int PUBLIC_THREAD = 11;
    public static final int PRIVATE_THREAD = 12;

    public boolean isThread() {
        return type == PUBLIC_THREAD || type == PRIVATE_THREAD;
    }

    public boolean isDirect() {
        return type == DM;
    }

    public String idString() {
        return Long.toUnsignedString(id);
    }
}
