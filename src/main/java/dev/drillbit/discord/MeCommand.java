package dev.drillbit.discord;

import dev.drillbit.learning.Reviews;
import dev.drillbit.progress.AnswerCsv;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.MemberData;
import dev.drillbit.progress.MemberRef;
import dev.drillbit.progress.stats.MemberStats;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /me export} and {@code /me forget}: a person's own data, across every server and DMs. Export
 * sends, privately, what drillbit holds about the caller as files (every answer, points per server, the
 * review deck); forget asks for a confirmation button and then erases all of it from every store
 * ({@link MemberData#forgetEverywhere}), durably before the caller is told ({@link DurableReply}). The
 * per-server admin {@code /data forget} stays. Registered for guild and user installs in every context
 * ({@link Installs#everywhere}). Thread-safe: no state.
 */
final class MeCommand implements BotCommand {
    private static final Logger LOG = LoggerFactory.getLogger(MeCommand.class);
    static final String PREFIX = "me";
    static final String ANSWERS_FILE = "drillbit-answers.csv";
    static final String POINTS_FILE = "drillbit-points.csv";
    static final String DECK_FILE = "drillbit-deck.csv";
    static final String CONFIRM = "This erases **everything** drillbit keeps about you, in every server and in "
            + "DMs: your answers, points and streaks, your review deck and roadmap progress, and your review "
            + "reminder. It cannot be undone. (`/me export` first if you want a copy.)";
    static final String ERASED = "Erased everything drillbit kept about you, in every server and in DMs. "
            + "Anything you answer from now on counts afresh.";
    static final String CANCELLED = "Nothing was erased.";

    private final MemberData data;
    private final Reviews reviews;
    private final Executor work;
    private final DurableReply durable;

    MeCommand(MemberData data, Reviews reviews, Executor work, DurableReply durable) {
        this.data = data;
        this.reviews = reviews;
        this.work = work;
        this.durable = durable;
    }

    @Override
    public SlashCommandData data() {
        return Installs.everywhere(Commands.slash("me", "Your own data in drillbit, across every server and DMs")
                .addSubcommands(
                        new SubcommandData("export", "Download everything drillbit keeps about you, privately"),
                        new SubcommandData("forget", "Erase everything drillbit keeps about you, everywhere")));
    }

    @Override
    public Set<String> componentPrefixes() {
        return Set.of(PREFIX);
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event) {
        long user = event.getUser().getIdLong();
        switch (event.getSubcommandName() == null ? "" : event.getSubcommandName()) {
            case "export" -> export(event, user);
            case "forget" ->
                event.reply(CONFIRM)
                        .setEphemeral(true)
                        .setComponents(ActionRow.of(
                                Button.danger(button(user, MeAction.FORGET), "Erase everything"),
                                Button.secondary(button(user, MeAction.CANCEL), "Cancel")))
                        .queue();
            default -> event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
        }
    }

    private static String button(long user, MeAction action) {
        return new ComponentId(PREFIX, Long.toString(user), 0, action).toString();
    }

    @Override
    public void onButton(ButtonInteractionEvent event, ComponentId id) {
        long user = event.getUser().getIdLong();
        Optional<MeAction> action = MeAction.of(id.action());
        if (action.isEmpty() || !id.session().equals(Long.toString(user))) {
            event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
            return;
        }
        if (action.get() == MeAction.CANCEL) {
            event.editMessage(CANCELLED).setComponents().queue();
            return;
        }
        durable.edit(
                event,
                "forget everywhere user=" + user,
                () -> data.forgetEverywhere(user),
                (hook, forgotten) -> {
                    LOG.info("forgot user={} everywhere ({} places)", user, forgotten.size());
                    hook.editOriginal(new MessageEditBuilder()
                                    .setContent(ERASED)
                                    .setComponents()
                                    .build())
                            .queue();
                },
                () -> "Could not erase your data; some of it may still be kept. Please try again.");
    }

    private void export(SlashCommandInteractionEvent event, long user) {
        event.deferReply(true).queue();
        var hook = event.getHook();
        CompletableFuture.supplyAsync(() -> exportMessage(user), work).whenComplete((message, failure) -> {
            if (failure != null) {
                LOG.error("/me export failed user={}", user, failure);
                hook.editOriginal(Messages.FAILED).queue();
            } else {
                hook.editOriginal(message).queue();
            }
        });
    }

    private MessageEditData exportMessage(long user) {
        List<MemberData.Held> held = data.everything(user);
        List<AnswerEvent> answers = new ArrayList<>();
        held.forEach(h -> answers.addAll(h.answers()));
        answers.sort(java.util.Comparator.comparingLong(AnswerEvent::id));
        int deck = reviews.summary(MemberRef.PERSONAL, user).deckSize();
        if (answers.isEmpty() && deck == 0 && held.isEmpty()) {
            return MessageEditData.fromContent("drillbit keeps nothing about you yet.");
        }
        List<FileUpload> files = new ArrayList<>();
        StringBuilder csv = new StringBuilder();
        AnswerCsv.write(answers, csv);
        files.add(FileUpload.fromData(csv.toString().getBytes(StandardCharsets.UTF_8), ANSWERS_FILE));
        files.add(FileUpload.fromData(points(held).getBytes(StandardCharsets.UTF_8), POINTS_FILE));
        if (deck > 0) {
            files.add(FileUpload.fromData(
                    reviews.exportCsv(MemberRef.PERSONAL, user).getBytes(StandardCharsets.UTF_8), DECK_FILE));
        }
        long servers =
                held.stream().filter(h -> h.guildId() != MemberRef.PERSONAL).count();
        String text = "Everything drillbit keeps about you: " + answers.size()
                + (answers.size() == 1 ? " answer" : " answers") + " (`" + ANSWERS_FILE + "`; guild_id 0 is outside "
                + "servers), your points in " + servers + (servers == 1 ? " server" : " servers") + " (`"
                + POINTS_FILE + "`)"
                + (deck > 0
                        ? ", and your review deck of " + deck + (deck == 1 ? " card" : " cards") + " (`" + DECK_FILE
                                + "`, for Anki)"
                        : "")
                + ". Interview reports are not kept: each is sent to you when your interview ends.";
        return new MessageEditBuilder().setContent(text).setFiles(files).build();
    }

    /** Points per place as CSV: one row per server (guild_id 0 for what was answered outside servers). */
    static String points(List<MemberData.Held> held) {
        StringBuilder out =
                new StringBuilder("guild_id,points,answered,correct,current_streak,best_streak,last_active\r\n");
        for (MemberData.Held h : held) {
            if (h.stats().isEmpty()) {
                continue;
            }
            MemberStats s = h.stats().get();
            out.append(Long.toUnsignedString(h.guildId()))
                    .append(',')
                    .append(s.points())
                    .append(',')
                    .append(s.overall().answered())
                    .append(',')
                    .append(s.overall().correct())
                    .append(',')
                    .append(s.currentStreak())
                    .append(',')
                    .append(s.bestStreak())
                    .append(',')
                    .append(s.lastActive())
                    .append("\r\n");
        }
        return out.toString();
    }
}
