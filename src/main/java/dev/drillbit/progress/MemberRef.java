package dev.drillbit.progress;

/**
 * A member in a guild: whose data a store holds, and who a reminder goes to. Immutable.
 *
 * <p>{@link #PERSONAL} stands for no server at all: what belongs to the person wherever they answer (their
 * review deck, roadmap mastery and reminder) and what they answer outside any server that installed
 * drillbit (in DMs, in group DMs, or through the user install in a server without the bot). Discord never
 * gives a guild the id 0, so it cannot meet a real server.
 */
public record MemberRef(long guildId, long userId) {
    /** The guild id under which a person's own data is kept; see the type's description. */
    public static final long PERSONAL = 0L;

    /** The person themselves, outside any server. */
    public static MemberRef person(long userId) {
        return new MemberRef(PERSONAL, userId);
    }

    /** Whether this is the person themselves rather than a member of a server. */
    public boolean personal() {
        return guildId == PERSONAL;
    }
}
