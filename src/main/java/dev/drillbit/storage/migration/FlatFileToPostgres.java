package dev.drillbit.storage.migration;

import dev.drillbit.daily.DailyRepository;
import dev.drillbit.daily.DailyRun;
import dev.drillbit.daily.DailySchedule;
import dev.drillbit.insights.Flag;
import dev.drillbit.learning.DeckCard;
import dev.drillbit.learning.LearnerState;
import dev.drillbit.packs.StoredPack;
import dev.drillbit.packs.Suggestion;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.ForgetEvent;
import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.JournalEntry;
import dev.drillbit.progress.MemberRef;
import dev.drillbit.progress.ReminderEvent;
import dev.drillbit.progress.ReviewEvent;
import dev.drillbit.progress.stats.MemberStats;
import dev.drillbit.progress.stats.Streak;
import dev.drillbit.storage.flatfile.FlatFileDailyRepository;
import dev.drillbit.storage.flatfile.FlatFileFlagStore;
import dev.drillbit.storage.flatfile.FlatFileReminderClaims;
import dev.drillbit.storage.flatfile.FlatFileScoreStore;
import dev.drillbit.storage.flatfile.FlatFileServerPackStore;
import dev.drillbit.storage.flatfile.FlatFileSuggestionStore;
import dev.drillbit.storage.flatfile.StoreOptions;
import dev.drillbit.storage.postgres.PostgresDatabase;
import dev.drillbit.storage.postgres.PostgresImport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Copies a flat-file data folder (scores, review decks, reminders, daily quizzes) into PostgreSQL and proves
 * it lost nothing: everything goes into one transaction, which is read back on its own connection and
 * compared with the flat files (counts, and every member's figures, deck and reminder, as the bot would show
 * them) <em>before</em> it commits. Any difference rolls it all back.
 *
 * <p>Also copied: who got their review reminder on which day, so nobody gets a second one on the day of
 * the move.
 *
 * <p>The source is opened as the bot opens it (its locks, so not while the bot runs; its recovery), read, and
 * closed; nothing in it is changed beyond what the bot's own start and stop would do.
 */
public final class FlatFileToPostgres {
    private static final int SHOWN_DIFFERENCES = 10;

    private FlatFileToPostgres() {}

    /** What a copy did. */
    public sealed interface Outcome {
        /** Copied and committed; every compared figure was equal. */
        record Copied(String target, Comparison comparison) implements Outcome {}

        /** The target already holds data (rows per table); nothing was copied. */
        record TargetNotEmpty(String target, Map<String, Long> rows) implements Outcome {}

        /** Copied, compared, found different, and rolled back. */
        record Mismatch(String target, Comparison comparison) implements Outcome {}
    }

    /** One compared figure. */
    public record Row(String what, long flatFile, long postgres) {
        public boolean equal() {
            return flatFile == postgres;
        }
    }

    /**
     * The comparison: totals side by side, and the members whose figures, deck or reminder differ (at most
     * {@value #SHOWN_DIFFERENCES} described, all counted).
     */
    public record Comparison(
            Events events, List<Row> rows, int membersCompared, int membersDiffering, List<String> differences) {
        public boolean equal() {
            return membersDiffering == 0
                    && differences.isEmpty()
                    && rows.stream().allMatch(Row::equal);
        }
    }

