package dev.drillbit.discord;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.daily.DailyScheduler;
import dev.drillbit.insights.QuestionFlags;
import dev.drillbit.interview.MockInterviews;
import dev.drillbit.packs.ServerPacks;
import dev.drillbit.packs.Suggestions;
import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.MemberData;
import dev.drillbit.progress.ScoreStore;
import dev.drillbit.quiz.QuizEngine;
import dev.drillbit.quiz.QuizSummary;
import dev.drillbit.quiz.Scoring;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * Everything drillbit shows in Discord, assembled: the commands, their views and the router that JDA
 * calls. The only public way into the adapter; built once by the application's wiring. Thread-safe.
 */
public final class DiscordFrontEnd {
    private final Router router;
    private final QuizPlay play;
    private final Channels channels = new Channels();
    private final ReviewReminders reminders;
    private final MockInterviews interviews;
    private final DailyBoard daily;
    private final Clock clock;

    /**
     * @param packs the shipped bank and each server's own packs
     * @param flags members' reports of questions
     * @param suggestions members' suggested questions and their review
     * @param store where answers are recorded and scores read; the front end never closes it
     * @param zones each guild's timezone, for leaderboard periods and the dates the bot shows
     * @param defaultCount questions in a quiz when the member does not say
     * @param devGuildIds guilds where commands register instantly; empty to register globally
     * @param learning reviews, reminders and mock interviews
     * @param scheduler study groups' daily quizzes; the front end never closes it
     * @param memberData every store's data of a member, for {@code /data forget}, {@code /me export} and
     *     {@code /me forget}
     * @param ticker measures how long what the adapter itself remembers is kept (claims on review cards)
     * @param metrics where interactions, reply times and daily runs are counted ({@code DiscordMetrics.none()}
     *     for nowhere)
     */
    public DiscordFrontEnd(
            ServerPacks packs,
            QuestionFlags flags,
            Suggestions suggestions,
            QuizEngine engine,
            Scoring scoring,
            ScoreStore store,
            GuildZones zones,
            int defaultCount,
            Collection<Long> devGuildIds,
            LearningLoop learning,
            DailyScheduler scheduler,
            MemberData memberData,
            Ticker ticker,
            DiscordMetrics metrics) {
        // Short work after the store answered, and drawing charts or reading history off JDA's threads.
        Executor work = ForkJoinPool.commonPool();
        QuestionBank bank = packs.shipped();
        DurableReply durable = new DurableReply(work);
        QuestionView questions = new QuestionView(bank, scoring);
        RevealView reveals = new RevealView(bank);
        SummaryView summaries = new SummaryView(bank);
        GroupBoard board = new GroupBoard(engine, channels, questions, reveals, summaries);
        this.play = new QuizPlay(engine, store, zones, durable, questions, reveals, summaries, board);
        QuizOptions options = new QuizOptions(bank, packs);
        List<BotCommand> commands = new ArrayList<>(List.of(
                new QuizCommand(play, options, defaultCount),
                new QuestionCommand(play, options),
                new RoadmapCommand(learning.reviews(), options, new RoadmapView(bank)),
                new LeaderboardCommand(store, options, zones, new LeaderboardView(bank)),
                new StatsCommand(store, new StatsView(bank, new AccuracyChart(bank)), work),
                new DataCommand(memberData, durable),
                new PackCommand(packs, flags, work),
                new SuggestCommand(suggestions, packs, work),
                new SuggestionsCommand(suggestions, work)));
        this.interviews = learning.interviews();
        this.reminders = new ReviewReminders(
                learning.reviews(), learning.reminders(), channels, engine.clock(), learning.remindHere());
        commands.add(new ReviewCommand(
                packs,
                learning.reviews(),
                scoring,
                new ReviewView(bank, scoring),
                reminders,
                engine.clock(),
                ticker,
                work,
                durable));
        commands.add(new InterviewCommand(learning.interviews(), options, new InterviewView(bank), durable));
        commands.add(new MeCommand(memberData, learning.reviews(), work, durable));
        DailyView dailyView = new DailyView(bank);
        this.daily = new DailyBoard(scheduler, packs, store, zones, channels, dailyView, metrics);
        this.clock = engine.clock();
        commands.add(new DailyCommand(scheduler, packs, store, daily, dailyView, clock, durable));
        List<SlashCommandData> described =
                commands.stream().map(BotCommand::data).toList();
        commands.add(new HelpCommand(described));
        this.router = new Router(commands, devGuildIds, metrics);
    }

    /** The event listener to register with JDA. */
    public Router router() {
        return router;
    }

    /** Where work that does not start from an interaction finds its channels; bind the shard manager. */
    public Channels channels() {
        return channels;
    }

    /** Closes group questions whose time is up and sends due review reminders, and expires idle mock interviews; called every second by the heartbeat. */
    public void tick() {
        play.tick(clock.instant());
        reminders.tick();
        interviews.expireIdle();
    }

    /** Carries out the daily quizzes' due work (post runs, close them, weekly reports); called by the heartbeat. */
    public void dailyTick() {
        daily.tick(clock.instant());
    }

    /** Hears every quiz that ends, to close out what members still see of it. */
    public void quizEnded(QuizSummary summary) {
        play.ended(summary);
    }
}
