package dev.drillbit.playground;

import java.util.List;
import java.util.stream.Stream;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.FileUpload;

/**
 * A second test bot exercising the rest of the stand-in: subcommands with every option type,
 * autocomplete, deferred replies edited through {@code @original}, follow-ups, select menus, channel
 * messages with a PNG attachment, threads and DMs. Threading: stateless.
 */
final class QuizBot extends ListenerAdapter {
    /** The smallest valid PNG (1x1, transparent). */
    static final byte[] PNG = java.util.Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    @Override
    public void onGuildReady(GuildReadyEvent event) {
        event.getGuild()
                .upsertCommand(Commands.slash("quiz", "Practice questions")
                        .addSubcommands(
                                new SubcommandData("start", "Start a quiz")
                                        .addOptions(
                                                new OptionData(OptionType.STRING, "topic", "Topic", true, true),
                                                new OptionData(OptionType.INTEGER, "count", "Questions")
                                                        .setRequiredRange(1, 10),
                                                new OptionData(OptionType.BOOLEAN, "hard", "Hard mode"),
                                                new OptionData(OptionType.CHANNEL, "where", "Channel")
                                                        .setChannelTypes(ChannelType.TEXT),
                                                new OptionData(OptionType.ROLE, "role", "Role to ping"),
                                                new OptionData(OptionType.USER, "buddy", "Study buddy")),
                                new SubcommandData("report", "Post a report")))
                .queue();
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        String typed = event.getFocusedOption().getValue();
        event.replyChoices(Stream.of("java", "javascript", "kotlin")
                        .filter(t -> t.startsWith(typed))
                        .map(t -> new Command.Choice(t, t))
                        .toList())
                .queue();
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!event.getName().equals("quiz")) {
            return;
        }
        if ("start".equals(event.getSubcommandName())) {
            String summary = String.join(
                    " ",
                    List.of(
                            event.getOption("topic", OptionMapping::getAsString),
                            String.valueOf(event.getOption("count", 5L, OptionMapping::getAsLong)),
                            String.valueOf(event.getOption("hard", false, OptionMapping::getAsBoolean)),
                            event.getOption("where", "-", o -> o.getAsChannel().getName()),
                            event.getOption("role", "-", o -> o.getAsRole().getName()),
                            event.getOption("buddy", "-", o -> o.getAsUser().getName())));
            event.deferReply(true)
                    .flatMap(hook -> hook.editOriginal("starting " + summary)
                            .setComponents(ActionRow.of(StringSelectMenu.create("quiz:answer")
                                    .addOption("A", "a")
                                    .addOption("B", "b")
                                    .build())))
                    .flatMap(message -> event.getHook().sendMessage("good luck").setEphemeral(true))
                    .queue();
        } else {
            event.deferReply()
                    .flatMap(hook -> event.getChannel()
                            .sendMessage("weekly report")
                            .addFiles(FileUpload.fromData(PNG, "chart.png")))
                    .flatMap(report -> report.createThreadChannel("discussion"))
                    .flatMap(thread -> thread.sendMessage("discuss here"))
                    .flatMap(inThread -> event.getUser().openPrivateChannel())
                    .flatMap(dm -> dm.sendMessage("your report is ready"))
                    .flatMap(dm -> event.getHook().editOriginal("report posted"))
                    .queue();
        }
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        event.editMessage("answered " + String.join(",", event.getValues()))
                .setComponents()
                .queue();
    }
}
