package dev.drillbit.discord;

import dev.drillbit.bank.QuestionFilter;
import dev.drillbit.quiz.Owner;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /question [step] [difficulty] [source]}: one random question, answered in place. Thread-safe. */
final class QuestionCommand implements BotCommand {
    private final QuizPlay play;
    private final QuizOptions options;

    QuestionCommand(QuizPlay play, QuizOptions options) {
        this.play = play;
        this.options = options;
    }

    @Override
    public SlashCommandData data() {
        return Installs.everywhere(Commands.slash("question", "One random interview question, answered in place"))
                .addOptions(
                        QuizOptions.stepOption("Roadmap step to draw from (the whole roadmap when empty)"),
                        QuizOptions.difficultyOption(),
                        QuizOptions.sourceOption());
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event) {
        Optional<QuestionFilter> filter = QuizCommand.filter(event, options);
        if (filter.isEmpty()) {
            return;
        }
        Owner owner = Owner.single(
                Place.of(event), event.getChannel().getIdLong(), event.getUser().getIdLong());
        play.start(event, owner, filter.get(), 1);
    }

    @Override
    public void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
        event.replyChoices(options.stepChoices(
                        Place.of(event), event.getFocusedOption().getValue()))
                .queue();
    }
}
