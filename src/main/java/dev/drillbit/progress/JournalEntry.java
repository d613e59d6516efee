package dev.drillbit.progress;

/**
 * One line of the journal: an answer, a member forgotten in a guild, a review rating, or a reminder
 * setting. Entries are numbered by the store in the order they are made durable; the number is the event
 * id. Immutable.
 */
public sealed interface JournalEntry permits AnswerEvent, ForgetEvent, ReviewEvent, ReminderEvent {

    /** The event id: unique in a data directory, increasing in journal order, never reused. */
    long id();

    long guildId();

    long userId();
}
