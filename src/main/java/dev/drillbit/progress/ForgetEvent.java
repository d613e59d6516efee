package dev.drillbit.progress;

import java.time.Instant;

/**
 * A member's data erased from one guild. Replaying the journal applies it in order, so answers before it
 * are never brought back. Immutable.
 */
public record ForgetEvent(long id, long guildId, long userId, Instant at) implements JournalEntry {}
