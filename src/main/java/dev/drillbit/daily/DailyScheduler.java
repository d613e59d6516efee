package dev.drillbit.daily;

import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.progress.Answer;
import dev.drillbit.progress.ForgetsMembers;
import dev.drillbit.quiz.AnswerChecker;
import dev.drillbit.quiz.Response;
import dev.drillbit.quiz.Scoring;
import dev.drillbit.quiz.Verdict;
import dev.drillbit.storage.DataFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Study groups' daily quizzes: keeps the schedules, decides when each run starts and closes, which
 * questions it asks, takes its answers, keeps the group streak and writes the weekly report. The adapter
 * drives it: the heartbeat calls {@link #due} about once a second with the clock's instant, carries out
 * each {@link DailyAction} and acknowledges it ({@link #started}, {@link #closed}, {@link #failed}).
 *
 * <h2>Delivery</h2>
 * <ul>
 *   <li>A run's start is handed out <b>at most once</b>: its file (status STARTING, questions, window) is
 *       forced to disk before {@link #due} returns the {@link DailyAction.StartRun}. A restart finds the
 *       file and never starts that day's run again, even if the adapter never posted it (then the run
 *       closes with nobody having answered). A second post of the same quiz would split the group's
 *       answers between two messages; one missed day is the smaller harm.
 *   <li>Results are handed out <b>at least once</b>: the run is marked CLOSING before the
 *       {@link DailyAction.CloseRun} is returned and handed out again after every restart until
 *       {@link #closed} is acknowledged. The results are computed from the run's durable answers and
 *       answers stop at the window's end, so a repeat carries the same results; a lost results post
 *       would leave the group without the answers to the day's questions. Within one process it is handed
 *       out once.
 *   <li>Weekly reports are handed out at most once, like starts: recorded before returned.
 * </ul>
 *
 * <h2>Catch-up</h2>
 * A run is due from its start instant until its window closes. When the bot was down at the start it is
 * handed out at the first {@link #due} call inside the window, marked {@code late} (more than
 * {@link Settings#lateAfter} after the start), and keeps the original closing time; once the window has
 * closed the day is skipped. Occurrences before the schedule was set are never due.
 *
 * <h2>Failure isolation</h2>
 * Each schedule and each run is handled on its own inside {@link #due}: an exception (a failed write, a
 * broken activity source) is logged with the guild and channel and the others go on. A run the adapter
 * could not post is reported through {@link #failed} and recorded; the schedule runs again next day.
 *
 * <p>Thread-safe: every public method holds the scheduler's lock (answers come from JDA threads, {@link
 * #due} from the heartbeat); each change is forced to disk before the method returns.
 */
public final class DailyScheduler implements AutoCloseable, ForgetsMembers {
    private static final Logger LOG = LoggerFactory.getLogger(DailyScheduler.class);

    /**
     * Settings. Immutable.
     *
     * @param lateAfter a run handed out more than this after its start is marked late
     * @param keepRuns finished runs older than this are deleted at start-up
     */
    public record Settings(Duration lateAfter, Duration keepRuns) {
        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(1), Duration.ofDays(56));
        }
    }

    private final DailyRepository files;
    private final dev.drillbit.bank.GuildBanks banks;
    private final GroupActivity activity;
    private final Clock clock;
    private final Random random;
    private final Settings settings;
    private final AnswerChecker checker = new AnswerChecker();
    private final DailyRepository.State state;
    private final Map<String, DailyRun> runs = new TreeMap<>();
    private final RunClaims claims;
    /** Runs another process claimed: not asked about again (a claim is never given back). */
    private final Set<String> claimedElsewhere = new HashSet<>();
    /** Closed: nothing more is recorded. */
    private boolean shut;
    /** CloseRun actions handed out by this process and not yet acknowledged. */
    private final Set<String> closing = new HashSet<>();

    private DailyScheduler(
            DailyRepository files,
            dev.drillbit.bank.GuildBanks banks,
            GroupActivity activity,
            Clock clock,
            Random random,
            Settings settings,
            DailyRepository.State state,
            RunClaims claims) {
        this.claims = claims;
        this.files = files;
        this.banks = banks;
        this.activity = activity;
        this.clock = clock;
        this.random = random;
        this.settings = settings;
        this.state = state;
    }

    /**
     * Reads the daily quizzes from {@code repository} and takes it over: closing the scheduler closes it.
     *
     * @param activity where weekly reports get guild-wide numbers; {@code null} to use this scheduler's own
     *     run answers ({@link #runActivity()})
     * @throws DataFileException when stored data is damaged or in a foreign format version; nothing is changed
     * @throws UncheckedIOException when the data cannot be read
     */
    public static DailyScheduler open(
            DailyRepository repository,
            QuestionBank bank,
            GroupActivity activity,
            Clock clock,
            Random random,
            Settings settings) {
        return open(repository, dev.drillbit.bank.GuildBanks.only(bank), activity, clock, random, settings);
    }

    /** As {@link #open(DailyRepository, QuestionBank, GroupActivity, Clock, Random, Settings)}, each server's runs drawn from its own bank. */
    public static DailyScheduler open(
            DailyRepository repository,
            dev.drillbit.bank.GuildBanks bank,
            GroupActivity activity,
            Clock clock,
            Random random,
            Settings settings) {
        return open(repository, bank, activity, clock, random, settings, (runId, now) -> true);
    }

    /**
     * As {@link #open(DailyRepository, dev.drillbit.bank.GuildBanks, GroupActivity, Clock, Random, Settings)},
     * claiming each run in {@code claims} before handing out its start: a run another process claimed is not
     * started here.
     */
    public static DailyScheduler open(
            DailyRepository repository,
            dev.drillbit.bank.GuildBanks bank,
            GroupActivity activity,
            Clock clock,
            Random random,
            Settings settings,
            RunClaims claims) {
        try {
            DailyRepository.Stored stored = repository.load();
            DailyScheduler scheduler =
                    new DailyScheduler(repository, bank, activity, clock, random, settings, stored.state(), claims);
            stored.runs().forEach(r -> scheduler.runs.put(r.id(), r));
            scheduler.prune();
            LOG.info(
                    "daily: {} schedules, {} runs kept, {} taking answers, in {}",
                    stored.state().schedules().size(),
                    stored.runs().size(),
                    scheduler.openRuns().size(),
                    repository);
            return scheduler;
        } catch (IOException e) {
            repository.close();
            throw new UncheckedIOException("reading the daily quizzes in " + repository + " failed", e);
        } catch (RuntimeException e) {
            repository.close();
            throw e;
        }
    }

    private void prune() throws IOException {
        Instant before = clock.instant().minus(settings.keepRuns());
        for (DailyRun run : List.copyOf(runs.values())) {
            boolean finished = run.status() == RunStatus.CLOSED || run.status() == RunStatus.FAILED;
            if (finished && run.closesAt().isBefore(before)) {
                files.deleteRun(run.id());
                runs.remove(run.id());
            }
        }
    }

    // ---- schedules -----------------------------------------------------------------------------------

    /** Sets a channel's schedule, replacing the one there (its streak is kept). Durable on return. */
    public synchronized void set(DailySchedule schedule) {
        Optional<DailySchedule> before = Optional.ofNullable(state.schedules().put(schedule.id(), schedule));
        try {
            files.writeState(state);
        } catch (IOException e) {
            before.ifPresentOrElse(
                    b -> state.schedules().put(b.id(), b),
                    () -> state.schedules().remove(schedule.id()));
            throw new UncheckedIOException("saving the schedule for " + schedule.id() + " failed", e);
        }
        LOG.info(
                "daily schedule set guild={} channel={} time={} zone={} by={}",
                schedule.guildId(),
                schedule.channelId(),
                schedule.time(),
                schedule.zone(),
                schedule.setBy());
    }

    /** Removes a channel's schedule and its streak; runs already started still close. Durable on return. */
    public synchronized boolean remove(ScheduleId id) {
        DailySchedule removed = state.schedules().remove(id);
        if (removed == null) {
            return false;
        }
        DailyRepository.GroupState group = state.groups().remove(id);
        try {
            files.writeState(state);
        } catch (IOException e) {
            state.schedules().put(id, removed);
            if (group != null) {
                state.groups().put(id, group);
            }
            throw new UncheckedIOException("removing the schedule for " + id + " failed", e);
        }
        LOG.info("daily schedule removed guild={} channel={}", id.guildId(), id.channelId());
        return true;
    }

    public synchronized Optional<DailySchedule> schedule(ScheduleId id) {
        return Optional.ofNullable(state.schedules().get(id));
    }

    /** A guild's schedules, by channel. */
    public synchronized List<DailySchedule> schedules(long guildId) {
        return state.schedules().values().stream()
                .filter(s -> s.guildId() == guildId)
                .toList();
    }

    public synchronized List<DailySchedule> schedules() {
        return List.copyOf(state.schedules().values());
    }

    // ---- the clock -----------------------------------------------------------------------------------

    /**
     * What is due at {@code now}: results of runs whose window has closed, weekly reports, and runs to
     * start, in that order. Each returned action is already recorded; see the class comment for what a
     * restart repeats. Never throws for one schedule's trouble: that is logged and skipped.
     */
    public synchronized List<DailyAction> due(Instant now) {
        List<DailyAction> actions = new ArrayList<>();
        for (DailyRun run : List.copyOf(runs.values())) {
            try {
                closeIfDue(run, now).ifPresent(actions::add);
            } catch (IOException | RuntimeException e) {
                LOG.error(
                        "daily run {} could not be closed guild={} channel={}",
                        run.id(),
                        run.guildId(),
                        run.channelId(),
                        e);
            }
        }
        List<Drawn> starting = new ArrayList<>();
        Map<Long, Set<String>> seenBefore = new HashMap<>();
        for (DailySchedule schedule : List.copyOf(state.schedules().values())) {
            try {
                reportIfDue(schedule, now).ifPresent(actions::add);
            } catch (IOException | RuntimeException e) {
                LOG.error(
                        "daily weekly report failed guild={} channel={}", schedule.guildId(), schedule.channelId(), e);
            }
            try {
                seenBefore.computeIfAbsent(
                        schedule.guildId(),
                        g -> new LinkedHashSet<>(state.seen().getOrDefault(g, Set.of())));
                startIfDue(schedule, now).ifPresent(starting::add);
            } catch (IOException | RuntimeException e) {
                LOG.error(
                        "daily run could not be started guild={} channel={}",
                        schedule.guildId(),
                        schedule.channelId(),
                        e);
            }
        }
        actions.addAll(startAll(starting, seenBefore));
        return actions;
    }

    /**
     * Records the runs drawn in one {@link #due} call: the rotation of every guild once (one write, however
     * many groups start at the same minute), then each run. When the rotation cannot be written none of them
     * starts and the rotation is as before.
     */
    private List<DailyAction> startAll(List<Drawn> starting, Map<Long, Set<String>> seenBefore) {
        if (starting.isEmpty()) {
            return List.of();
        }
        try {
            // rotation first: a crash between the writes skips these questions, never repeats them
            files.writeState(state);
        } catch (IOException | RuntimeException e) {
            for (Drawn d : starting) {
                Set<String> seen = state.seen().get(d.schedule().guildId());
                if (seen != null) {
                    seen.clear();
                    seen.addAll(seenBefore.getOrDefault(d.schedule().guildId(), Set.of()));
                }
                LOG.error(
                        "daily run could not be started guild={} channel={}",
                        d.schedule().guildId(),
                        d.schedule().channelId(),
                        e);
            }
            return List.of();
        }
        List<DailyAction> actions = new ArrayList<>();
        for (Drawn d : starting) {
            try {
                actions.add(record(d));
            } catch (IOException | RuntimeException e) {
                LOG.error(
                        "daily run could not be started guild={} channel={}",
                        d.schedule().guildId(),
                        d.schedule().channelId(),
                        e);
            }
        }
        return actions;
    }

    private Optional<DailyAction> closeIfDue(DailyRun run, Instant now) throws IOException {
        boolean windowOver = run.status().open() && !now.isBefore(run.closesAt());
        boolean unacknowledged = run.status() == RunStatus.CLOSING && !closing.contains(run.id());
        if (!windowOver && !unacknowledged) {
            return Optional.empty();
        }
        if (windowOver) {
            countForStreak(run);
            run = run.withStatus(RunStatus.CLOSING, Optional.empty());
            files.writeRun(run);
            runs.put(run.id(), run);
        }
        closing.add(run.id());
        LOG.info(
                "daily run {} closing guild={} channel={} members={}",
                run.id(),
                run.guildId(),
                run.channelId(),
                run.participants());
        return Optional.of(new DailyAction.CloseRun(run, RunResults.of(run)));
    }

    /** Written before the run's CLOSING status, and skipped when the date already counted: crash-safe. */
    private void countForStreak(DailyRun run) throws IOException {
        DailySchedule schedule = state.schedules().get(run.scheduleId());
        if (schedule == null || run.participants() < schedule.groupMinimum()) {
            return;
        }
        DailyRepository.GroupState group =
                state.groups().getOrDefault(run.scheduleId(), DailyRepository.GroupState.NEW);
        GroupStreak streak = group.streak();
        if (streak.lastCounted().map(last -> !last.isBefore(run.date())).orElse(false)) {
            return;
        }
        boolean continues = streak.lastCounted().equals(Optional.of(schedule.previousRunDay(run.date())));
        int current = continues ? streak.current() + 1 : 1;
        GroupStreak next = new GroupStreak(current, Math.max(current, streak.best()), Optional.of(run.date()));
        state.groups().put(run.scheduleId(), new DailyRepository.GroupState(next, group.lastReport()));
        try {
            files.writeState(state);
        } catch (IOException e) {
            state.groups().put(run.scheduleId(), group);
            throw e;
        }
    }

    private Optional<Drawn> startIfDue(DailySchedule schedule, Instant now) throws IOException {
        LocalDate today = LocalDate.ofInstant(now, schedule.zone());
        for (LocalDate date = today.minusDays(1); !date.isAfter(today); date = date.plusDays(1)) {
            if (!schedule.runsOn(date)) {
                continue;
            }
            Instant at = schedule.startOn(date);
            Instant closesAt = at.plus(schedule.window());
            String runId = DailyRun.idOf(schedule.id(), date);
            if (now.isBefore(at)
                    || !now.isBefore(closesAt)
                    || at.isBefore(schedule.since())
                    || runs.containsKey(runId)
                    || !claim(runId, now)) {
                continue;
            }
            return Optional.of(draw(schedule, date, runId, at, closesAt, now));
        }
        return Optional.empty();
    }

    /**
     * Claims a run before its start is handed out; false, remembered, when another process claimed it first
     * (it posts the run). A claim made and then lost in a crash before the run was written leaves that day
     * unposted: at most once, as for the run file.
     */
    private boolean claim(String runId, Instant now) {
        if (claimedElsewhere.contains(runId)) {
            return false;
        }
        if (claims.claim(runId, now)) {
            return true;
        }
        claimedElsewhere.add(runId);
        LOG.info("daily run {} was claimed by another process; it is not started here", runId);
        return false;
    }

    /**
     * Starts today's run of a schedule at once, instead of at its time ({@code /daily now}). Today is the
     * schedule's local date at {@code now}; the run takes answers for the schedule's window from now. Keeps
     * the never-twice rule: the run has today's id, so the scheduled start later today finds it and does
     * nothing, and a second call today is refused with the run already there. Durable before it returns,
     * like a scheduled start; the adapter carries out and acknowledges the action as any other.
     */
    public synchronized StartNow startNow(ScheduleId id, Instant now) {
        DailySchedule schedule = state.schedules().get(id);
        if (schedule == null) {
            return new StartNow.NoSchedule(id);
        }
        LocalDate today = LocalDate.ofInstant(now, schedule.zone());
        String runId = DailyRun.idOf(id, today);
        DailyRun existing = runs.get(runId);
        if (existing != null) {
            return new StartNow.AlreadyRan(existing);
        }
        Optional<DailyRun> open = runs.values().stream()
                .filter(r -> r.scheduleId().equals(id) && r.takesAnswers(now))
                .findFirst();
        if (open.isPresent()) {
            return new StartNow.AlreadyRan(open.get()); // yesterday's run, still open: one at a time
        }
        if (!claim(runId, now)) {
            return new StartNow.ClaimedElsewhere(id, today);
        }
        try {
            return new StartNow.Started(start(schedule, today, runId, now, now.plus(schedule.window()), now));
        } catch (IOException e) {
            throw new UncheckedIOException("starting run " + runId + " failed", e);
        }
    }

    /** What {@link #startNow} did. Immutable. */
    public sealed interface StartNow {
        /** Started: carry out {@code action} as one from {@link #due}. */
        record Started(DailyAction.StartRun action) implements StartNow {}

        /** Today's run exists already (scheduled or started by hand), or an earlier one is still open. */
        record AlreadyRan(DailyRun run) implements StartNow {}

        record NoSchedule(ScheduleId id) implements StartNow {}

        /** Another process sharing the store claimed today's run first; it posts it. */
        record ClaimedElsewhere(ScheduleId id, LocalDate date) implements StartNow {}
    }

    /** A run whose questions are drawn (the rotation changed in memory) and not yet recorded. */
    private record Drawn(
            DailySchedule schedule,
            LocalDate date,
            String runId,
            Instant at,
            Instant closesAt,
            Instant now,
            boolean late,
            List<Question> questions) {}

    /** Draws, records the rotation, then records the run: for one start outside {@link #due}. */
    private DailyAction.StartRun start(
            DailySchedule schedule, LocalDate date, String runId, Instant at, Instant closesAt, Instant now)
            throws IOException {
        Set<String> before = new LinkedHashSet<>(state.seen().getOrDefault(schedule.guildId(), Set.of()));
        Drawn drawn = draw(schedule, date, runId, at, closesAt, now);
        try {
            // rotation first: a crash between the two writes skips these questions, never repeats them
            files.writeState(state);
        } catch (IOException e) {
            Set<String> seen = state.seen().get(schedule.guildId());
            seen.clear();
            seen.addAll(before);
            throw e;
        }
        return record(drawn);
    }

    /**
     * Draws a run's questions from the guild's bank, changing its rotation in memory only; a bank with no
     * question for the schedule records the day as failed and throws.
     */
    private Drawn draw(DailySchedule schedule, LocalDate date, String runId, Instant at, Instant closesAt, Instant now)
            throws IOException {
        List<Question> pool = banks.forGuild(schedule.guildId()).questions(schedule.filter());
        boolean late = now.isAfter(at.plus(settings.lateAfter()));
        if (pool.isEmpty()) {
            // the bank changed under the schedule; record the day as failed so it is not retried every second
            DailyRun failed = new DailyRun(
                    runId,
                    schedule.id(),
                    date,
                    List.of(),
                    at,
                    now,
                    closesAt,
                    late,
                    RunStatus.FAILED,
                    Optional.of("no question matches the schedule's steps and difficulty"),
                    List.of());
            files.writeRun(failed);
            runs.put(runId, failed);
            throw new IllegalStateException("no question matches schedule " + schedule.id());
        }
        Set<String> seen = state.seen().computeIfAbsent(schedule.guildId(), g -> new LinkedHashSet<>());
        List<Question> questions = Rotation.draw(pool, schedule.count(), seen, random);
        return new Drawn(schedule, date, runId, at, closesAt, now, late, questions);
    }

    /** Records a drawn run as starting and hands out its start. */
    private DailyAction.StartRun record(Drawn d) throws IOException {
        DailySchedule schedule = d.schedule();
        String runId = d.runId();
        List<Question> drawn = d.questions();
        boolean late = d.late();
        Instant closesAt = d.closesAt();
        DailyRun run = new DailyRun(
                runId,
                schedule.id(),
                d.date(),
                drawn.stream().map(Question::id).toList(),
                d.at(),
                d.now(),
                closesAt,
                late,
                RunStatus.STARTING,
                Optional.empty(),
                List.of());
        files.writeRun(run);
        runs.put(runId, run);
        LOG.info(
                "daily run {} starting guild={} channel={} questions={} late={} closes={}",
                runId,
                schedule.guildId(),
                schedule.channelId(),
                drawn.size(),
                late,
                closesAt);
        return new DailyAction.StartRun(schedule, run, drawn, late);
    }

    private Optional<DailyAction> reportIfDue(DailySchedule schedule, Instant now) throws IOException {
        if (schedule.reportDay().isEmpty()) {
            return Optional.empty();
        }
        DayOfWeek reportDay = schedule.reportDay().get();
        LocalDate today = LocalDate.ofInstant(now, schedule.zone());
        LocalDate date = today.minusDays((today.getDayOfWeek().getValue() - reportDay.getValue() + 7) % 7);
        Instant at = schedule.startOn(date);
        DailyRepository.GroupState group = state.groups().getOrDefault(schedule.id(), DailyRepository.GroupState.NEW);
        if (now.isBefore(at)
                || !now.isBefore(at.plus(Duration.ofDays(1)))
                || at.isBefore(schedule.since())
                || group.lastReport().map(last -> !last.isBefore(date)).orElse(false)) {
            return Optional.empty();
        }
        LocalDate weekStart = date.minusDays(7);
        boolean ranThisWeek = runs.values().stream()
                .anyMatch(r -> r.scheduleId().equals(schedule.id())
                        && !r.date().isBefore(weekStart)
                        && r.date().isBefore(date));
        if (!ranThisWeek) {
            return Optional.empty(); // nothing to report on (a schedule set this week, or the bot was down)
        }
        WeeklyReport report = report(schedule, date, now);
        state.groups().put(schedule.id(), new DailyRepository.GroupState(group.streak(), Optional.of(date)));
        try {
            files.writeState(state);
        } catch (IOException e) {
            state.groups().put(schedule.id(), group);
            throw e;
        }
        LOG.info(
                "daily weekly report guild={} channel={} week={}..{}",
                schedule.guildId(),
                schedule.channelId(),
                report.from(),
                report.to());
        return Optional.of(new DailyAction.PostReport(schedule, report));
    }

    /** The report for the seven local days before {@code to}, as of {@code now}. */
    synchronized WeeklyReport report(DailySchedule schedule, LocalDate to, Instant now) {
        LocalDate from = to.minusDays(7);
        ZoneId zone = schedule.zone();
        Instant fromInstant = from.atStartOfDay(zone).toInstant();
        Instant toInstant = to.atStartOfDay(zone).toInstant();
        GroupActivity source = activity == null ? runActivity() : activity;
        List<WeeklyReport.RunParticipation> participation = runs.values().stream()
                .filter(r -> r.scheduleId().equals(schedule.id())
                        && !r.date().isBefore(from)
                        && r.date().isBefore(to))
                .sorted(Comparator.comparing(DailyRun::date))
                .map(r -> new WeeklyReport.RunParticipation(r.date(), r.id(), r.participants(), r.late(), r.status()))
                .toList();
        List<GroupActivity.MemberPoints> top =
                source.pointsByMember(schedule.guildId(), fromInstant, toInstant).stream()
                        .filter(p -> p.points() > 0)
                        .sorted(Comparator.comparingInt(GroupActivity.MemberPoints::points)
                                .reversed()
                                .thenComparingLong(GroupActivity.MemberPoints::userId))
                        .limit(WeeklyReport.TOP)
                        .toList();
        List<GroupActivity.StepTally> weakest =
                source.answersByStep(schedule.guildId(), fromInstant, toInstant).stream()
                        .filter(t -> t.answered() > 0
                                && (schedule.steps().isEmpty()
                                        || schedule.steps().contains(t.step())))
                        .sorted(Comparator.comparingDouble(GroupActivity.StepTally::accuracy)
                                .thenComparing(Comparator.comparingInt(GroupActivity.StepTally::answered)
                                        .reversed())
                                .thenComparing(GroupActivity.StepTally::step))
                        .limit(WeeklyReport.WEAKEST)
                        .toList();
        return new WeeklyReport(
                schedule.id(),
                from,
                to,
                participation,
                top,
                weakest,
                weakest.stream()
                        .findFirst()
                        .flatMap(t -> banks.forGuild(schedule.guildId()).step(t.step())),
                streakAt(schedule.id(), now));
    }

    // ---- acknowledgements ----------------------------------------------------------------------------

    /** The adapter posted the run. False when the run is unknown or no longer starting. */
    public synchronized boolean started(String runId) {
        return transition(runId, RunStatus.STARTING, RunStatus.POSTED, Optional.empty());
    }

    /** The adapter posted the results. False when the run is unknown or not closing. */
    public synchronized boolean closed(String runId) {
        boolean done = transition(runId, RunStatus.CLOSING, RunStatus.CLOSED, Optional.empty());
        closing.remove(runId);
        return done;
    }

    /**
     * The adapter could not post the run or its results (lost access to the channel, say). Recorded with
     * the reason; the run takes no more answers and is not retried; other schedules are unaffected and
     * this one runs again on its next day. False when the run is unknown or already finished.
     */
    public synchronized boolean failed(String runId, String reason) {
        DailyRun run = runs.get(runId);
        if (run == null || run.status() == RunStatus.CLOSED || run.status() == RunStatus.FAILED) {
            return false;
        }
        closing.remove(runId);
        LOG.warn("daily run {} failed guild={} channel={}: {}", runId, run.guildId(), run.channelId(), reason);
        return transition(runId, run.status(), RunStatus.FAILED, Optional.of(reason));
    }

    private boolean transition(String runId, RunStatus from, RunStatus to, Optional<String> reason) {
        if (shut) {
            // an acknowledgement that arrived after close (a request that was on the wire at shutdown): not
            // recorded here, so the next start, which may already have the data open, redoes the step
            LOG.info("daily run {}: {} arrived after the scheduler closed; left for the next start", runId, to);
            return false;
        }
        DailyRun run = runs.get(runId);
        if (run == null || run.status() != from) {
            return false;
        }
        DailyRun next = run.withStatus(to, reason);
        try {
            files.writeRun(next);
        } catch (IOException e) {
            throw new UncheckedIOException("recording run " + runId + " as " + to + " failed", e);
        }
        runs.put(runId, next);
        return true;
    }

    // ---- answers -------------------------------------------------------------------------------------

    /**
     * Judges a member's answer to question {@code position} of a run and keeps it with the run (forced to
     * disk) before returning. One answer per member and question; none after the window closes. Points are
     * the question's base points times the verdict's credit: a run lasts hours, so no speed bonus.
     */
    public synchronized RunAnswerOutcome answer(String runId, long userId, int position, Response response) {
        DailyRun run = runs.get(runId);
        if (run == null) {
            return new RunAnswerOutcome.NoSuchRun(runId);
        }
        Instant now = clock.instant();
        if (!run.takesAnswers(now)) {
            return new RunAnswerOutcome.Closed(run);
        }
        if (position < 0 || position >= run.questionIds().size()) {
            return new RunAnswerOutcome.NotAQuestion(runId, position);
        }
        Optional<RunAnswer> earlier = run.answers().stream()
                .filter(a -> a.userId() == userId && a.position() == position)
                .findFirst();
        if (earlier.isPresent()) {
            return new RunAnswerOutcome.AlreadyAnswered(earlier.get());
        }
        Optional<Question> question =
                banks.forGuild(run.guildId()).question(run.questionIds().get(position));
        Optional<Verdict> verdict = question.flatMap(q -> checker.check(q, response));
        if (verdict.isEmpty()) {
            return new RunAnswerOutcome.NotAQuestion(runId, position);
        }
        Question q = question.get();
        int points = (int)
                Math.round(Scoring.basePoints(q.difficulty()) * verdict.get().credit());
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        RunAnswer answer =
                new RunAnswer(userId, position, q.id(), q.step(), verdict.get().correct(), points, at);
        DailyRun next = run.withAnswer(answer);
        try {
            files.writeRun(next);
        } catch (IOException e) {
            throw new UncheckedIOException("recording an answer to run " + runId + " failed", e);
        }
        runs.put(runId, next);
        return new RunAnswerOutcome.Accepted(
                verdict.get(),
                points,
                Answer.of(
                        run.guildId(),
                        userId,
                        q,
                        Optional.of(response),
                        Optional.empty(),
                        verdict.get().correct(),
                        points,
                        Optional.empty(),
                        at));
    }

    // ---- forget --------------------------------------------------------------------------------------

    /**
     * Erases the member from the guild's daily quizzes ({@code /data forget}): their answers leave every
     * run kept (so results and weekly reports no longer see them), and a schedule they set keeps running
     * with nobody named as its setter. Each changed run and the schedules are durable on return; a failed
     * write throws, and what was already rewritten stays erased (trying again is safe).
     */
    @Override
    public synchronized void forget(long guildId, long userId) {
        forget(g -> g == guildId, userId);
        LOG.info("daily: forgot user={} guild={}", userId, guildId);
    }

    /** {@link #forget(long, long)} in every guild ({@code /me forget}). */
    @Override
    public synchronized void forgetEverywhere(long userId) {
        forget(g -> true, userId);
        LOG.info("daily: forgot user={} in every guild", userId);
    }

    private void forget(java.util.function.LongPredicate inGuild, long userId) {
        for (DailyRun run : List.copyOf(runs.values())) {
            if (!inGuild.test(run.guildId()) || run.answers().stream().noneMatch(a -> a.userId() == userId)) {
                continue;
            }
            DailyRun without = run.withoutAnswersOf(userId);
            try {
                files.writeRun(without);
            } catch (IOException e) {
                throw new UncheckedIOException("erasing a member's answers from run " + run.id() + " failed", e);
            }
            runs.put(run.id(), without);
        }
        List<DailySchedule> setByThem = state.schedules().values().stream()
                .filter(s -> inGuild.test(s.guildId()) && s.setBy() == userId)
                .toList();
        if (!setByThem.isEmpty()) {
            setByThem.forEach(s -> state.schedules().put(s.id(), s.withSetBy(DailySchedule.NOBODY)));
            try {
                files.writeState(state);
            } catch (IOException e) {
                setByThem.forEach(s -> state.schedules().put(s.id(), s));
                throw new UncheckedIOException("erasing a member from the schedules failed", e);
            }
        }
    }

    // ---- queries -------------------------------------------------------------------------------------

    public synchronized Optional<DailyRun> run(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    /** Runs taking answers now (after a restart: the ones to re-attach to), oldest first. */
    public synchronized List<DailyRun> openRuns() {
        Instant now = clock.instant();
        return runs.values().stream()
                .filter(r -> r.takesAnswers(now))
                .sorted(Comparator.comparing(DailyRun::startedAt))
                .toList();
    }

    /** A guild's runs, newest first. */
    public synchronized List<DailyRun> runs(long guildId) {
        return runs.values().stream()
                .filter(r -> r.guildId() == guildId)
                .sorted(Comparator.comparing(DailyRun::scheduledAt).reversed())
                .toList();
    }

    /** A run's results so far (final once its window has closed). */
    public synchronized Optional<RunResults> results(String runId) {
        return run(runId).map(RunResults::of);
    }

    /** The schedule's group streak as of the clock. */
    public synchronized GroupStreak groupStreak(ScheduleId id) {
        return streakAt(id, clock.instant());
    }

    private GroupStreak streakAt(ScheduleId id, Instant now) {
        GroupStreak stored =
                state.groups().getOrDefault(id, DailyRepository.GroupState.NEW).streak();
        DailySchedule schedule = state.schedules().get(id);
        if (schedule == null || stored.lastCounted().isEmpty()) {
            return stored;
        }
        LocalDate last = stored.lastCounted().get();
        LocalDate today = LocalDate.ofInstant(now, schedule.zone());
        if (ChronoUnit.DAYS.between(last, today) > 14) {
            return new GroupStreak(0, stored.best(), stored.lastCounted());
        }
        for (LocalDate d = last.plusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
            if (schedule.runsOn(d) && !now.isBefore(schedule.startOn(d).plus(schedule.window()))) {
                return new GroupStreak(0, stored.best(), stored.lastCounted());
            }
        }
        return stored;
    }

    /** The weekly report a schedule would get for the week before {@code to}, as of the clock (a preview). */
    public synchronized Optional<WeeklyReport> previewReport(ScheduleId id, LocalDate to) {
        return schedule(id).map(s -> report(s, to, clock.instant()));
    }

    /** The answers given to this scheduler's runs, as a {@link GroupActivity}. */
    public GroupActivity runActivity() {
        return new GroupActivity() {
            @Override
            public List<StepTally> answersByStep(long guildId, Instant from, Instant to) {
                return InMemoryGroupActivity.tallies(entries(guildId, from, to));
            }

            @Override
            public List<MemberPoints> pointsByMember(long guildId, Instant from, Instant to) {
                return InMemoryGroupActivity.points(entries(guildId, from, to));
            }
        };
    }

    private synchronized List<InMemoryGroupActivity.Entry> entries(long guildId, Instant from, Instant to) {
        return runs.values().stream()
                .filter(r -> r.guildId() == guildId)
                .flatMap(r -> r.answers().stream())
                .filter(a -> !a.at().isBefore(from) && a.at().isBefore(to))
                .map(a ->
                        new InMemoryGroupActivity.Entry(guildId, a.userId(), a.step(), a.correct(), a.points(), a.at()))
                .toList();
    }

    /** Releases the repository. Every change is already durable. Idempotent. */
    @Override
    public synchronized void close() {
        shut = true;
        files.close();
    }
}
