package dev.drillbit.progress;

/** A member in a guild: who a reminder goes to. Immutable. */
public record MemberRef(long guildId, long userId) {}
