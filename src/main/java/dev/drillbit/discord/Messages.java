package dev.drillbit.discord;

/** Fixed lines the bot says in more than one place. */
final class Messages {
    static final String STALE_BUTTON = "This button belongs to something that has ended (it expired, was stopped,"
            + " or the bot restarted). Start again with /quiz start or /question.";
    static final String FAILED =
            "Sorry, something went wrong on our side while handling that. It has been" + " logged; please try again.";
    static final String GUILD_ONLY = "This command needs drillbit in the server: use it in a server that added the"
            + " bot. Solo practice (/question, /quiz start, /review, /interview, /roadmap, /stats, /me) works"
            + " anywhere, DMs included.";
    static final String GROUP_NEEDS_SERVER = "A group quiz needs drillbit in this server, so that everyone can"
            + " answer. Here you can practise solo: /quiz start without mode:group.";
    static final String OWN_STATS_ONLY =
            "Here drillbit can only show your own figures. Other members' stats are in the servers you share.";

    static final String NOT_SAVED_TRY_AGAIN =
            "⚠️ Your answer could not be saved, so it was not counted. Please" + " answer again.";
    static final String NOT_SAVED = "⚠️ Your answer could not be saved, so it was not counted, and the question"
            + " has moved on. Sorry; please try the next one.";

    private Messages() {}
}
