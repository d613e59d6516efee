package dev.drillbit.progress;

import java.time.Instant;

/**
 * A member's daily review reminder switched on or off in one guild (by the member, or off because the
 * reminder could not be delivered). Immutable.
 */
public record ReminderEvent(long id, long guildId, long userId, boolean on, Instant at) implements JournalEntry {
    public ReminderEvent {
        java.util.Objects.requireNonNull(at, "at");
    }
}
