package dev.drillbit.playground;

/**
 * What a {@link LocalDiscord#onMessage} listener receives: a message the bot created or edited.
 *
 * @param channel where it lives
 * @param message its state after the change
 * @param edit false when created, true when an existing message changed
 */
public record Posted(LocalChannel channel, LocalMessage message, boolean edit) {}
