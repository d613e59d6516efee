package dev.drillbit.playground;

/**
 * A guild of the stand-in. Every guild has {@code @everyone} (id = guild id), an admin role given to
 * members created as admins, and a role for the bot. Immutable.
 */
public record LocalGuild(long id, String name, long ownerId, long adminRoleId, long botRoleId) {
    public String idString() {
        return Long.toUnsignedString(id);
    }
}
