package dev.drillbit.discord;

import dev.drillbit.bank.GuildBanks;
import dev.drillbit.bank.Question;
import dev.drillbit.daily.DailyAction;
import dev.drillbit.daily.DailyRun;
import dev.drillbit.daily.DailySchedule;
import dev.drillbit.daily.DailyScheduler;
import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.ScoreStore;
import dev.drillbit.progress.stats.Leaderboard;
import dev.drillbit.progress.stats.LeaderboardPeriod;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out what the {@link DailyScheduler} says is due and acknowledges it: posts a run (announcement
 * with the role ping in the channel, questions in a thread named for the date where the bot may create
 * one), closes it (each question turns into its answer and explanation, buttons gone, then the results),
 * and posts weekly reports. Work is asynchronous on JDA's threads; the scheduler hears {@code started},
 * {@code closed} or {@code failed} when Discord has answered. A channel that is gone or closed to the bot
 * fails that run only: it is logged, reported in the guild where the bot can still write, and every
 * other schedule goes on. Thread-safe.
 */
final class DailyBoard {
    private static final Logger LOG = LoggerFactory.getLogger(DailyBoard.class);
    private static final Permission[] TO_POST = {
        Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS
    };

    /** Where a run's questions were posted by this process, for its close. Lost on restart (see close). */
    record Posted(long channelId, List<Long> questionMessageIds) {}

    private final DailyScheduler scheduler;
    private final GuildBanks banks;
    private final ScoreStore store;
    private final GuildZones zones;
    private final Channels channels;
    private final DailyView view;
    private final Map<String, Posted> posted = new ConcurrentHashMap<>();
    private final DiscordMetrics metrics;

    DailyBoard(
            DailyScheduler scheduler,
            GuildBanks banks,
            ScoreStore store,
            GuildZones zones,
            Channels channels,
            DailyView view,
            DiscordMetrics metrics) {
        this.metrics = metrics;
        this.scheduler = scheduler;
        this.banks = banks;
        this.store = store;
        this.zones = zones;
        this.channels = channels;
        this.view = view;
    }

    /**
     * Carries out everything due at {@code now}; called by the heartbeat. Waits until Discord is connected
     * (at start-up, or while reconnecting), so that a run is never failed for a channel not loaded yet.
     * One action's trouble stays its own.
     */
    void tick(Instant now) {
        if (!channels.ready()) {
            return;
        }
        for (DailyAction action : scheduler.due(now)) {
            execute(action);
        }
    }

    void execute(DailyAction action) {
        try {
            if (action instanceof DailyAction.StartRun start) {
                start(start);
            } else if (action instanceof DailyAction.CloseRun close) {
                close(close);
            } else if (action instanceof DailyAction.PostReport report) {
                report(report);
            }
        } catch (RuntimeException e) {
            // a bug or JDA refusing a request locally: the run is given up, the heartbeat goes on
            LOG.error("daily action {} failed", action.getClass().getSimpleName(), e);
            runOf(action).ifPresent(run -> fail(run, "an error in the bot (logged)"));
        }
    }

    private static Optional<DailyRun> runOf(DailyAction action) {
        if (action instanceof DailyAction.StartRun s) {
            return Optional.of(s.run());
        }
        if (action instanceof DailyAction.CloseRun c) {
            return Optional.of(c.run());
        }
        return Optional.empty();
    }

    // ---- start ---------------------------------------------------------------------------------------