    /**
     * Copies {@code dataDir} into {@code db}.
     *
     * @param replace empty a non-empty target first (in the same transaction) instead of refusing
     * @throws IllegalStateException when the bot (or anything else) has the data folder open
     * @throws dev.drillbit.storage.DataFileException when a data file is damaged; nothing was copied
     * @throws dev.drillbit.storage.postgres.StorageUnavailableException when PostgreSQL fails; nothing was
     *     committed
     */
    public static Outcome copy(Path dataDir, PostgresDatabase db, boolean replace, Clock clock) {
        try (FlatFileDailyRepository dailyFiles = FlatFileDailyRepository.open(dataDir.resolve("daily"))) {
            DailyRepository.Stored daily = dailyFiles.load();
            Map<Long, List<DailySchedule>> byGuild =
                    daily.state().schedules().values().stream().collect(Collectors.groupingBy(s -> s.id().guildId()));
            GuildZones zones = guild -> DailySchedule.guildZone(byGuild.getOrDefault(guild, List.of()));
            try (FlatFileScoreStore flat = FlatFileScoreStore.open(
                            StoreOptions.defaults(dataDir).withClock(clock).withZones(zones));
                    PostgresImport target = PostgresImport.begin(db)) {
                Map<String, Long> rows = target.rowCounts();
                if (rows.values().stream().anyMatch(n -> n > 0)) {
                    if (!replace) {
                        return new Outcome.TargetNotEmpty(
                                target.target(),
                                rows.entrySet().stream()
                                        .filter(e -> e.getValue() > 0)
                                        .collect(Collectors.toMap(
                                                Map.Entry::getKey,
                                                Map.Entry::getValue,
                                                Long::sum,
                                                java.util.TreeMap::new)));
                    }
                    target.clear();
                }
                target.daily(daily);
                List<StoredPack> packs;
                try (FlatFileServerPackStore packFiles = FlatFileServerPackStore.open(dataDir.resolve("packs"))) {
                    packs = packFiles.all();
                }
                List<Flag> flags = FlatFileFlagStore.read(dataDir.resolve("flags"));
                target.packsAndFlags(packs, flags);
                List<Suggestion> suggestions;
                Map<Long, Long> reviewChannels;
                try (FlatFileSuggestionStore suggestionFiles =
                        FlatFileSuggestionStore.open(dataDir.resolve("suggestions"))) {
                    suggestions = suggestionFiles.all();
                    reviewChannels = suggestionFiles.reviewChannels();
                }
                target.suggestions(suggestions, reviewChannels);
                Map<MemberRef, Long> claims =
                        FlatFileReminderClaims.open(dataDir, zones).claims();
                target.reminderClaims(claims);
                Events[] events = {new Events(0, 0, 0, 0)};
                flat.forEachEvent(e -> {
                    JournalEntry withDay = e instanceof AnswerEvent a && a.day().isEmpty()
                            ? a.withDay(Streak.dayOf(a.at(), zones.zoneOf(a.guildId())))
                            : e;
                    events[0] = events[0].plus(withDay);
                    target.event(withDay);
                });
                target.finishEvents();
                // The person's learning is copied as the flat store holds it, not rebuilt from the events: a
                // server's /data forget erases the answers a person's deck grew from but leaves the deck.
                for (MemberRef m : flat.members()) {
                    if (m.personal()) {
                        target.replaceLearning(flat.learner(m.userId()), clock.instant());
                    }
                }
                Comparison comparison = compare(flat, target, daily, zones, clock, events[0], claims.size());
                comparison = withPacksAndFlags(comparison, packs, flags, target);
                comparison = withSuggestions(comparison, suggestions, reviewChannels, target);
                if (!comparison.equal()) {
                    return new Outcome.Mismatch(target.target(), comparison);
                }
                target.commit();
                return new Outcome.Copied(target.target(), comparison);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the daily quizzes in " + dataDir, e);
        }
    }

    /** Events read from the files and copied, by kind (the comparison is on what they add up to). */
    public record Events(long answers, long reviews, long reminderSettings, long forgets) {
        Events plus(JournalEntry e) {
            return new Events(
                    answers + (e instanceof AnswerEvent ? 1 : 0),
                    reviews + (e instanceof ReviewEvent ? 1 : 0),
                    reminderSettings + (e instanceof ReminderEvent ? 1 : 0),
                    forgets + (e instanceof ForgetEvent ? 1 : 0));
        }

        public long total() {
            return answers + reviews + reminderSettings + forgets;
        }
    }

    private static Comparison compare(
            FlatFileScoreStore flat,
            PostgresImport target,
            DailyRepository.Stored daily,
            GuildZones zones,
            Clock clock,
            Events events,
            int claims) {
        List<MemberRef> flatMembers = flat.members();
        List<MemberRef> pgMembers = target.members();
        List<String> differences = new ArrayList<>();
        int differing = 0;
        long[] f = new long[5];
        long[] p = new long[5];
        Instant now = clock.instant();
        for (MemberRef m : flatMembers) {
            int today = Streak.dayOf(now, zones.zoneOf(m.guildId()));
            Optional<MemberStats> fs = flat.memberStats(m.guildId(), m.userId());
            Optional<MemberStats> ps = target.memberStats(m, today);
            // review decks, seen questions and reminders are the person's, kept under MemberRef.PERSONAL
            boolean person = m.personal();
            LearnerState fl = person ? flat.learner(m.userId()) : LearnerState.empty(m.userId());
            LearnerState pl = person ? target.learner(m.userId()) : LearnerState.empty(m.userId());
            List<DeckCard> fd = fl.deck();
            List<DeckCard> pd = pl.deck();
            boolean fr = fl.reminder();
            boolean pr = pl.reminder();
            add(f, fs, fd, fr);
            add(p, ps, pd, pr);
            List<String> what = new ArrayList<>();
            if (!fs.equals(ps)) {
                what.add("figures " + fs.map(FlatFileToPostgres::brief).orElse("none") + " vs "
                        + ps.map(FlatFileToPostgres::brief).orElse("none"));
            }
            if (!fd.equals(pd)) {
                what.add("deck of " + fd.size() + " vs " + pd.size() + " cards");
            }
            if (!fl.seen().equals(pl.seen()) || !fl.right().equals(pl.right())) {
                what.add("seen questions " + fl.seen().size() + " vs "
                        + pl.seen().size());
            }
            if (fr != pr) {
                what.add("reminder " + (fr ? "on" : "off") + " vs " + (pr ? "on" : "off"));
            }
            if (!what.isEmpty()) {
                differing++;
                if (differences.size() < SHOWN_DIFFERENCES) {
                    differences.add(
                            "member " + m.userId() + " in guild " + m.guildId() + ": " + String.join("; ", what));
                }
            }
        }
        List<MemberRef> onlyInPostgres = new ArrayList<>(pgMembers);
        onlyInPostgres.removeAll(flatMembers);
        for (MemberRef m : onlyInPostgres) {
            differing++;
            if (differences.size() < SHOWN_DIFFERENCES) {
                differences.add("member " + m.userId() + " in guild " + m.guildId() + ": only in PostgreSQL");
            }
        }
        DailyRepository.Stored back = target.daily();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("members", flatMembers.size(), pgMembers.size()));
        rows.add(new Row("answers", f[0], p[0]));
        rows.add(new Row("correct answers", f[1], p[1]));
        rows.add(new Row("points", f[2], p[2]));
        rows.add(new Row("review cards", f[3], p[3]));
        rows.add(new Row("reminders on", f[4], p[4]));
        rows.add(new Row(
                "daily schedules",
                daily.state().schedules().size(),
                back.state().schedules().size()));
        rows.add(new Row("daily runs", daily.runs().size(), back.runs().size()));
        rows.add(new Row(
                "daily run answers",
                daily.runs().stream().mapToLong(r -> r.answers().size()).sum(),
                back.runs().stream().mapToLong(r -> r.answers().size()).sum()));
        rows.add(new Row("reminders sent today", claims, target.count("reminder_claims")));
        if (!daily.state().schedules().equals(back.state().schedules())
                || !daily.state().groups().equals(back.state().groups())
                || !daily.state().seen().equals(back.state().seen())) {
            differences.add("the daily schedules, group streaks or rotation read back differently");
        }
        if (!byId(daily.runs()).equals(byId(back.runs()))) {
            differences.add("the daily runs read back differently");
        }
        return new Comparison(events, List.copyOf(rows), flatMembers.size(), differing, List.copyOf(differences));
    }

