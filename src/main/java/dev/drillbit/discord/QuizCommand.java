package dev.drillbit.discord;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionFilter;
import dev.drillbit.bank.QuestionSource;
import dev.drillbit.bank.RoadmapStep;
import dev.drillbit.quiz.Owner;
import dev.drillbit.quiz.QuizSpec;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /quiz start|stop|skip|status}, and every quiz button and typed answer (component prefix
 * {@code quiz}). Reads options, then hands over to {@link QuizPlay}. Thread-safe.
 */
final class QuizCommand implements BotCommand {
    private final QuizPlay play;
    private final QuizOptions options;
    private final int defaultCount;

    QuizCommand(QuizPlay play, QuizOptions options, int defaultCount) {
        this.play = play;
        this.options = options;
        this.defaultCount = defaultCount;
    }

    @Override
    public SlashCommandData data() {
        OptionData mode = new OptionData(
                        OptionType.STRING,
                        "mode",
                        "solo (only you see it) or group (the whole" + " channel plays)",
                        false)
                .addChoice("solo", "solo")
                .addChoice("group", "group");
        return Installs.everywhere(Commands.slash("quiz", "Practise interview questions, alone or with the channel"))
                .addSubcommands(
                        new SubcommandData("start", "Start a quiz on the whole roadmap or one step")
                                .addOptions(
                                        QuizOptions.stepOption(
                                                "Roadmap step to draw from (the whole roadmap when empty)"),
                                        QuizOptions.difficultyOption(),
                                        QuizOptions.countOption(QuizSpec.MAX_COUNT),
                                        mode,
                                        QuizOptions.sourceOption()),
                        new SubcommandData("stop", "Stop your quiz here, or the channel's group quiz"),
                        new SubcommandData("skip", "Skip the current question of your solo quiz"),
                        new SubcommandData("status", "Where your quiz and the channel's group quiz stand"));
    }

    @Override
    public Set<String> componentPrefixes() {
        return Set.of(QuestionView.PREFIX);
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event) {
        String sub = event.getSubcommandName() == null ? "" : event.getSubcommandName();
        switch (sub) {
            case "start" -> start(event);
            case "stop" -> play.stop(event);
            case "skip" -> play.skip(event);
            case "status" -> play.status(event);
            default -> event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
        }
    }

    private void start(SlashCommandInteractionEvent event) {
        Optional<QuestionFilter> filter = filter(event, options);
        if (filter.isEmpty()) {
            return;
        }
        int count = event.getOption(QuizOptions.COUNT, defaultCount, OptionMapping::getAsInt);
        boolean group = "group".equals(event.getOption("mode", "solo", OptionMapping::getAsString));
        if (group && !Place.inServerWithBot(event)) {
            event.reply(Messages.GROUP_NEEDS_SERVER).setEphemeral(true).queue();
            return;
        }
        long guild = Place.of(event);
        long channel = event.getChannel().getIdLong();
        Owner owner = group
                ? Owner.group(guild, channel)
                : Owner.solo(guild, channel, event.getUser().getIdLong());
        play.start(event, owner, filter.get(), count);
    }

    /**
     * The step, difficulty and source options as a filter, over the server's bank; on a bad value, replies
     * with why and returns empty.
     */
    static Optional<QuestionFilter> filter(SlashCommandInteractionEvent event, QuizOptions options) {
        QuestionFilter filter = QuestionFilter.ANY;
        long guild = Place.of(event);
        String source = event.getOption(QuizOptions.SOURCE, null, OptionMapping::getAsString);
        if (source != null) {
            Optional<QuestionSource> parsed = QuestionSource.fromId(source);
            if (parsed.isEmpty()) {
                event.reply("Source must be shipped, server or both.")
                        .setEphemeral(true)
                        .queue();
                return Optional.empty();
            }
            filter = filter.withSource(parsed.get());
        }
        String typed = event.getOption(QuizOptions.STEP, null, OptionMapping::getAsString);
        if (typed != null) {
            Optional<RoadmapStep> step = options.findStep(guild, typed);
            if (step.isEmpty()) {
                event.reply(QuizOptions.unknownStep(typed)).setEphemeral(true).queue();
                return Optional.empty();
            }
            filter = filter.withSteps(Set.of(step.get().id()));
        }
        String level = event.getOption(QuizOptions.DIFFICULTY, null, OptionMapping::getAsString);
        if (level != null) {
            Optional<Difficulty> difficulty = Difficulty.fromId(level);
            if (difficulty.isEmpty()) {
                event.reply("Difficulty must be junior, mid or senior.")
                        .setEphemeral(true)
                        .queue();
                return Optional.empty();
            }
            filter = filter.withDifficulty(difficulty);
        }
        return Optional.of(filter);
    }

    @Override
    public void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
        event.replyChoices(options.stepChoices(
                        Place.of(event), event.getFocusedOption().getValue()))
                .queue();
    }

    @Override
    public void onButton(ButtonInteractionEvent event, ComponentId id) {
        play.onButton(event, id);
    }

    @Override
    public void onModal(ModalInteractionEvent event, ComponentId id) {
        play.onModal(event, id);
    }
}
