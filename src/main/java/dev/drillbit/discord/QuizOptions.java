package dev.drillbit.discord;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.RoadmapStep;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/**
 * The options several commands share — step (with autocomplete), difficulty, count — as definitions and
 * as parsing of what a member typed, with a clear refusal for a bad value. Stateless and thread-safe.
 */
final class QuizOptions {
    static final String STEP = "step";
    static final String DIFFICULTY = "difficulty";
    static final String COUNT = "count";

    private final QuestionBank bank;

    QuizOptions(QuestionBank bank) {
        this.bank = bank;
    }

    static OptionData stepOption(String description) {
        return new OptionData(OptionType.STRING, STEP, description, false, true);
    }

    static OptionData difficultyOption() {
        OptionData option = new OptionData(OptionType.STRING, DIFFICULTY, "junior, mid or senior", false);
        Arrays.stream(Difficulty.values()).forEach(d -> option.addChoice(d.id(), d.id()));
        return option;
    }

    static OptionData countOption(int max) {
        return new OptionData(OptionType.INTEGER, COUNT, "How many questions (1 to " + max + ")", false)
                .setRequiredRange(1, max);
    }

    /** Steps whose id or title contains what was typed, in roadmap order, at most 25. */
    List<Command.Choice> stepChoices(String typed) {
        String needle = typed.toLowerCase(Locale.ROOT).strip();
        return bank.steps().stream()
                .filter(s -> s.id().contains(needle)
                        || s.title().toLowerCase(Locale.ROOT).contains(needle))
                .limit(25)
                .map(s -> new Command.Choice(
                        Style.cut(s.title() + " (" + bank.count(s.id()) + " questions)", 100), s.id()))
                .toList();
    }

    /** The step a member named by id or by title; empty when there is none. */
    Optional<RoadmapStep> findStep(String typed) {
        String value = typed.strip();
        return bank.step(value.toLowerCase(Locale.ROOT))
                .or(() -> bank.steps().stream()
                        .filter(s -> s.title().equalsIgnoreCase(value))
                        .findFirst());
    }

    static String unknownStep(String typed) {
        return "There is no roadmap step called \"" + Style.cut(typed, 80).replace("`", "'")
                + "\". Pick one from the list as you type, or see them all with /roadmap.";
    }
}
