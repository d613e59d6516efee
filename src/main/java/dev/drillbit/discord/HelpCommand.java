package dev.drillbit.discord;

import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/** {@code /help}: what drillbit does and every command, taken from the registered definitions. */
final class HelpCommand implements BotCommand {
    private static final String ABOUT = "drillbit gets you ready for backend-developer interviews. It follows a"
            + " backend roadmap from how the internet works to system design, and drills each step with"
            + " interview questions: pick a letter, true or false, type a short answer, or explain a topic and"
            + " grade yourself against the key points. Every answer comes with why it is right. A server can add its"
            + " own questions with /pack import (the same file format as the shipped packs), members can suggest"
            + " questions with /suggest for its admins to approve, and anyone can report a problem with a question"
            + " from under its answer.";

    private final List<SlashCommandData> others;

    HelpCommand(List<SlashCommandData> others) {
        this.others = List.copyOf(others);
    }

    @Override
    public SlashCommandData data() {
        return Installs.everywhere(Commands.slash("help", "What drillbit does and how to use it"));
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event) {
        StringBuilder commands = new StringBuilder();
        for (SlashCommandData command : others) {
            if (command.getSubcommands().isEmpty()) {
                commands.append("`/")
                        .append(command.getName())
                        .append("` — ")
                        .append(command.getDescription())
                        .append('\n');
            }
            for (SubcommandData sub : command.getSubcommands()) {
                commands.append("`/")
                        .append(command.getName())
                        .append(' ')
                        .append(sub.getName())
                        .append("` — ")
                        .append(sub.getDescription())
                        .append('\n');
            }
            for (SubcommandGroupData group : command.getSubcommandGroups()) {
                commands.append("`/")
                        .append(command.getName())
                        .append(' ')
                        .append(group.getName())
                        .append(' ')
                        .append(group.getSubcommands().stream()
                                .map(SubcommandData::getName)
                                .collect(java.util.stream.Collectors.joining("|")))
                        .append("` — ")
                        .append(group.getDescription())
                        .append('\n');
            }
        }
        commands.append("`/help` — this message");
        EmbedBuilder embed =
                new EmbedBuilder().setColor(Style.BRAND).setTitle("drillbit").setDescription(ABOUT);
        List<String> parts = fieldValues(commands.toString());
        for (int i = 0; i < parts.size(); i++) {
            embed.addField(i == 0 ? "Commands" : "More commands", parts.get(i), false);
        }
        event.replyEmbeds(embed.addField(
                                "Scoring",
                                "10 points for a junior question, 20 for mid, 30 for senior; +5 for a"
                                        + " right answer in the first third of the time; half for an open question graded"
                                        + " \"partly\". Answers after the time limit are judged but earn nothing.",
                                false)
                        .build())
                .setEphemeral(true)
                .queue();
    }

    /** Lines split into field values of at most 1024 characters each, at line ends (a longer line is cut). */
    static List<String> fieldValues(String lines) {
        List<String> values = new java.util.ArrayList<>();
        StringBuilder value = new StringBuilder();
        for (String line : lines.split("\n")) {
            String cut = Style.cut(line, 1024);
            if (value.length() > 0 && value.length() + 1 + cut.length() > 1024) {
                values.add(value.toString());
                value.setLength(0);
            }
            value.append(value.length() > 0 ? "\n" : "").append(cut);
        }
        if (value.length() > 0) {
            values.add(value.toString());
        }
        return values;
    }
}
