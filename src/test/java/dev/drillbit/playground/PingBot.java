package dev.drillbit.playground;

import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.modals.Modal;

/**
 * A tiny bot for the stand-in's end-to-end test: registers {@code /ping [text]} in every guild, replies
 * ephemerally with two buttons, answers "again" with UPDATE_MESSAGE and "form" with a modal whose
 * submission is echoed. Threading: stateless, JDA may call it from several threads.
 */
final class PingBot extends ListenerAdapter {
    @Override
    public void onGuildReady(GuildReadyEvent event) {
        // Upsert, not a bulk overwrite: QuizBot registers its command in the same guild at the same moment.
        event.getGuild()
                .upsertCommand(Commands.slash("ping", "Check that the bot answers")
                        .addOption(OptionType.STRING, "text", "Something to echo", false))
                .queue();
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!event.getName().equals("ping")) {
            return;
        }
        String text = event.getOption("text", "", o -> o.getAsString());
        event.reply("pong " + text)
                .setEphemeral(true)
                .addComponents(
                        ActionRow.of(Button.primary("ping:again", "Again"), Button.secondary("ping:form", "Form")))
                .queue();
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        switch (event.getComponentId()) {
            case "ping:again" ->
                event.editMessage("pong again")
                        .setComponents(ActionRow.of(
                                Button.primary("ping:again", "Again").asDisabled()))
                        .queue();
            case "ping:form" ->
                event.replyModal(Modal.create("ping:modal", "Tell me")
                                .addComponents(Label.of(
                                        "Your answer",
                                        TextInput.create("answer", TextInputStyle.SHORT)
                                                .build()))
                                .build())
                        .queue();
            default -> {}
        }
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        String answer = event.getValue("answer").getAsString();
        event.reply("you said " + answer).setEphemeral(true).queue();
    }
}
