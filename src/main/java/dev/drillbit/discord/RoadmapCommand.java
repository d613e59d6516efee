package dev.drillbit.discord;

import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.bank.RoadmapStep;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /roadmap [step]}: every step in order, or one step's summary, concepts, checkpoint and sources. */
final class RoadmapCommand implements BotCommand {
    private final QuestionBank bank;
    private final QuizOptions options;

    RoadmapCommand(QuestionBank bank, QuizOptions options) {
        this.bank = bank;
        this.options = options;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("roadmap", "The backend roadmap: every step, or one step in detail")
                .setContexts(InteractionContextType.GUILD)
                .addOptions(QuizOptions.stepOption("The step to show (all steps when empty)"));
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event) {
        String typed = event.getOption(QuizOptions.STEP, null, OptionMapping::getAsString);
        if (typed == null) {
            event.replyEmbeds(all()).setEphemeral(true).queue();
            return;
        }
        Optional<RoadmapStep> step = options.findStep(typed);
        if (step.isEmpty()) {
            event.reply(QuizOptions.unknownStep(typed)).setEphemeral(true).queue();
            return;
        }
        event.replyEmbeds(one(step.get())).setEphemeral(true).queue();
    }

    private net.dv8tion.jda.api.entities.MessageEmbed all() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < bank.steps().size(); i++) {
            RoadmapStep step = bank.steps().get(i);
            lines.append(i + 1).append(". **").append(step.title()).append("** · `").append(step.id()).append("` · ")
                    .append(bank.count(step.id())).append(" questions\n");
        }
        return new EmbedBuilder().setColor(Style.BRAND).setTitle("The backend roadmap")
                .setDescription(lines.toString())
                .setFooter("Details of a step: /roadmap step:<id> · practise it: /quiz start step:<id>").build();
    }

    private net.dv8tion.jda.api.entities.MessageEmbed one(RoadmapStep step) {
        int number = bank.steps().indexOf(step) + 1;
        EmbedBuilder embed = new EmbedBuilder().setColor(Style.BRAND)
                .setTitle("Step " + number + " of " + bank.steps().size() + " · " + step.title())
                .setDescription(step.summary())
                .addField("Concepts", Style.cut(String.join(" · ", step.concepts()), 1024), false)
                .addField("Checkpoint", step.checkpoint(), false);
        if (!step.resources().isEmpty()) {
            embed.addField("Read", Style.cut(step.resources().stream()
                    .map(r -> "[" + r.title() + "](" + r.url() + ")").collect(Collectors.joining("\n")), 1024), false);
        }
        embed.addField("Questions", questions(step), false);
        embed.setFooter("Practise it: /quiz start step:" + step.id());
        return embed.build();
    }

    private String questions(RoadmapStep step) {
        var inStep = bank.questions().stream().filter(q -> q.step().equals(step.id())).toList();
        String byType = Arrays.stream(QuestionType.values())
                .map(t -> inStep.stream().filter(q -> q.type() == t).count() + " " + t.id().replace('_', ' '))
                .collect(Collectors.joining(", "));
        return inStep.size() + " (" + byType + ")";
    }

    @Override
    public void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
        event.replyChoices(options.stepChoices(event.getFocusedOption().getValue())).queue();
    }

}
