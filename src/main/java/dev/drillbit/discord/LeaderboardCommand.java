package dev.drillbit.discord;

import dev.drillbit.bank.RoadmapStep;
import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.ScoreStore;
import dev.drillbit.progress.stats.Leaderboard;
import dev.drillbit.progress.stats.LeaderboardPeriod;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /leaderboard [period] [step]}: the server's top ten for today, this week, this month or all time
 * (the default), optionally for one roadmap step, with the caller's own place. Posted in the channel;
 * mentions never ping. Reads the store's in-memory aggregates, so it answers directly. Thread-safe.
 */
final class LeaderboardCommand implements BotCommand {
    static final String PERIOD = "period";

    private final ScoreStore store;
    private final QuizOptions options;
    private final GuildZones zones;
    private final LeaderboardView view;

    LeaderboardCommand(ScoreStore store, QuizOptions options, GuildZones zones, LeaderboardView view) {
        this.store = store;
        this.options = options;
        this.zones = zones;
        this.view = view;
    }

    @Override
    public SlashCommandData data() {
        OptionData period = new OptionData(
                        OptionType.STRING,
                        PERIOD,
                        "today, this week, this month, or all time" + " (the default)",
                        false)
                .addChoice("today", "today")
                .addChoice("week", "week")
                .addChoice("month", "month")
                .addChoice("all", "all");
        return Installs.serverOnly(Commands.slash("leaderboard", "The server's top ten and your own place"))
                .addOptions(period, QuizOptions.stepOption("Only points from this roadmap step"));
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event) {
        Optional<LeaderboardPeriod> period = period(event.getOption(PERIOD, "all", OptionMapping::getAsString));
        if (period.isEmpty()) {
            event.reply("Period must be today, week, month or all.")
                    .setEphemeral(true)
                    .queue();
            return;
        }
        Optional<String> step = Optional.empty();
        String typed = event.getOption(QuizOptions.STEP, null, OptionMapping::getAsString);
        if (typed != null) {
            Optional<RoadmapStep> found = options.findStep(typed);
            if (found.isEmpty()) {
                event.reply(QuizOptions.unknownStep(typed)).setEphemeral(true).queue();
                return;
            }
            step = Optional.of(found.get().id());
        }
        long guild = event.getGuild().getIdLong();
        Leaderboard board =
                store.leaderboard(guild, period.get(), step, event.getUser().getIdLong(), zones.zoneOf(guild));
        event.reply(view.render(board)).queue();
    }

    static Optional<LeaderboardPeriod> period(String value) {
        return switch (value) {
            case "today" -> Optional.of(LeaderboardPeriod.TODAY);
            case "week" -> Optional.of(LeaderboardPeriod.WEEK);
            case "month" -> Optional.of(LeaderboardPeriod.MONTH);
            case "all" -> Optional.of(LeaderboardPeriod.ALL_TIME);
            default -> Optional.empty();
        };
    }

    @Override
    public void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
        event.replyChoices(options.stepChoices(event.getFocusedOption().getValue()))
                .queue();
    }
}
