package dev.drillbit.discord;

import dev.drillbit.bank.GuildBanks;
import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.daily.DailyRun;
import dev.drillbit.daily.DailySchedule;
import dev.drillbit.daily.DailyScheduler;
import dev.drillbit.daily.InputProblem;
import dev.drillbit.daily.RunAnswerOutcome;
import dev.drillbit.daily.RunStatus;
import dev.drillbit.daily.ScheduleId;
import dev.drillbit.daily.ScheduleInput;
import dev.drillbit.daily.ScheduleParse;
import dev.drillbit.daily.ScheduleParser;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.ScoreStore;
import dev.drillbit.quiz.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
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

/**
 * {@code /daily set|show|off|now} and the answer buttons of daily runs. The command is shown by Discord
 * to members with Manage Server (its default permissions, which a server may change); {@code set},
 * {@code off} and {@code now} check that permission again here. Input problems come back ephemerally, all
 * at once. An accepted answer is kept with the run by the scheduler and then recorded in the score store;
 * the member sees the outcome only once the store has it on disk (deferral, then the interaction's hook),
 * as in quizzes. Thread-safe: no mutable state of its own.
 */
final class DailyCommand implements BotCommand {
    static final String REFUSED = "Only members with the Manage Server permission can change the daily quiz.";
    static final String CHANNEL = "channel";
    static final String TIME = "time";
    static final String TIMEZONE = "timezone";
    static final String DAYS = "days";
    static final String STEPS = "steps";
    static final String ROLE = "role";
    static final String WINDOW = "window";

    private final DailyScheduler scheduler;
    private final GuildBanks banks;
    private final ScoreStore store;
    private final DailyBoard board;
    private final DailyView view;
    private final Clock clock;
    private final DurableReply durable;

    DailyCommand(
            DailyScheduler scheduler,
            GuildBanks banks,
            ScoreStore store,
            DailyBoard board,
            DailyView view,
            Clock clock,
            DurableReply durable) {
        this.scheduler = scheduler;
        this.banks = banks;
        this.store = store;
        this.board = board;
        this.view = view;
        this.clock = clock;
        this.durable = durable;
    }

    @Override
    public SlashCommandData data() {
        OptionData channel = new OptionData(OptionType.CHANNEL, CHANNEL, "Where the quiz is posted", true)
                .setChannelTypes(ChannelType.TEXT);
        SubcommandData set = new SubcommandData("set", "Post a quiz in a channel every day at a set time")
                .addOptions(
                        channel,
                        new OptionData(OptionType.STRING, TIME, "Local time of day, 24-hour HH:MM, e.g. 09:00", true)
                                .setMaxLength(10),
                        new OptionData(OptionType.STRING, TIMEZONE, "IANA time zone, e.g. Europe/Berlin", true, true)
                                .setMaxLength(64),
                        new OptionData(
                                        OptionType.STRING,
                                        DAYS,
                                        "daily (default), weekdays, weekends, mon-fri or" + " mon,wed,fri",
                                        false)
                                .setMaxLength(100),
                        new OptionData(
                                        OptionType.STRING,
                                        STEPS,
                                        "Roadmap step ids, comma-separated (default: all)",
                                        false,
                                        true)
                                .setMaxLength(500),
                        QuizOptions.difficultyOption(),
                        new OptionData(
                                        OptionType.INTEGER,
                                        QuizOptions.COUNT,
                                        "Questions per day (1 to " + ScheduleParser.MAX_COUNT + ", default "
                                                + ScheduleParser.DEFAULT_COUNT + ")",
                                        false)
                                .setRequiredRange(ScheduleParser.MIN_COUNT, ScheduleParser.MAX_COUNT),
                        new OptionData(OptionType.ROLE, ROLE, "A role to ping when the quiz is posted", false),
                        new OptionData(
                                        OptionType.INTEGER,
                                        WINDOW,
                                        "Hours the quiz takes answers (default " + ScheduleParser.DEFAULT_WINDOW_HOURS
                                                + ")",
                                        false)
                                .setRequiredRange(ScheduleParser.MIN_WINDOW_HOURS, ScheduleParser.MAX_WINDOW_HOURS),
                        QuizOptions.sourceOption());
        return Installs.serverOnly(Commands.slash("daily", "Study groups: a quiz every day at a set time"))
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .addSubcommands(
                        set,
                        new SubcommandData("show", "This server's daily quizzes, their next run and group streak"),
                        new SubcommandData("off", "Stop a channel's daily quiz")
                                .addOptions(optionalChannel("The channel (default: this one)")),
                        new SubcommandData("now", "Post today's quiz right away (once a day)")
                                .addOptions(optionalChannel("The channel (default: this one)")));
    }

