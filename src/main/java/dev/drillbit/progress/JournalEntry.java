package dev.drillbit.progress;

/**
 * One line of the answer journal: an answer, or a member forgotten in a guild. Entries are numbered by
 * the store in the order they are made durable; the number is the event id. Immutable.
 */
public sealed interface JournalEntry permits AnswerEvent, ForgetEvent {

    /** The event id: unique in a data directory, increasing in journal order, never reused. */
    long id();

    long guildId();

    long userId();
}
