package dev.drillbit.storage.flatfile;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.learning.DeckCard;
import dev.drillbit.learning.DeckRule;
import dev.drillbit.learning.Fsrs;
import dev.drillbit.learning.LearnerState;
import dev.drillbit.learning.ReviewCard;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.ForgetEvent;
import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.JournalEntry;
import dev.drillbit.progress.MemberRef;
import dev.drillbit.progress.ReminderEvent;
import dev.drillbit.progress.ReviewEvent;
import dev.drillbit.progress.stats.Accuracy;
import dev.drillbit.progress.stats.Leaderboard;
import dev.drillbit.progress.stats.LeaderboardPeriod;
import dev.drillbit.progress.stats.MemberStats;
import dev.drillbit.progress.stats.Ranking;
import dev.drillbit.progress.stats.Streak;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every guild's member aggregates: what leaderboards and member stats are computed from. Not
 * thread-safe; the store guards it with a read-write lock (its writer thread applies entries under the
 * write lock, queries run under the read lock).
 */
final class Aggregates {
    private static final Comparator<DeckCard> MOST_OVERDUE_FIRST =
            Comparator.comparing((DeckCard c) -> c.card().due()).thenComparing(DeckCard::questionId);

    final StepTable steps = new StepTable();
    final StepTable questions = new StepTable(StepTable.MAX_QUESTIONS);
    final Map<Long, Map<Long, MemberAggregate>> guilds = new HashMap<>();
    private final GuildZones zones;
    private final DeckRule deckRule;

    Aggregates(GuildZones zones) {
        this(zones, new Fsrs());
    }

    Aggregates(GuildZones zones, Fsrs fsrs) {
        this.zones = zones;
        this.deckRule = new DeckRule(fsrs);
    }

    private MemberAggregate member(JournalEntry e) {
        return guilds.computeIfAbsent(e.guildId(), g -> new HashMap<>())
                .computeIfAbsent(e.userId(), u -> new MemberAggregate());
    }

    /** Applies one entry; {@code nowMs} bounds how far back recent points are kept. Returns whether the forgotten member had data. */
    boolean apply(JournalEntry entry, long nowMs) {
        if (entry instanceof AnswerEvent a) {
            MemberAggregate m = member(a);
            int day = a.day().isPresent() ? a.day().getAsInt() : Streak.dayOf(a.at(), zones.zoneOf(a.guildId()));
            m.apply(a, steps.intern(a.step()), day, oldestQuarter(nowMs));
            learn(m, entry);
            return true;
        }
        if (entry instanceof ReminderEvent r && !r.on()) {
            MemberAggregate m = guilds.getOrDefault(r.guildId(), Map.of()).get(r.userId());
            if (m != null) {
                m.remind = false;
            }
            return m != null;
        }
        if (!(entry instanceof ForgetEvent)) {
            learn(member(entry), entry);
            return true;
        }
        Map<Long, MemberAggregate> members = guilds.get(entry.guildId());
        boolean had = members != null && members.remove(entry.userId()) != null;
        if (members != null && members.isEmpty()) {
            guilds.remove(entry.guildId());
        }
        return had;
    }

    /**
     * Applies only the learning-loop part of an entry (seen questions, review deck, reminder), for
     * rebuilding it from history under a version 1 snapshot whose counters already include the entry.
     */
    void applyLearningOnly(JournalEntry entry) {
        if (entry instanceof ForgetEvent) {
            MemberAggregate m = guilds.getOrDefault(entry.guildId(), Map.of()).get(entry.userId());
            if (m != null) {
                m.clearLearning();
            }
            return;
        }
        learn(member(entry), entry);
    }

    private void learn(MemberAggregate m, JournalEntry entry) {
        if (entry instanceof AnswerEvent a) {
            int q = questions.intern(a.questionId());
            m.learn(q, a.correct());
            deckRule.afterAnswer(card(m, q), a).ifPresent(c -> m.deck().set(q, c));
        } else if (entry instanceof ReviewEvent r) {
            int q = questions.intern(r.questionId());
            m.deck().set(q, deckRule.afterRating(card(m, q), r.rating(), r.at()));
        } else if (entry instanceof ReminderEvent r) {
            m.remind = r.on();
        }
    }

    private static Optional<ReviewCard> card(MemberAggregate m, int question) {
        return m.deck == null ? Optional.empty() : m.deck.find(question);
    }

    static long oldestQuarter(long nowMs) {
        return Math.floorDiv(nowMs, MemberAggregate.QUARTER_MS) - MemberAggregate.RECENT_DAYS * 96L;
    }

    /** Every member with anything kept (answers, a deck or a reminder), by guild then user. */
    List<MemberRef> members() {
        List<MemberRef> out = new ArrayList<>();
        guilds.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(g ->
                        g.getValue().keySet().stream().sorted().forEach(u -> out.add(new MemberRef(g.getKey(), u))));
        return out;
    }

    int memberCount() {
        return guilds.values().stream().mapToInt(Map::size).sum();
    }