    private static OptionData optionalChannel(String description) {
        return new OptionData(OptionType.CHANNEL, CHANNEL, description, false).setChannelTypes(ChannelType.TEXT);
    }

    @Override
    public Set<String> componentPrefixes() {
        return Set.of(DailyView.PREFIX);
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event) {
        String sub = String.valueOf(event.getSubcommandName());
        if (sub.equals("show")) {
            show(event);
            return;
        }
        Member caller = event.getMember();
        if (caller == null || !caller.hasPermission(Permission.MANAGE_SERVER)) {
            event.reply(REFUSED).setEphemeral(true).queue();
            return;
        }
        switch (sub) {
            case "set" -> set(event);
            case "off" -> off(event);
            case "now" -> now(event);
            default -> event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
        }
    }

    // ---- set -----------------------------------------------------------------------------------------

    private void set(SlashCommandInteractionEvent event) {
        long guild = event.getGuild().getIdLong();
        GuildChannel channel = event.getOption(CHANNEL, OptionMapping::getAsChannel);
        ScheduleInput input = ScheduleInput.of(
                guild,
                channel.getIdLong(),
                event.getUser().getIdLong(),
                event.getOption(TIME, "", OptionMapping::getAsString),
                event.getOption(TIMEZONE, "", OptionMapping::getAsString));
        input = with(input, event.getOption(DAYS, OptionMapping::getAsString), ScheduleInput::withDays);
        input = with(input, event.getOption(STEPS, OptionMapping::getAsString), ScheduleInput::withSteps);
        input = with(
                input,
                event.getOption(QuizOptions.DIFFICULTY, OptionMapping::getAsString),
                ScheduleInput::withDifficulty);
        input = with(input, event.getOption(QuizOptions.COUNT, OptionMapping::getAsInt), ScheduleInput::withCount);
        input = with(input, event.getOption(WINDOW, OptionMapping::getAsInt), ScheduleInput::withWindowHours);
        input = with(input, event.getOption(QuizOptions.SOURCE, OptionMapping::getAsString), ScheduleInput::withSource);
        Role role = event.getOption(ROLE, OptionMapping::getAsRole);
        List<InputProblem> problems = new ArrayList<>();
        if (role != null && role.isPublicRole()) {
            problems.add(new InputProblem("role", "role must be a role, not @everyone"));
        } else if (role != null) {
            input = input.withPingRole(role.getIdLong());
        }
        if (!(channel instanceof GuildMessageChannel)
                || !channel.getGuild()
                        .getSelfMember()
                        .hasPermission(
                                channel,
                                Permission.VIEW_CHANNEL,
                                Permission.MESSAGE_SEND,
                                Permission.MESSAGE_EMBED_LINKS)) {
            problems.add(new InputProblem(
                    "channel",
                    "drillbit cannot post in <#" + channel.getId() + ">: it needs View"
                            + " Channel, Send Messages and Embed Links there"));
        }
        ScheduleParse parse = new ScheduleParser(banks.forGuild(guild)).parse(input, clock.instant());
        if (parse instanceof ScheduleParse.Invalid invalid) {
            problems.addAll(0, invalid.problems());
        }
        if (!problems.isEmpty()) {
            event.reply("The daily quiz was not set; please fix "
                            + (problems.size() == 1 ? "this:\n" : "these " + problems.size() + " things:\n")
                            + problems.stream().map(p -> "• " + p.message()).collect(Collectors.joining("\n")))
                    .setEphemeral(true)
                    .setAllowedMentions(List.of())
                    .queue();
            return;
        }
        DailySchedule schedule = ((ScheduleParse.Valid) parse).schedule();
        event.deferReply(true).queue();
        InteractionHook hook = event.getHook();
        scheduler.set(schedule);
        String note = role != null
                        && !role.isMentionable()
                        && !event.getGuild().getSelfMember().hasPermission(Permission.MESSAGE_MENTION_EVERYONE)
                ? "\nNote: " + role.getAsMention() + " is not mentionable and drillbit lacks Mention Everyone, so the"
                        + " ping will not notify anyone. Make the role mentionable in the server settings."
                : "";
        hook.editOriginalEmbeds(new EmbedBuilder()
                        .setColor(Style.BRAND)
                        .setTitle("Daily quiz set")
                        .setDescription(describe(schedule) + note)
                        .build())
                .setAllowedMentions(List.of())
                .queue();
    }