    /** The comparison with the servers' packs and the reports of questions added: counts, and the same read back. */
    private static Comparison withPacksAndFlags(
            Comparison comparison, List<StoredPack> packs, List<Flag> flags, PostgresImport target) {
        List<StoredPack> packsBack = target.packs();
        List<Flag> flagsBack = target.flags();
        List<Row> rows = new ArrayList<>(comparison.rows());
        rows.add(new Row("server packs", packs.size(), packsBack.size()));
        rows.add(new Row("question reports", flags.size(), flagsBack.size()));
        List<String> differences = new ArrayList<>(comparison.differences());
        if (!packs.equals(packsBack)) {
            differences.add("the server packs read back differently");
        }
        if (!flags.equals(flagsBack)) {
            differences.add("the question reports read back differently");
        }
        return new Comparison(
                comparison.events(),
                List.copyOf(rows),
                comparison.membersCompared(),
                comparison.membersDiffering(),
                List.copyOf(differences));
    }

    /** The comparison with members' suggestions and the review channels added: counts, and the same read back. */
    private static Comparison withSuggestions(
            Comparison comparison, List<Suggestion> suggestions, Map<Long, Long> channels, PostgresImport target) {
        List<Suggestion> back = target.suggestionsBack();
        Map<Long, Long> channelsBack = target.reviewChannelsBack();
        List<Row> rows = new ArrayList<>(comparison.rows());
        rows.add(new Row("suggestions", suggestions.size(), back.size()));
        rows.add(new Row("review channels", channels.size(), channelsBack.size()));
        List<String> differences = new ArrayList<>(comparison.differences());
        if (!suggestions.equals(back) || !channels.equals(channelsBack)) {
            differences.add("the suggestions or review channels read back differently");
        }
        return new Comparison(
                comparison.events(),
                List.copyOf(rows),
                comparison.membersCompared(),
                comparison.membersDiffering(),
                List.copyOf(differences));
    }

    private static Map<String, DailyRun> byId(List<DailyRun> runs) {
        return runs.stream().collect(Collectors.toMap(DailyRun::id, Function.identity()));
    }

    private static void add(long[] totals, Optional<MemberStats> stats, List<DeckCard> deck, boolean reminder) {
        stats.ifPresent(s -> {
            totals[0] += s.overall().answered();
            totals[1] += s.overall().correct();
            totals[2] += s.points();
        });
        totals[3] += deck.size();
        totals[4] += reminder ? 1 : 0;
    }

    private static String brief(MemberStats s) {
        return s.points() + " points, " + s.overall().correct() + "/"
                + s.overall().answered() + " right, streak " + s.currentStreak() + " (best " + s.bestStreak() + ")";
    }
}