    private void start(DailyAction.StartRun start) {
        DailyRun run = start.run();
        Optional<GuildMessageChannel> found = writable(run.channelId());
        if (found.isEmpty()) {
            fail(run, noAccess(run.channelId()));
            return;
        }
        GuildMessageChannel channel = found.get();
        boolean thread = channel instanceof TextChannel text
                && text.getGuild()
                        .getSelfMember()
                        .hasPermission(text, Permission.CREATE_PUBLIC_THREADS, Permission.MESSAGE_SEND_IN_THREADS);
        channel.sendMessage(view.intro(start, thread))
                .submit()
                .thenCompose(
                        intro -> thread ? inThread(intro, channel, run) : CompletableFuture.completedFuture(channel))
                .thenCompose(target -> postQuestions(target, start))
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        fail(run, "posting it failed: " + reason(failure));
                        return;
                    }
                    metrics.dailyRun(true);
                    posted.put(run.id(), done);
                    scheduler.started(run.id());
                    LOG.info(
                            "daily run {} posted guild={} channel={} in={}",
                            run.id(),
                            run.guildId(),
                            run.channelId(),
                            done.channelId());
                });
    }

    private CompletableFuture<GuildMessageChannel> inThread(Message intro, GuildMessageChannel channel, DailyRun run) {
        return intro.createThreadChannel(DailyView.threadName(run.date()))
                .submit()
                .<GuildMessageChannel>thenApply(t -> t)
                .exceptionally(e -> {
                    LOG.warn("daily run {}: no thread ({}); posting in the channel", run.id(), reason(e));
                    return channel;
                });
    }

    private CompletableFuture<Posted> postQuestions(GuildMessageChannel target, DailyAction.StartRun start) {
        DailyRun run = start.run();
        List<Long> ids = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < start.questions().size(); i++) {
            int position = i;
            Question question = start.questions().get(i);
            chain = chain.thenCompose(v -> target.sendMessage(view.question(run, question, position))
                            .submit())
                    .thenAccept(m -> ids.add(m.getIdLong()));
        }
        return chain.thenApply(v -> new Posted(target.getIdLong(), List.copyOf(ids)));
    }

    // ---- close ---------------------------------------------------------------------------------------

    /**
     * Turns each question into its answer and explanation, buttons gone, then posts the results. The
     * question messages are the ones this process posted or, after a restart, found among the newest
     * hundred of the run's thread (or channel) by their buttons' run id; a question not found gets its
     * answer posted afresh. After a restart the results are looked for there too: a close repeated because the
     * bot stopped between posting the results and recording it finds them and only records it, so they are
     * posted once. A close cut short by the bot's own shutdown is not a failure: the run stays closing and the
     * next start closes it.
     */
    private void close(DailyAction.CloseRun close) {
        DailyRun run = close.run();
        Posted where = posted.remove(run.id());
        Optional<GuildMessageChannel> target = where == null ? Optional.empty() : writable(where.channelId());
        if (target.isEmpty()) {
            where = null;
            target = threadOf(run).or(() -> writable(run.channelId()));
        }
        if (target.isEmpty()) {
            fail(run, noAccess(run.channelId()));
            return;
        }
        GuildMessageChannel channel = target.get();
        CompletableFuture<Found> found = where != null
                ? CompletableFuture.completedFuture(new Found(byPosition(where), java.util.Set.of(), false))
                : findRun(channel, run);
        ZoneId zone =
                scheduler.schedule(run.scheduleId()).map(DailySchedule::zone).orElse(zones.zoneOf(run.guildId()));
        found.thenCompose(f -> {
                    if (f.resultsPosted()) {
                        return CompletableFuture.completedFuture(false);
                    }
                    return reveal(channel, run, f.questions(), f.revealed()).thenCompose(v -> {
                        Leaderboard today =
                                store.leaderboard(run.guildId(), LeaderboardPeriod.TODAY, Optional.empty(), 0, zone);
                        return channel.sendMessage(view.results(
                                        run, close.results(), today, scheduler.groupStreak(run.scheduleId())))
                                .submit()
                                .thenApply(m -> true);
                    });
                })
                .whenComplete((postedNow, failure) -> {
                    if (failure != null) {
                        if (stopping(channel)) {
                            LOG.info(
                                    "daily run {}: the bot is stopping; its results are posted at the next start",
                                    run.id());
                            return;
                        }
                        fail(run, "posting the results failed: " + reason(failure));
                        return;
                    }
                    if (!scheduler.closed(run.id())) {
                        return; // not closing any more here (the scheduler has closed): the next start sees to it
                    }
                    LOG.info(
                            "daily run {} results {} guild={} channel={} members={}",
                            run.id(),
                            postedNow ? "posted" : "were posted before a restart; closed without posting them again",
                            run.guildId(),
                            run.channelId(),
                            close.results().members().size());
                });
    }

    private static boolean stopping(GuildMessageChannel channel) {
        JDA.Status status = channel.getJDA().getStatus();
        return status == JDA.Status.SHUTTING_DOWN || status == JDA.Status.SHUTDOWN;
    }

    /** What a restarted close finds of its run among the channel's newest messages. */
    private record Found(Map<Integer, Long> questions, java.util.Set<Integer> revealed, boolean resultsPosted) {}

    private static Map<Integer, Long> byPosition(Posted where) {
        Map<Integer, Long> ids = new java.util.HashMap<>();
        for (int i = 0; i < where.questionMessageIds().size(); i++) {
            ids.put(i, where.questionMessageIds().get(i));
        }
        return ids;
    }

    /**
     * The run's question messages among the channel's newest hundred, by position, and whether its results are
     * among them; none if they cannot be read.
     */
    private CompletableFuture<Found> findRun(GuildMessageChannel channel, DailyRun run) {
        long self = channel.getGuild().getSelfMember().getIdLong();
        return channel.getHistory()
                .retrievePast(100)
                .submit()
                .thenApply(messages -> {
                    Map<Integer, Long> ids = new java.util.HashMap<>();
                    boolean results = false;
                    java.util.Set<Integer> revealed = new java.util.HashSet<>();
                    for (Message message : messages) {
                        if (message.getAuthor().getIdLong() != self) {
                            continue;
                        }
                        revealedPosition(run, message).ifPresent(revealed::add);
                        results |= message.getEmbeds().stream()
                                .anyMatch(e -> DailyView.resultsTitle(run).equals(e.getTitle()));
                        message.getComponentTree().findAll(Button.class).stream()
                                .map(Button::getCustomId)
                                .filter(java.util.Objects::nonNull)
                                .map(ComponentId::parse)
                                .flatMap(Optional::stream)
                                .filter(id -> id.prefix().equals(DailyView.PREFIX)
                                        && id.session().equals(run.id()))
                                .findFirst()
                                .ifPresent(id -> ids.putIfAbsent(id.position(), message.getIdLong()));
                    }
                    return new Found(ids, revealed, results);
                })
                .exceptionally(e -> {
                    LOG.warn(
                            "daily run {}: its question messages could not be read ({}); posting the answers afresh",
                            run.id(),
                            reason(e));
                    return new Found(Map.of(), java.util.Set.of(), false);
                });
    }

    /** Each question's reveal: its message edited where known, else posted. One failure does not stop the rest. */
    /**
     * The position of {@code run}'s question that {@code message} shows closed (its answer revealed by an
     * earlier close that did not finish), if it is one: titled "Closed · Question N/M" with the report button
     * of the run's N-th question.
     */
    private static Optional<Integer> revealedPosition(DailyRun run, Message message) {
        for (int i = 0; i < run.questionIds().size(); i++) {
            String title =
                    "Closed · Question " + (i + 1) + "/" + run.questionIds().size() + " · ";
            String report =
                    FlagView.id(run.questionIds().get(i), 0, FlagAction.REPORT).toString();
            boolean titled = message.getEmbeds().stream()
                    .anyMatch(e -> e.getTitle() != null && e.getTitle().startsWith(title));
            if (titled
                    && message.getComponentTree().findAll(Button.class).stream()
                            .anyMatch(b -> report.equals(b.getCustomId()))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private CompletableFuture<Void> reveal(
            GuildMessageChannel channel, DailyRun run, Map<Integer, Long> messageIds, java.util.Set<Integer> revealed) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < run.questionIds().size(); i++) {
            Optional<Question> question =
                    banks.forGuild(run.guildId()).question(run.questionIds().get(i));
            if (question.isEmpty() || revealed.contains(i)) {
                continue; // the bank changed since (the results still count it), or an earlier close revealed it
            }
            var closed = view.closedQuestion(run, question.get(), i);
            int position = i;
            Long messageId = messageIds.get(i);
            if (messageId != null) {
                chain = chain.thenCompose(
                        v -> channel.editMessageById(messageId, MessageEditData.fromCreateData(closed))
                                .setComponents(net.dv8tion.jda.api.components.actionrow.ActionRow.of(
                                        FlagView.reportButton(question.get())))
                                .submit()
                                .thenAccept(m -> {}));
            } else {
                chain = chain.thenCompose(
                        v -> channel.sendMessage(closed).submit().thenAccept(m -> {}));
            }
            chain = chain.exceptionally(e -> {
                LOG.warn("daily run {}: question {} not revealed: {}", run.id(), position + 1, reason(e));
                return null;
            });
        }
        return chain;
    }

    /** The run's thread, found by its name among the channel's active threads (after a restart). */
    private Optional<GuildMessageChannel> threadOf(DailyRun run) {
        return channels.find(run.channelId())
                .filter(TextChannel.class::isInstance)
                .map(TextChannel.class::cast)
                .flatMap(text -> text.getThreadChannels().stream()
                        .filter(t -> t.getName().equals(DailyView.threadName(run.date())))
                        .filter(ThreadChannel::canTalk)
                        .<GuildMessageChannel>map(t -> t)
                        .findFirst());
    }

    // ---- weekly report -------------------------------------------------------------------------------

    private void report(DailyAction.PostReport report) {
        DailySchedule schedule = report.schedule();
        Optional<GuildMessageChannel> channel = writable(schedule.channelId());
        if (channel.isEmpty()) {
            LOG.warn(
                    "daily weekly report not posted guild={} channel={}: {}",
                    schedule.guildId(),
                    schedule.channelId(),
                    noAccess(schedule.channelId()));
            return;
        }
        channel.get()
                .sendMessage(view.report(report.report()))
                .queue(
                        ok -> LOG.info(
                                "daily weekly report posted guild={} channel={}",
                                schedule.guildId(),
                                schedule.channelId()),
                        e -> LOG.warn(
                                "daily weekly report not posted guild={} channel={}: {}",
                                schedule.guildId(),
                                schedule.channelId(),
                                reason(e)));
    }

    // ---- failures ------------------------------------------------------------------------------------

    private Optional<GuildMessageChannel> writable(long channelId) {
        return channels.find(channelId).filter(c -> c.getGuild().getSelfMember().hasPermission(c, TO_POST));
    }

    private String noAccess(long channelId) {
        return channels.find(channelId).isPresent()
                ? "the bot may not view, write or embed links in the channel"
                : "the channel is gone or the bot cannot see it";
    }

    /** Records the failure, logs it, and tells the guild where the bot can still write (never the failing channel). */
    private void fail(DailyRun run, String reason) {
        if (!scheduler.failed(run.id(), reason)) {
            return;
        }
        metrics.dailyRun(false);
        posted.remove(run.id());
        Optional<Guild> guild = channels.guild(run.guildId());
        Optional<GuildMessageChannel> notice = guild.flatMap(g -> Optional.ofNullable(g.getSystemChannel())
                        .<GuildMessageChannel>map(c -> c)
                        .or(() -> Optional.ofNullable(g.getDefaultChannel())
                                .filter(GuildMessageChannel.class::isInstance)
                                .map(GuildMessageChannel.class::cast)))
                .filter(c -> c.getIdLong() != run.channelId())
                .filter(c -> c.getGuild()
                        .getSelfMember()
                        .hasPermission(c, Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND));
        if (notice.isEmpty()) {
            LOG.warn("daily run {} failure could not be reported in guild {}", run.id(), run.guildId());
            return;
        }
        notice.get()
                .sendMessage("⚠️ The daily quiz for <#" + run.channelId() + "> (" + run.date() + ") could not be"
                        + " posted: " + reason
                        + ". Someone with Manage Server can give the bot access again or move the"
                        + " schedule with `/daily set`; it tries again on its next day.")
                .setAllowedMentions(List.of())
                .queue(ok -> {}, e -> LOG.warn("daily run {} failure notice not posted: {}", run.id(), reason(e)));
    }

    private static String reason(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
