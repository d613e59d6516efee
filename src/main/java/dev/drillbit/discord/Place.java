package dev.drillbit.discord;

import dev.drillbit.progress.MemberRef;
import net.dv8tion.jda.api.interactions.Interaction;

/**
 * Where an interaction counts. In a server the bot is a member of, answers count on that server's board;
 * everywhere else (the bot's DMs, group DMs, or a server that only the member's own install reaches) they
 * count for the person alone, under {@link MemberRef#PERSONAL}. Outside servers with the bot, drillbit can
 * only answer the interaction itself, never post in the channel: the commands offered there (solo ones,
 * {@link Installs#everywhere}) answer privately already, and what needs the channel (a group quiz) is
 * refused. Stateless.
 */
final class Place {
    private Place() {}

    /** The guild id answers count in: the server's when the bot is in it, else {@link MemberRef#PERSONAL}. */
    static long of(Interaction event) {
        return event.isFromAttachedGuild() ? event.getGuild().getIdLong() : MemberRef.PERSONAL;
    }

    /** Whether the bot is in the server where this happened, so it may post in the channel and run groups. */
    static boolean inServerWithBot(Interaction event) {
        return event.isFromAttachedGuild();
    }

    /** For logs: the server's id, {@code dm}, or {@code user-install:<guild>}. */
    static String describe(Interaction event) {
        if (event.isFromAttachedGuild()) {
            return event.getGuild().getId();
        }
        return event.getGuild() != null ? "user-install:" + event.getGuild().getId() : "dm";
    }
}
