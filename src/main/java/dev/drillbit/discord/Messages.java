package dev.drillbit.discord;

/** Fixed lines the bot says in more than one place. */
final class Messages {
    static final String STALE_BUTTON = "This button belongs to something that has ended (it expired, was stopped,"
            + " or the bot restarted). Start again with /quiz start or /question.";
    static final String FAILED =
            "Sorry, something went wrong on our side while handling that. It has been" + " logged; please try again.";
    static final String GUILD_ONLY = "drillbit works inside a server; use its commands in a server channel.";

    static final String NOT_SAVED_TRY_AGAIN =
            "⚠️ Your answer could not be saved, so it was not counted. Please" + " answer again.";
    static final String NOT_SAVED = "⚠️ Your answer could not be saved, so it was not counted, and the question"
            + " has moved on. Sorry; please try the next one.";

    private Messages() {}
}
