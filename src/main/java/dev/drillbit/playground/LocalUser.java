package dev.drillbit.playground;

/** A Discord user known to the stand-in: a member or the bot itself. Immutable. */
public record LocalUser(long id, String name, boolean bot) {
    public String idString() {
        return Long.toUnsignedString(id);
    }
}
