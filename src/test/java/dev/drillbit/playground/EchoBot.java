package dev.drillbit.playground;

import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;

/**
 * A tiny user-installable bot for the stand-in's end-to-end test: registers {@code /where} globally for
 * guild and user installs in every context, and answers in public (not ephemeral) with what JDA read from
 * the interaction: its context, whether the guild is one the bot is in, and who authorised it. Threading:
 * stateless.
 */
final class EchoBot extends ListenerAdapter {
    @Override
    public void onReady(ReadyEvent event) {
        event.getJDA()
                .upsertCommand(Commands.slash("where", "Say where this was used")
                        .setIntegrationTypes(IntegrationType.GUILD_INSTALL, IntegrationType.USER_INSTALL)
                        .setContexts(
                                InteractionContextType.GUILD,
                                InteractionContextType.BOT_DM,
                                InteractionContextType.PRIVATE_CHANNEL))
                .queue();
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!event.getName().equals("where")) {
            return;
        }
        event.reply(event.getContext() + " attached=" + event.isFromAttachedGuild() + " user-owner="
                        + event.getIntegrationOwners().isUserIntegration())
                .queue();
    }
}
