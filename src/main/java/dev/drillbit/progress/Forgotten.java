package dev.drillbit.progress;

/**
 * A member forgotten in a guild, durably. Immutable.
 *
 * @param eventId the id of the forget event in the journal
 * @param hadData whether the store held anything for the member
 */
public record Forgotten(long guildId, long userId, long eventId, boolean hadData) {}
