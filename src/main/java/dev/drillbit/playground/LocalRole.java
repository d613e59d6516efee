package dev.drillbit.playground;

/** A guild role with its permission bits (Discord's bit layout). Immutable. */
public record LocalRole(long id, long guildId, String name, long permissions, int position) {
    /** {@code @everyone} has the guild's id. */
    public boolean isEveryone() {
        return id == guildId;
    }
}
