package dev.drillbit.discord;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.GuildBanks;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.QuestionSource;
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
    static final String SOURCE = "source";

    private final QuestionBank bank;
    private final GuildBanks banks;

    /** Options over the shipped bank only. */
    QuizOptions(QuestionBank bank) {
        this(bank, GuildBanks.only(bank));
    }

    /**
     * @param bank the shipped bank, for commands that serve only it (roadmap, leaderboard, interview)
     * @param banks each server's bank, for the commands that draw from its packs too
     */
    QuizOptions(QuestionBank bank, GuildBanks banks) {
        this.bank = bank;
        this.banks = banks;
    }

    static OptionData sourceOption() {
        OptionData option = new OptionData(
                OptionType.STRING,
                SOURCE,
                "Questions shipped with drillbit, this server's own packs, or both (the default)",
                false);
        for (QuestionSource s : QuestionSource.values()) {
            option.addChoice(s.id(), s.id());
        }
        return option;
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
        return stepChoices(bank, typed);
    }

    /** As {@link #stepChoices(String)}, over the server's bank (its own steps last). */
    List<Command.Choice> stepChoices(long guildId, String typed) {
        return stepChoices(banks.forGuild(guildId), typed);
    }

    private static List<Command.Choice> stepChoices(QuestionBank bank, String typed) {
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
        return findStep(bank, typed);
    }

    /** As {@link #findStep(String)}, among the server's steps too. */
    Optional<RoadmapStep> findStep(long guildId, String typed) {
        return findStep(banks.forGuild(guildId), typed);
    }

    private static Optional<RoadmapStep> findStep(QuestionBank bank, String typed) {
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
