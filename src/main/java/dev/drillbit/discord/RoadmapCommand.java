package dev.drillbit.discord;

import dev.drillbit.bank.RoadmapStep;
import dev.drillbit.learning.Reviews;
import dev.drillbit.learning.RoadmapProgress;
import java.util.Optional;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /roadmap [step]}: every step in order with the caller's mastery and the recommended next step, or
 * one step's summary, concepts, checkpoint and sources with the caller's figures for it. Rendering is
 * {@link RoadmapView}'s; progress is the domain's ({@link Reviews#progress}). Thread-safe.
 */
final class RoadmapCommand implements BotCommand {
    private final Reviews reviews;
    private final QuizOptions options;
    private final RoadmapView view;

    RoadmapCommand(Reviews reviews, QuizOptions options, RoadmapView view) {
        this.reviews = reviews;
        this.options = options;
        this.view = view;
    }

    @Override
    public SlashCommandData data() {
        return Installs.everywhere(Commands.slash(
                        "roadmap", "The backend roadmap with your progress: every step, or one step in detail"))
                .addOptions(QuizOptions.stepOption("The step to show (all steps when empty)"));
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event) {
        String typed = event.getOption(QuizOptions.STEP, null, OptionMapping::getAsString);
        Optional<RoadmapStep> step = Optional.empty();
        if (typed != null) {
            step = options.findStep(typed);
            if (step.isEmpty()) {
                event.reply(QuizOptions.unknownStep(typed)).setEphemeral(true).queue();
                return;
            }
        }
        RoadmapProgress.Report report =
                reviews.progress(Place.of(event), event.getUser().getIdLong());
        MessageEmbed embed =
                step.map(s -> view.one(s, report.step(s.id()).orElseThrow())).orElseGet(() -> view.all(report));
        event.replyEmbeds(embed).setEphemeral(true).queue();
    }

    @Override
    public void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
        event.replyChoices(options.stepChoices(event.getFocusedOption().getValue()))
                .queue();
    }
}
