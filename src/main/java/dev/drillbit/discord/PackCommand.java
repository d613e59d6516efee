package dev.drillbit.discord;

import dev.drillbit.bank.Problem;
import dev.drillbit.insights.Flag;
import dev.drillbit.insights.FlagReason;
import dev.drillbit.insights.QuestionFlags;
import dev.drillbit.packs.ImportOutcome;
import dev.drillbit.packs.PackSummary;
import dev.drillbit.packs.ServerPacks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /pack import|list|export|remove|flags|resolve}: a server's own question packs ({@link ServerPacks}),
 * and "Report a problem" under every revealed answer ({@link QuestionFlags}, component prefix
 * {@value FlagView#PREFIX}). Importing
 * downloads the attached file off JDA's threads, checks it with the bank's validator and answers with every
 * problem at once (as a file when the list is long); the pack is stored before the member hears it was
 * imported. Shown to members with Manage Server by default, and import, export and remove check that
 * permission again. Thread-safe: no mutable state of its own.
 */
final class PackCommand implements BotCommand {
    private static final Logger LOG = LoggerFactory.getLogger(PackCommand.class);
    static final String REFUSED =
            "Only members with the Manage Server permission can change or export this" + " server's packs.";
    static final String FILE = "file";
    static final String STEP = "step";
    static final String PROBLEMS_FILE = "pack-problems.txt";
    /** Problems listed in the message itself; more go into a file. */
    static final int SHOWN_PROBLEMS = 10;

    static final String QUESTION = "question";

    private final ServerPacks packs;
    private final QuestionFlags flags;
    private final Executor work;

    PackCommand(ServerPacks packs, QuestionFlags flags, Executor work) {
        this.packs = packs;
        this.flags = flags;
        this.work = work;
    }

    @Override
    public Set<String> componentPrefixes() {
        return Set.of(FlagView.PREFIX);
    }

    @Override
    public SlashCommandData data() {
        OptionData step =
                new OptionData(OptionType.STRING, STEP, "The step of the pack (its \"step\" field)", true, true);
        return Installs.serverOnly(Commands.slash("pack", "This server's own question packs, beside the shipped bank"))
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .addSubcommands(
                        new SubcommandData(
                                        "import",
                                        "Add or replace a pack: a JSON file in drillbit's pack schema, one step per file")
                                .addOptions(new OptionData(OptionType.ATTACHMENT, FILE, "The pack's .json file", true)),
                        new SubcommandData("list", "This server's packs: step, questions, who imported them when"),
                        new SubcommandData("export", "Download a pack exactly as it was imported").addOptions(step),
                        new SubcommandData("remove", "Stop serving a pack's questions (answers given stay counted)")
                                .addOptions(step),
                        new SubcommandData("flags", "Questions members reported here, with reasons; paused ones"),
                        new SubcommandData("resolve", "Clear a question's reports after looking at it (unpauses it)")
                                .addOptions(new OptionData(
                                                OptionType.STRING,
                                                QUESTION,
                                                "The question's id as /pack flags shows it",
                                                true)
                                        .setMaxLength(60)));
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event) {
        if (event.getGuild() == null) {
            event.reply(Messages.GUILD_ONLY).setEphemeral(true).queue();
            return;
        }
        String sub = event.getSubcommandName() == null ? "" : event.getSubcommandName();
        if (sub.equals("list")) {
            list(event);
            return;
        }
        Member caller = event.getMember();
        if (caller == null || !caller.hasPermission(Permission.MANAGE_SERVER)) {
            event.reply(REFUSED).setEphemeral(true).queue();
            return;
        }
        switch (sub) {
            case "import" -> importPack(event);
            case "export" -> export(event);
            case "remove" -> remove(event);
            case "flags" ->
                event.reply(FlagView.tallies(
                                flags.tallies(event.getGuild().getIdLong()),
                                flags.paused(event.getGuild().getIdLong())))
                        .setEphemeral(true)
                        .queue();
            case "resolve" -> resolve(event);
            default -> event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
        }
    }

    private void importPack(SlashCommandInteractionEvent event) {
        long guild = event.getGuild().getIdLong();
        long user = event.getUser().getIdLong();
        Message.Attachment file = event.getOption(FILE, OptionMapping::getAsAttachment);
        if (file == null) {
            event.reply("Attach the pack's .json file to `file`.")
                    .setEphemeral(true)
                    .queue();
            return;
        }
        int max = packs.limits().maxPackBytes();
        if (file.getSize() > max) {
            event.reply(PackText.tooLarge(new ImportOutcome.TooLarge(file.getSize(), max)))
                    .setEphemeral(true)
                    .queue();
            return;
        }
        String name = PackText.fileName(file.getFileName());
        event.deferReply(true).queue();
        InteractionHook hook = event.getHook();
        file.getProxy()
                .download()
                .thenApplyAsync(in -> read(in, max), work)
                .thenApplyAsync(bytes -> packs.importPack(guild, user, name, bytes), work)
                .whenComplete((outcome, failure) -> {
                    if (failure != null) {
                        LOG.warn("/pack import failed guild={} user={} file={}", guild, user, name, failure);
                        hook.editOriginal("The pack could not be imported: downloading or saving it failed. Nothing was"
                                        + " changed; please try again.")
                                .queue();
                    } else {
                        hook.editOriginal(render(outcome, name)).queue();
                    }
                });
    }

    /** The download, refused past {@code max} bytes (an attachment's declared size is not proof). */
    private static byte[] read(InputStream in, int max) {
        try (in) {
            byte[] bytes = in.readNBytes(max + 1);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MessageEditData render(ImportOutcome outcome, String name) {
        if (outcome instanceof ImportOutcome.Imported imported) {
            return MessageEditData.fromContent(PackText.imported(imported));
        }
        if (outcome instanceof ImportOutcome.TooLarge large) {
            return MessageEditData.fromContent(PackText.tooLarge(large));
        }
        if (outcome instanceof ImportOutcome.TooMany many) {
            return MessageEditData.fromContent("This pack would give the server " + many.wouldHave()
                    + " questions of its own; the limit is " + many.max() + ". Nothing was imported: remove a"
                    + " pack with /pack remove, or split this one.");
        }
        List<Problem> problems = ((ImportOutcome.Refused) outcome).problems();
        String all = problems.stream().map(Problem::render).collect(Collectors.joining("\n"));
        String head = "**" + name + "** was not imported: " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + " (file:line:column). Nothing was stored;"
                + (problems.size() == 1 ? " fix it" : " fix them")
                + " and import the pack again. The format is drillbit's pack schema (see /help).";
        String shown = problems.stream()
                .limit(SHOWN_PROBLEMS)
                .map(p -> "• " + Style.cut(p.render(), 300))
                .collect(Collectors.joining("\n"));
        String message = head + "\n" + PackText.quoted(shown);
        if (problems.size() <= SHOWN_PROBLEMS && message.length() <= 1900) {
            return MessageEditData.fromContent(message);
        }
        return new MessageEditBuilder()
                .setContent(Style.cut(
                        head + " The first ones are below; every one is in the attached file.\n"
                                + PackText.quoted(shown),
                        1900))
                .setFiles(FileUpload.fromData((all + "\n").getBytes(StandardCharsets.UTF_8), PROBLEMS_FILE))
                .build();
    }

    private void list(SlashCommandInteractionEvent event) {
        List<PackSummary> list = packs.list(event.getGuild().getIdLong());
        if (list.isEmpty()) {
            event.reply("This server has no packs of its own yet. A member with Manage Server can add one with"
                            + " `/pack import file:<pack.json>`; quizzes then draw from it (source: server or both).")
                    .setEphemeral(true)
                    .queue();
            return;
        }
        int total = list.stream().mapToInt(PackSummary::questions).sum();
        StringBuilder out = new StringBuilder("This server's packs: " + list.size() + ", " + total + " of at most "
                + packs.limits().maxQuestionsPerServer() + " questions.\n");
        for (PackSummary p : list) {
            out.append("• `")
                    .append(p.step())
                    .append("`")
                    .append(p.ownStep() ? " (the server's own step)" : "")
                    .append(" · ")
                    .append(p.questions())
                    .append(p.questions() == 1 ? " question" : " questions")
                    .append(" · imported ")
                    .append(Style.relative(p.importedAt()))
                    .append(p.importedBy() == 0 ? "" : " by " + Style.mention(p.importedBy()))
                    .append('\n');
        }
        event.reply(Style.cut(out.toString(), 2000)).setEphemeral(true).queue();
    }

    private void export(SlashCommandInteractionEvent event) {
        String step =
                event.getOption(STEP, "", OptionMapping::getAsString).strip().toLowerCase(Locale.ROOT);
        Optional<String> json = packs.export(event.getGuild().getIdLong(), step);
        if (json.isEmpty()) {
            event.reply(noPack(step)).setEphemeral(true).queue();
            return;
        }
        event.reply("The pack for `" + step + "`, exactly as it was imported.")
                .setFiles(FileUpload.fromData(json.get().getBytes(StandardCharsets.UTF_8), step + ".json"))
                .setEphemeral(true)
                .queue();
    }

    private void remove(SlashCommandInteractionEvent event) {
        String step =
                event.getOption(STEP, "", OptionMapping::getAsString).strip().toLowerCase(Locale.ROOT);
        long guild = event.getGuild().getIdLong();
        event.deferReply(true).queue();
        InteractionHook hook = event.getHook();
        CompletableFuture.supplyAsync(() -> packs.remove(guild, step), work).whenComplete((removed, failure) -> {
            if (failure != null) {
                LOG.warn("/pack remove failed guild={} step={}", guild, step, failure);
                hook.editOriginal("The pack could not be removed: saving failed. Nothing was changed; please try"
                                + " again.")
                        .queue();
            } else if (!removed) {
                hook.editOriginal(noPack(step)).queue();
            } else {
                hook.editOriginal("Removed the pack for `" + step + "`. Its questions are no longer drawn; answers"
                                + " already given stay counted, and review cards for them are skipped.")
                        .queue();
            }
        });
    }

    private void resolve(SlashCommandInteractionEvent event) {
        long guild = event.getGuild().getIdLong();
        String typed = event.getOption(QUESTION, "", OptionMapping::getAsString).strip();
        String question = QuestionRef.decode(typed, guild);
        event.deferReply(true).queue();
        InteractionHook hook = event.getHook();
        CompletableFuture.supplyAsync(() -> flags.resolve(guild, question), work)
                .whenComplete((cleared, failure) -> {
                    if (failure != null) {
                        LOG.warn("/pack resolve failed guild={}", guild, failure);
                        hook.editOriginal("The reports could not be cleared: saving failed. Please try again.")
                                .queue();
                    } else if (cleared == 0) {
                        hook.editOriginal("No reports on `" + Style.cut(typed.replace("`", "'"), 60)
                                        + "` in this server. See them with /pack flags.")
                                .queue();
                    } else {
                        hook.editOriginal("Cleared " + cleared + (cleared == 1 ? " report" : " reports") + " on `"
                                        + Style.cut(typed.replace("`", "'"), 60)
                                        + "`; if it was paused, quizzes draw it again.")
                                .queue();
                    }
                });
    }

    // ---- Report a problem ----------------------------------------------------------------------------

    @Override
    public void onButton(ButtonInteractionEvent event, ComponentId id) {
        Optional<FlagAction> action = FlagAction.of(id.action());
        if (action.isEmpty()) {
            event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
            return;
        }
        String question = QuestionRef.decode(id.session(), Place.of(event));
        switch (action.get()) {
            case REPORT ->
                event.reply(FlagView.reasons(question)).setEphemeral(true).queue();
            case NOTE -> {
                if (id.position() < 0 || id.position() >= FlagReason.values().length) {
                    event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
                } else {
                    event.replyModal(FlagView.noteForm(id)).queue();
                }
            }
            default -> report(event, question, action.get().reason().orElseThrow(), Optional.empty());
        }
    }

    @Override
    public void onModal(ModalInteractionEvent event, ComponentId id) {
        ModalMapping note = event.getValue(FlagView.NOTE_INPUT);
        if (FlagAction.of(id.action()).filter(FlagAction.NOTE::equals).isEmpty()
                || id.position() < 0
                || id.position() >= FlagReason.values().length
                || note == null) {
            event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
            return;
        }
        String question = QuestionRef.decode(id.session(), Place.of(event));
        String text = note.getAsString();
        report(
                event,
                question,
                FlagReason.values()[id.position()],
                Optional.of(text.length() > Flag.NOTE_MAX ? text.substring(0, Flag.NOTE_MAX) : text));
    }

    /** Records the report off JDA's threads and thanks the member once it is stored. */
    private void report(IReplyCallback event, String question, FlagReason reason, Optional<String> note) {
        long guild = Place.of(event);
        long user = event.getUser().getIdLong();
        event.deferReply(true).queue();
        InteractionHook hook = event.getHook();
        CompletableFuture.supplyAsync(() -> flags.report(guild, question, user, reason, note), work)
                .whenComplete((reported, failure) -> {
                    if (failure != null) {
                        LOG.warn("report of a question failed guild={} user={}", guild, user, failure);
                        hook.editOriginal("Your report could not be saved; please try again.")
                                .queue();
                        return;
                    }
                    LOG.info(
                            "question reported guild={} user={} question={} reason={} members={} paused={}",
                            guild,
                            user,
                            question,
                            reason.id(),
                            reported.members(),
                            reported.paused());
                    hook.editOriginal(
                                    note.isPresent()
                                            ? MessageEditData.fromContent(FlagView.thanks(reason, reported, true))
                                            : MessageEditData.fromCreateData(
                                                    FlagView.thanksWithNote(question, reason, reported)))
                            .queue();
                });
    }

    private static String noPack(String step) {
        return "This server has no pack for `" + Style.cut(step.replace("`", "'"), 60)
                + "`. See the server's packs with /pack list.";
    }

    @Override
    public void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
        String typed =
                event.getFocusedOption().getValue().toLowerCase(Locale.ROOT).strip();
        List<Command.Choice> choices = event.getGuild() == null
                ? List.of()
                : packs.list(event.getGuild().getIdLong()).stream()
                        .map(PackSummary::step)
                        .filter(s -> s.contains(typed))
                        .limit(25)
                        .map(s -> new Command.Choice(s, s))
                        .toList();
        event.replyChoices(choices).queue();
    }
}