    Leaderboard leaderboard(
            long guildId, LeaderboardPeriod period, Optional<String> step, long requesterId, ZoneId zone, Instant now) {
        LeaderboardPeriod.Window window = period.window(now, zone);
        Map<Long, MemberAggregate> members = guilds.getOrDefault(guildId, Map.of());
        int stepIndex = step.map(steps::find).orElse(-1);
        List<Ranking.Standing> rows = new ArrayList<>();
        if (step.isEmpty() || stepIndex >= 0) {
            long fromMs = window.from().toEpochMilli();
            long untilMs = period == LeaderboardPeriod.ALL_TIME
                    ? Long.MAX_VALUE
                    : window.until().toEpochMilli();
            for (Map.Entry<Long, MemberAggregate> e : members.entrySet()) {
                MemberAggregate m = e.getValue();
                if (period == LeaderboardPeriod.ALL_TIME) {
                    long points = stepIndex < 0
                            ? m.points
                            : 3 * stepIndex + 2 < m.bySteps.length ? m.bySteps[3 * stepIndex + 2] : 0;
                    rows.add(new Ranking.Standing(e.getKey(), points, m.reachedMs));
                } else {
                    long[] p = m.periodPoints(fromMs, untilMs, stepIndex);
                    rows.add(new Ranking.Standing(e.getKey(), p[0], p[1]));
                }
            }
        }
        return Ranking.rank(guildId, period, step, zone, window, rows, requesterId);
    }

    Optional<MemberStats> memberStats(long guildId, long userId, Instant now) {
        MemberAggregate m = guilds.getOrDefault(guildId, Map.of()).get(userId);
        if (m == null || m.answered == 0) {
            return Optional.empty();
        }
        Map<String, Accuracy> bySteps = new LinkedHashMap<>();
        for (int i = 0; 3 * i < m.bySteps.length; i++) {
            if (m.bySteps[3 * i] > 0) {
                bySteps.put(steps.name(i), new Accuracy(m.bySteps[3 * i], m.bySteps[3 * i + 1]));
            }
        }
        Map<Difficulty, Accuracy> byDifficulty = new EnumMap<>(Difficulty.class);
        for (Difficulty d : Difficulty.values()) {
            int a = m.byDifficulty[2 * d.ordinal()];
            if (a > 0) {
                byDifficulty.put(d, new Accuracy(a, m.byDifficulty[2 * d.ordinal() + 1]));
            }
        }
        int today = Streak.dayOf(now, zones.zoneOf(guildId));
        return Optional.of(new MemberStats(
                guildId,
                userId,
                m.points,
                new Accuracy(m.answered, m.correct),
                bySteps,
                byDifficulty,
                m.currentStreak(today),
                m.streakBest,
                Instant.ofEpochMilli(m.lastActiveMs)));
    }

    // ---- learning loop -------------------------------------------------------------------------------

    LearnerState learner(long guildId, long userId) {
        MemberAggregate m = guilds.getOrDefault(guildId, Map.of()).get(userId);
        if (m == null) {
            return LearnerState.empty(guildId, userId);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Set<String> right = new java.util.HashSet<>();
        for (int i = 0; i < 64 * m.seen.length; i++) {
            if (MemberAggregate.bit(m.seen, i)) {
                seen.add(questions.name(i));
                if (MemberAggregate.bit(m.right, i)) {
                    right.add(questions.name(i));
                }
            }
        }
        return new LearnerState(guildId, userId, seen, right, cards(m, Long.MAX_VALUE), m.remind);
    }

    /** The member's cards due at or before {@code untilMs}, most overdue first. */
    private List<DeckCard> cards(MemberAggregate m, long untilMs) {
        List<DeckCard> out = new ArrayList<>();
        ReviewDeck d = m.deck;
        if (d != null) {
            for (int i = 0; i < d.size; i++) {
                if (d.dueMs[i] <= untilMs) {
                    out.add(new DeckCard(questions.name(d.questions[i]), d.card(i)));
                }
            }
        }
        out.sort(MOST_OVERDUE_FIRST);
        return out;
    }

    List<DeckCard> due(long guildId, long userId, Instant at) {
        MemberAggregate m = guilds.getOrDefault(guildId, Map.of()).get(userId);
        return m == null ? List.of() : cards(m, at.toEpochMilli());
    }

    Optional<Instant> nextDue(long guildId, long userId) {
        MemberAggregate m = guilds.getOrDefault(guildId, Map.of()).get(userId);
        if (m == null || m.deck == null || m.deck.size == 0) {
            return Optional.empty();
        }
        long min = Long.MAX_VALUE;
        for (int i = 0; i < m.deck.size; i++) {
            min = Math.min(min, m.deck.dueMs[i]);
        }
        return Optional.of(Instant.ofEpochMilli(min));
    }

    int deckSize(long guildId, long userId) {
        MemberAggregate m = guilds.getOrDefault(guildId, Map.of()).get(userId);
        return m == null || m.deck == null ? 0 : m.deck.size;
    }

    boolean reminder(long guildId, long userId) {
        MemberAggregate m = guilds.getOrDefault(guildId, Map.of()).get(userId);
        return m != null && m.remind;
    }

    /** Members with the reminder on and at least one card due at {@code at}, by guild then user. */
    List<MemberRef> toRemind(Instant at) {
        long atMs = at.toEpochMilli();
        List<MemberRef> out = new ArrayList<>();
        for (Map.Entry<Long, Map<Long, MemberAggregate>> g : guilds.entrySet()) {
            for (Map.Entry<Long, MemberAggregate> e : g.getValue().entrySet()) {
                MemberAggregate m = e.getValue();
                if (m.remind && m.deck != null) {
                    for (int i = 0; i < m.deck.size; i++) {
                        if (m.deck.dueMs[i] <= atMs) {
                            out.add(new MemberRef(g.getKey(), e.getKey()));
                            break;
                        }
                    }
                }
            }
        }
        out.sort(Comparator.comparingLong(MemberRef::guildId).thenComparingLong(MemberRef::userId));
        return out;
    }

    List<String> stepNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            names.add(steps.name(i));
        }
        return names;
    }
}
