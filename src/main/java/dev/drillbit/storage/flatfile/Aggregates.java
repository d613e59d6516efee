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

    /**
     * The members' map of the guild {@link #member} reached last, and of {@link MemberRef#PERSONAL}: nearly
     * every answer goes to the same guild as the one before it and to the person, and a replay applies a
     * million of them. Each is the map {@link #guilds} holds for its id, or null: whatever takes a map out of
     * {@link #guilds} clears them ({@link #dropGuild}).
     */
    private long lastGuildId;

    private Map<Long, MemberAggregate> lastGuild;
    private Map<Long, MemberAggregate> personal;

    private MemberAggregate member(long guildId, long userId) {
        Map<Long, MemberAggregate> members;
        if (guildId == MemberRef.PERSONAL && personal != null) {
            members = personal;
        } else if (lastGuild != null && guildId == lastGuildId) {
            members = lastGuild;
        } else {
            members = guilds.computeIfAbsent(guildId, g -> new HashMap<>());
            if (guildId == MemberRef.PERSONAL) {
                personal = members;
            } else {
                lastGuildId = guildId;
                lastGuild = members;
            }
        }
        MemberAggregate m = members.get(userId);
        if (m == null) {
            m = new MemberAggregate();
            members.put(userId, m);
        }
        return m;
    }

    private void dropGuild(long guildId) {
        guilds.remove(guildId);
        lastGuild = null;
        personal = null;
    }

    /** The person's own aggregate (learning, and points earned outside servers), created on first use. */
    private MemberAggregate person(long userId) {
        return member(MemberRef.PERSONAL, userId);
    }

    private MemberAggregate personOrNull(long userId) {
        return guilds.getOrDefault(MemberRef.PERSONAL, Map.of()).get(userId);
    }

    /** Applies one entry; {@code nowMs} bounds how far back recent points are kept. Returns whether the forgotten member had data. */
    boolean apply(JournalEntry entry, long nowMs) {
        if (entry instanceof AnswerEvent a) {
            MemberAggregate m = member(a.guildId(), a.userId());
            int day = a.day().isPresent() ? a.day().getAsInt() : Streak.dayOf(a.at(), zones.zoneOf(a.guildId()));
            m.apply(a, steps.intern(a.step()), day, oldestQuarter(nowMs));
            learn(person(a.userId()), entry);
            return true;
        }
        if (entry instanceof ReminderEvent r && !r.on()) {
            MemberAggregate m = personOrNull(r.userId());
            if (m != null) {
                m.remind = false;
            }
            return m != null;
        }
        if (!(entry instanceof ForgetEvent)) {
            learn(person(entry.userId()), entry);
            return true;
        }
        Map<Long, MemberAggregate> members = guilds.get(entry.guildId());
        boolean had = members != null && members.remove(entry.userId()) != null;
        if (members != null && members.isEmpty()) {
            dropGuild(entry.guildId());
        }
        return had;
    }

    /**
     * Applies only the learning-loop part of an entry (seen questions, review deck, reminder), for
     * rebuilding it from history under a version 1 snapshot whose counters already include the entry.
     */
    void applyLearningOnly(JournalEntry entry) {
        if (entry instanceof ForgetEvent) {
            MemberAggregate m = entry.guildId() == MemberRef.PERSONAL ? personOrNull(entry.userId()) : null;
            if (m != null) {
                m.clearLearning();
            }
            return;
        }
        learn(person(entry.userId()), entry);
    }

    /**
     * Migration from snapshot version 2, whose member lines kept a review deck, seen questions and a
     * reminder per guild: merges them into each person's own aggregate by the rule {@link
     * dev.drillbit.learning.LearningStore} documents (the card with the latest review wins; ties: the later
     * due, then the lower guild id; seen is the union; right comes from the guild whose card won, or, for a
     * question with no card anywhere, is right if right anywhere; the reminder is on if on anywhere), then
     * clears the per-guild copies and drops guild aggregates left with nothing in them. Returns how many
     * guild decks were merged.
     */
    int mergeLearningIntoPersons() {
        record Won(long lastMs, long dueMs, boolean right) {}
        Map<Long, Map<Integer, Won>> winners = new HashMap<>();
        int merged = 0;
        List<Long> guildIds = guilds.keySet().stream()
                .filter(g -> g != MemberRef.PERSONAL)
                .sorted()
                .toList();
        for (long g : guildIds) {
            Map<Long, MemberAggregate> members = guilds.get(g);
            for (Long user : members.keySet().stream().sorted().toList()) {
                MemberAggregate m = members.get(user);
                if (m.seen.length == 0 && m.deck == null && !m.remind) {
                    continue;
                }
                merged++;
                MemberAggregate p = person(user);
                for (int q = 0; q < 64 * m.seen.length; q++) {
                    if (MemberAggregate.bit(m.seen, q)) {
                        boolean right = MemberAggregate.bit(m.right, q);
                        boolean before = MemberAggregate.bit(p.seen, q) && MemberAggregate.bit(p.right, q);
                        p.learn(q, right || before);
                    }
                }
                ReviewDeck d = m.deck;
                for (int i = 0; d != null && i < d.size; i++) {
                    int q = d.questions[i];
                    Map<Integer, Won> mine = winners.computeIfAbsent(user, u -> new HashMap<>());
                    Won best = mine.get(q);
                    if (best == null
                            || d.lastMs[i] > best.lastMs()
                            || d.lastMs[i] == best.lastMs() && d.dueMs[i] > best.dueMs()) {
                        mine.put(q, new Won(d.lastMs[i], d.dueMs[i], MemberAggregate.bit(m.right, q)));
                        p.deck().set(q, d.card(i));
                    }
                }
                p.remind |= m.remind;
                m.clearLearning();
            }
        }
        winners.forEach((user, won) -> {
            MemberAggregate p = person(user);
            won.forEach((q, w) -> {
                if (MemberAggregate.bit(p.seen, q)) {
                    p.learn(q, w.right());
                }
            });
        });
        for (long g : guildIds) {
            Map<Long, MemberAggregate> members = guilds.get(g);
            members.values().removeIf(m -> m.answered == 0 && m.points == 0);
            if (members.isEmpty()) {
                dropGuild(g);
            }
        }
        return merged;
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

    LearnerState learner(long userId) {
        MemberAggregate m = personOrNull(userId);
        if (m == null) {
            return LearnerState.empty(userId);
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
        return new LearnerState(userId, seen, right, cards(m, Long.MAX_VALUE), m.remind);
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

    List<DeckCard> due(long userId, Instant at) {
        MemberAggregate m = personOrNull(userId);
        return m == null ? List.of() : cards(m, at.toEpochMilli());
    }

    Optional<Instant> nextDue(long userId) {
        MemberAggregate m = personOrNull(userId);
        if (m == null || m.deck == null || m.deck.size == 0) {
            return Optional.empty();
        }
        long min = Long.MAX_VALUE;
        for (int i = 0; i < m.deck.size; i++) {
            min = Math.min(min, m.deck.dueMs[i]);
        }
        return Optional.of(Instant.ofEpochMilli(min));
    }

    int deckSize(long userId) {
        MemberAggregate m = personOrNull(userId);
        return m == null || m.deck == null ? 0 : m.deck.size;
    }

    boolean reminder(long userId) {
        MemberAggregate m = personOrNull(userId);
        return m != null && m.remind;
    }

    /** People with the reminder on and at least one card due at {@code at}, by user. */
    List<MemberRef> toRemind(Instant at) {
        long atMs = at.toEpochMilli();
        List<MemberRef> out = new ArrayList<>();
        for (Map.Entry<Long, MemberAggregate> e :
                guilds.getOrDefault(MemberRef.PERSONAL, Map.of()).entrySet()) {
            MemberAggregate m = e.getValue();
            if (m.remind && m.deck != null) {
                for (int i = 0; i < m.deck.size; i++) {
                    if (m.deck.dueMs[i] <= atMs) {
                        out.add(MemberRef.person(e.getKey()));
                        break;
                    }
                }
            }
        }
        out.sort(Comparator.comparingLong(MemberRef::userId));
        return out;
    }

    /** The guilds holding an aggregate of the user, {@link MemberRef#PERSONAL} included, ascending. */
    List<Long> guildsOf(long userId) {
        return guilds.entrySet().stream()
                .filter(g -> g.getValue().containsKey(userId))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    List<String> stepNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            names.add(steps.name(i));
        }
        return names;
    }
}
