package dev.drillbit.discord;

import java.util.Set;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * One slash command and the components it owns. The {@link Router} calls it on JDA's threads, several at
 * once, so implementations keep no unsynchronized mutable state. A handler must acknowledge its
 * interaction; if it throws, the router answers for it.
 */
public interface BotCommand {

    /** The slash command's definition, registered with Discord; its name routes slash events here. */
    SlashCommandData data();

    /** Component id prefixes this command answers (the first segment of {@link ComponentId}). */
    default Set<String> componentPrefixes() {
        return Set.of();
    }

    void onSlash(SlashCommandInteractionEvent event);

    default void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
        event.replyChoices().queue();
    }

    default void onButton(ButtonInteractionEvent event, ComponentId id) {
        event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
    }

    default void onModal(ModalInteractionEvent event, ComponentId id) {
        event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
    }

    default void onSelect(StringSelectInteractionEvent event, ComponentId id) {
        event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
    }
}
