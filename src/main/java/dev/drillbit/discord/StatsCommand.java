package dev.drillbit.discord;

import dev.drillbit.progress.ScoreStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /stats show [member]}: a member's figures with an accuracy chart; {@code /stats export}: the
 * caller's own answers as a CSV file. Both reply only to the caller. Two subcommands, because Discord does
 * not allow a command to have options and subcommands at once and "export" is not a kind of "show".
 *
 * <p>Drawing the chart (AWT's first use costs a second or more) and reading the history files may take
 * longer than Discord's three seconds, so both defer at once and do the work on {@code work}, then edit
 * the deferred reply through its hook. Thread-safe.
 */
final class StatsCommand implements BotCommand {
    private static final Logger LOG = LoggerFactory.getLogger(StatsCommand.class);
    static final String MEMBER = "member";

    private final ScoreStore store;
    private final StatsView view;
    private final Executor work;

    StatsCommand(ScoreStore store, StatsView view, Executor work) {
        this.store = store;
        this.view = view;
        this.work = work;
    }

    @Override
    public SlashCommandData data() {
        return Installs.everywhere(Commands.slash("stats", "Points, accuracy and streaks; or download your answers"))
                .addSubcommands(
                        new SubcommandData("show", "Your figures (or another member's) with a chart per step")
                                .addOption(OptionType.USER, MEMBER, "Whose stats (yours when empty)", false),
                        new SubcommandData("export", "Download every answer you gave in this server as CSV"));
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event) {
        String sub = event.getSubcommandName() == null ? "" : event.getSubcommandName();
        long guild = Place.of(event);
        long caller = event.getUser().getIdLong();
        boolean outside = !Place.inServerWithBot(event);
        switch (sub) {
            case "show" -> {
                User member = event.getOption(MEMBER, event.getUser(), OptionMapping::getAsUser);
                long whom = member.getIdLong();
                if (whom != caller && outside) {
                    event.reply(Messages.OWN_STATS_ONLY).setEphemeral(true).queue();
                    return;
                }
                later(
                        event,
                        "/stats show",
                        () -> store.memberStats(guild, whom)
                                .map(view::render)
                                .orElseGet(() -> view.nothingYet(whom, whom == caller, outside)));
            }
            case "export" -> later(event, "/stats export", () -> view.export(store.history(guild, caller)));
            default -> event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
        }
    }

    /** Defers privately, builds the answer on the work executor, and shows it (or an apology) through the hook. */
    private void later(SlashCommandInteractionEvent event, String what, Supplier<MessageEditData> answer) {
        event.deferReply(true).queue();
        InteractionHook hook = event.getHook();
        String guild = Place.describe(event);
        String user = event.getUser().getId();
        CompletableFuture.supplyAsync(answer, work).whenComplete((message, failure) -> {
            if (failure != null) {
                LOG.error("{} failed guild={} user={}", what, guild, user, failure);
                hook.editOriginal(Messages.FAILED).queue();
            } else {
                hook.editOriginal(message).queue();
            }
        });
    }
}