    private static <T> ScheduleInput with(
            ScheduleInput input, T value, java.util.function.BiFunction<ScheduleInput, T, ScheduleInput> set) {
        return value == null ? input : set.apply(input, value);
    }

    private String describe(DailySchedule schedule) {
        Instant now = clock.instant();
        Optional<DailyRun> open = scheduler.runs(schedule.guildId()).stream()
                .filter(r -> r.scheduleId().equals(schedule.id()) && r.takesAnswers(now))
                .findFirst();
        return view.describe(schedule, nextStart(schedule, now), scheduler.groupStreak(schedule.id()), open);
    }

    /** The next start that will happen: a run day, after now and after the schedule was set, not run yet. */
    private Optional<Instant> nextStart(DailySchedule schedule, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, schedule.zone());
        for (LocalDate d = today; d.isBefore(today.plusDays(8)); d = d.plusDays(1)) {
            Instant at = schedule.startOn(d);
            if (schedule.runsOn(d)
                    && at.isAfter(now)
                    && !at.isBefore(schedule.since())
                    && scheduler.run(DailyRun.idOf(schedule.id(), d)).isEmpty()) {
                return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    // ---- show, off, now ------------------------------------------------------------------------------

    private void show(SlashCommandInteractionEvent event) {
        List<DailySchedule> schedules = scheduler.schedules(event.getGuild().getIdLong()).stream()
                .sorted(Comparator.comparing(DailySchedule::since))
                .toList();
        if (schedules.isEmpty()) {
            event.reply("This server has no daily quiz. Someone with Manage Server can set one with"
                            + " `/daily set channel:#study time:09:00 timezone:Europe/Berlin`.")
                    .setEphemeral(true)
                    .queue();
            return;
        }
        EmbedBuilder embed = new EmbedBuilder().setColor(Style.BRAND).setTitle("Daily quizzes");
        StringBuilder text = new StringBuilder();
        for (DailySchedule schedule : schedules) {
            String one = describe(schedule) + "\n\n";
            if (text.length() + one.length() > 4000) {
                text.append("… and more");
                break;
            }
            text.append(one);
        }
        embed.setDescription(text.toString().strip());
        embed.setFooter("Times are in each schedule's own zone; clock changes (DST) are followed.");
        event.replyEmbeds(embed.build())
                .setEphemeral(true)
                .setAllowedMentions(List.of())
                .queue();
    }

    /** The channel option, or the channel the command was used in (a thread's parent for a thread). */
    private static long channelOf(SlashCommandInteractionEvent event) {
        GuildChannel given = event.getOption(CHANNEL, OptionMapping::getAsChannel);
        if (given != null) {
            return given.getIdLong();
        }
        if (event.getChannel() instanceof ThreadChannel thread) {
            return thread.getParentChannel().getIdLong();
        }
        return event.getChannel().getIdLong();
    }

    private void off(SlashCommandInteractionEvent event) {
        long channel = channelOf(event);
        event.deferReply(true).queue();
        boolean removed = scheduler.remove(new ScheduleId(event.getGuild().getIdLong(), channel));
        event.getHook()
                .editOriginal(
                        removed
                                ? "The daily quiz in <#" + channel
                                        + "> is off, and its group streak is reset. A quiz already posted"
                                        + " still closes with its results."
                                : "<#" + channel + "> has no daily quiz. `/daily show` lists this server's.")
                .queue();
    }

    private void now(SlashCommandInteractionEvent event) {
        long channel = channelOf(event);
        event.deferReply(true).queue();
        InteractionHook hook = event.getHook();
        DailyScheduler.StartNow started =
                scheduler.startNow(new ScheduleId(event.getGuild().getIdLong(), channel), clock.instant());
        if (started instanceof DailyScheduler.StartNow.Started s) {
            board.execute(s.action());
            hook.editOriginal("Today's quiz is being posted in <#" + channel + ">. It takes answers until "
                            + Style.at(s.action().run().closesAt(), "t") + "; the scheduled run today is skipped.")
                    .queue();
        } else if (started instanceof DailyScheduler.StartNow.AlreadyRan a) {
            hook.editOriginal("<#" + channel + "> already had its quiz for "
                            + a.run().date() + " (one a day, so"
                            + " nobody answers the same day twice). The next one comes at its scheduled time.")
                    .queue();
        } else if (started instanceof DailyScheduler.StartNow.ClaimedElsewhere c) {
            hook.editOriginal("<#" + channel + ">'s quiz for " + c.date()
                            + " is already being posted (one a day). The next one comes at its scheduled time.")
                    .queue();
        } else {
            hook.editOriginal("<#" + channel + "> has no daily quiz. Set one first with `/daily set`.")
                    .queue();
        }
    }

    // ---- autocomplete --------------------------------------------------------------------------------

    @Override
    public void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
        String typed = event.getFocusedOption().getValue();
        List<Command.Choice> choices = switch (event.getFocusedOption().getName()) {
            case TIMEZONE -> zoneChoices(typed);
            case STEPS -> stepChoices(banks.forGuild(Place.of(event)), typed);
            default -> List.of();
        };
        event.replyChoices(choices).queue();
    }

    /** IANA zone ids containing what was typed, those starting with it first, at most 25. */
    static List<Command.Choice> zoneChoices(String typed) {
        String needle = typed.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        return ZoneId.getAvailableZoneIds().stream()
                .filter(id -> id.contains("/") || id.equals("UTC"))
                .filter(id -> !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
                .filter(id -> id.toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing(
                                (String id) -> !id.toLowerCase(Locale.ROOT).startsWith(needle)
                                        && !id.toLowerCase(Locale.ROOT).contains("/" + needle))
                        .thenComparing(id -> id))
                .limit(25)
                .map(id -> new Command.Choice(id, id))
                .toList();
    }

    /** Completes the last of comma-separated step ids, keeping the ones before it. */
    private static List<Command.Choice> stepChoices(QuestionBank bank, String typed) {
        int comma = typed.lastIndexOf(',');
        String before = comma < 0 ? "" : typed.substring(0, comma + 1).replace(" ", "");
        String last = typed.substring(comma + 1).strip().toLowerCase(Locale.ROOT);
        return bank.steps().stream()
                .filter(s -> s.id().contains(last)
                        || s.title().toLowerCase(Locale.ROOT).contains(last))
                .map(s -> before + s.id())
                .filter(v -> v.length() <= 100)
                .limit(25)
                .map(v -> new Command.Choice(v, v))
                .toList();
    }

    // ---- answers -------------------------------------------------------------------------------------

    @Override
    public void onButton(ButtonInteractionEvent event, ComponentId id) {
        Optional<AnswerAction> action = AnswerAction.of(id.action());
        if (action.isEmpty()) {
            event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
            return;
        }
        switch (action.get()) {
            case TYPE ->
                ifOpen(
                        event,
                        id,
                        (run, question) ->
                                event.replyModal(QuestionView.answerModal(id)).queue());
            case SHOW ->
                ifOpen(event, id, (run, question) -> {
                    if (question instanceof Question.Open open) {
                        event.reply(view.modelAnswer(run, open, id.position()))
                                .setEphemeral(true)
                                .queue();
                    } else {
                        event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
                    }
                });
            default ->
                action.get()
                        .response()
                        .ifPresentOrElse(
                                response -> answer(event, id, response),
                                () -> event.reply(Messages.STALE_BUTTON)
                                        .setEphemeral(true)
                                        .queue());
        }
    }

    @Override
    public void onModal(ModalInteractionEvent event, ComponentId id) {
        ModalMapping value = event.getValue(QuestionView.TEXT_INPUT);
        if (AnswerAction.of(id.action()).filter(AnswerAction.TEXT::equals).isEmpty() || value == null) {
            event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
            return;
        }
        answer(event, id, new Response.Text(value.getAsString()));
    }

    /** Opens a form or a model answer only while the member may still answer, so nobody types in vain. */
    private void ifOpen(
            ButtonInteractionEvent event, ComponentId id, java.util.function.BiConsumer<DailyRun, Question> then) {
        Optional<DailyRun> run = scheduler.run(id.session());
        long user = event.getUser().getIdLong();
        Optional<String> refusal = run.isEmpty()
                ? Optional.of(refusal(new RunAnswerOutcome.NoSuchRun(id.session())))
                : !run.get().takesAnswers(clock.instant())
                        ? Optional.of(refusal(new RunAnswerOutcome.Closed(run.get())))
                        : run.get().answers().stream()
                                .filter(a -> a.userId() == user && a.position() == id.position())
                                .findFirst()
                                .map(a -> refusal(new RunAnswerOutcome.AlreadyAnswered(a)));
        Optional<Question> question = run.filter(r ->
                        id.position() >= 0 && id.position() < r.questionIds().size())
                .flatMap(r ->
                        banks.forGuild(r.guildId()).question(r.questionIds().get(id.position())));
        if (refusal.isPresent()) {
            event.reply(refusal.get()).setEphemeral(true).queue();
        } else if (question.isEmpty()) {
            event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
        } else {
            then.accept(run.get(), question.get());
        }
    }

    /**
     * Judges the answer (the scheduler keeps it with the run), then shows the member its outcome only once
     * the score store has it on disk ({@link DurableReply}).
     */
    private <E extends IReplyCallback & IMessageEditCallback> void answer(E event, ComponentId id, Response response) {
        long user = event.getUser().getIdLong();
        RunAnswerOutcome outcome = scheduler.answer(id.session(), user, id.position(), response);
        if (!(outcome instanceof RunAnswerOutcome.Accepted accepted)) {
            event.reply(refusal(outcome)).setEphemeral(true).queue();
            return;
        }
        Optional<Question> question = scheduler
                .run(id.session())
                .flatMap(r ->
                        banks.forGuild(r.guildId()).question(r.questionIds().get(id.position())));
        String what = "daily answer (kept with run " + id.session() + ", not in the score store) guild="
                + (event.getGuild() == null ? "-" : event.getGuild().getId()) + " user=" + user + " position="
                + id.position();
        Supplier<CompletableFuture<AnswerEvent>> record = () -> store.record(accepted.answer());
        BiConsumer<InteractionHook, AnswerEvent> saved = (hook, recorded) -> {
            if (question.isEmpty()) {
                hook.editOriginal("Your answer is in: +" + accepted.points() + " points.")
                        .setEmbeds()
                        .setComponents()
                        .queue();
                return;
            }
            EmbedBuilder embed = RevealView.answeredEmbed(
                    question.get(), response, accepted.verdict(), " · +" + accepted.points() + " points");
            embed.setFooter("Only you see this; the group sees the answers when the quiz closes.");
            hook.editOriginal("").setEmbeds(embed.build()).setComponents().queue();
        };
        Supplier<String> notSaved = () -> "⚠️ Your answer counts in today's results, but saving your points failed, so"
                + " they may be missing from the leaderboard and your stats. Sorry.";
        if (response instanceof Response.Graded) { // graded on the member's own model-answer message
            durable.edit(event, what, record, saved, notSaved);
        } else {
            durable.privateReply(event, what, record, saved, notSaved);
        }
    }

    static String refusal(RunAnswerOutcome outcome) {
        if (outcome instanceof RunAnswerOutcome.AlreadyAnswered already) {
            return "You already answered question " + (already.earlier().position() + 1) + " of this daily quiz;"
                    + " your first answer counts.";
        }
        if (outcome instanceof RunAnswerOutcome.Closed closed) {
            return closed.run().status() == RunStatus.FAILED
                    ? "This daily quiz could not be run, so it takes no answers."
                    : "This daily quiz has closed; the answers and results are posted with it.";
        }
        if (outcome instanceof RunAnswerOutcome.NoSuchRun) {
            return "This daily quiz is no longer kept (runs are kept for eight weeks).";
        }
        return "That button does not fit this question any more; use the buttons on the quiz's own messages.";
    }
}
