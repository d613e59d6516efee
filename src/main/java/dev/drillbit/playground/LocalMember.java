package dev.drillbit.playground;

import java.util.List;

/** A user's membership in a guild with the ids of their roles (without {@code @everyone}). Immutable. */
public record LocalMember(LocalGuild guild, LocalUser user, List<Long> roleIds) {
    public LocalMember {
        roleIds = List.copyOf(roleIds);
    }

    public long id() {
        return user.id();
    }

    public String name() {
        return user.name();
    }
}
