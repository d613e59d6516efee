package dev.drillbit.discord;

import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * Where a command may be used. Solo practice and a person's own data work anywhere: installed to a server
 * or to the member's own account (a user install), in a server, in the member's DM with the bot, and in
 * group DMs. Group quizzes, daily quizzes, leaderboards and admin commands need the bot in the server:
 * guild install and guild context only. Stateless.
 */
final class Installs {
    private Installs() {}

    /** Registered for guild and user installs, in guilds, the bot's DMs and private channels. */
    static SlashCommandData everywhere(SlashCommandData data) {
        return data.setIntegrationTypes(IntegrationType.GUILD_INSTALL, IntegrationType.USER_INSTALL)
                .setContexts(
                        InteractionContextType.GUILD,
                        InteractionContextType.BOT_DM,
                        InteractionContextType.PRIVATE_CHANNEL);
    }

    /** Registered for guild installs in guilds only. */
    static SlashCommandData serverOnly(SlashCommandData data) {
        return data.setIntegrationTypes(IntegrationType.GUILD_INSTALL).setContexts(InteractionContextType.GUILD);
    }
}
