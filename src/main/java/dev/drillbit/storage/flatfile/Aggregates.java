package dev.drillbit.storage.flatfile;

import dev.drillbit.learning.DeckCard;
import dev.drillbit.learning.DeckRule;
import dev.drillbit.learning.Fsrs;
import dev.drillbit.learning.ReviewCard;
import dev.drillbit.learning.LearnerState;
import dev.drillbit.learning.ReviewRatings;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.ForgetEvent;
import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.JournalEntry;
import dev.drillbit.progress.MemberRef;
import dev.drillbit.progress.ReminderEvent;
import dev.drillbit.progress.ReviewEvent;
import dev.drillbit.progress.stats.Accuracy;
import dev.drillbit.progress.stats.Leaderboard;
import dev.drillbit.progress.stats.Ranking;
import dev.drillbit.progress.stats.Streak;
import dev.drillbit.progress.stats.LeaderboardEntry;
import dev.drillbit.progress.stats.LeaderboardPeriod;
import dev.drillbit.progress.stats.MemberStats;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.drillbit.bank.Difficulty;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
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
    private static final Comparator<DeckCard> MOST_OVERDUE_FIRST = Comparator
            .comparing((DeckCard c) -> c.card().due()).thenComparing(DeckCard::questionId);

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

    int memberCount() {
        return guilds.values().stream().mapToInt(Map::size).sum();
    }

    Leaderboard leaderboard(long guildId, LeaderboardPeriod period, Optional<String> step, long requesterId,
            ZoneId zone, Instant now) {
        LeaderboardPeriod.Window window = period.window(now, zone);
        Map<Long, MemberAggregate> members = guilds.getOrDefault(guildId, Map.of());
        int stepIndex = step.map(steps::find).orElse(-1);
        List<Ranking.Standing> rows = new ArrayList<>();
        if (step.isEmpty() || stepIndex >= 0) {
            long fromMs = window.from().toEpochMilli();
            long untilMs = period == LeaderboardPeriod.ALL_TIME ? Long.MAX_VALUE : window.until().toEpochMilli();
            for (Map.Entry<Long, MemberAggregate> e : members.entrySet()) {
                MemberAggregate m = e.getValue();
                if (period == LeaderboardPeriod.ALL_TIME) {
                    long points = stepIndex < 0 ? m.points
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
        return Optional.of(new MemberStats(guildId, userId, m.points, new Accuracy(m.answered, m.correct), bySteps,
                byDifficulty, m.currentStreak(today), m.streakBest, Instant.ofEpochMilli(m.lastActiveMs)));
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

    // ---- snapshot lines ------------------------------------------------------------------------------

    /** Writes one line per member, in no particular order; returns how many. */
    long writeMembers(Writer out) throws IOException {
        long n = 0;
        StringBuilder sb = new StringBuilder(256);
        for (Map.Entry<Long, Map<Long, MemberAggregate>> g : guilds.entrySet()) {
            for (Map.Entry<Long, MemberAggregate> e : g.getValue().entrySet()) {
                MemberAggregate m = e.getValue();
                sb.setLength(0);
                sb.append("{\"guild\":").append(g.getKey()).append(",\"user\":").append(e.getKey())
                        .append(",\"points\":").append(m.points).append(",\"answered\":").append(m.answered)
                        .append(",\"correct\":").append(m.correct).append(",\"reached\":").append(m.reachedMs)
                        .append(",\"last\":").append(m.lastActiveMs).append(",\"difficulty\":");
                ints(m.byDifficulty, m.byDifficulty.length, sb);
                sb.append(",\"steps\":");
                ints(m.bySteps, m.bySteps.length, sb);
                sb.append(",\"streak\":[").append(m.streakLastDay).append(',').append(m.streakCurrent).append(',')
                        .append(m.streakBest).append("],\"recent\":[");
                for (int i = 0; i < m.recentCount; i++) {
                    long r = m.recent[i];
                    sb.append(i == 0 ? "" : ",").append(MemberAggregate.quarterOf(r)).append(',')
                            .append(MemberAggregate.stepOf(r)).append(',').append(MemberAggregate.pointsOf(r));
                }
                sb.append(']');
                if (m.seen.length > 0) {
                    sb.append(",\"seen\":");
                    longs(m.seen, sb);
                    sb.append(",\"right\":");
                    longs(m.right, sb);
                }
                if (m.deck != null && m.deck.size > 0) {
                    sb.append(",\"cards\":");
                    m.deck.write(sb);
                }
                if (m.remind) {
                    sb.append(",\"remind\":true");
                }
                sb.append("}\n");
                out.append(sb);
                n++;
            }
        }
        return n;
    }

    private static void longs(long[] a, StringBuilder sb) {
        sb.append('[');
        for (int i = 0; i < a.length; i++) {
            sb.append(i == 0 ? "" : ",").append(a[i]);
        }
        sb.append(']');
    }

    private static void ints(int[] a, int len, StringBuilder sb) {
        sb.append('[');
        for (int i = 0; i < len; i++) {
            sb.append(i == 0 ? "" : ",").append(a[i]);
        }
        sb.append(']');
    }

    /**
     * Reads one member line written by {@link #writeMembers}; {@code stepNames} maps the snapshot's step
     * numbers to ids. Question numbers are the snapshot's own: {@link #internQuestions} must have run
     * first. Version 1 lines have no learning fields and read as an empty deck.
     */
    void readMember(byte[] buf, int off, int len, List<String> stepNames) throws EntryCodec.BadLineException {
        long guild = -1;
        long user = -1;
        MemberAggregate m = new MemberAggregate();
        long[] streak = null;
        long[] recent = null;
        long[] difficulty = null;
        long[] stepCounts = null;
        long[] seen = null;
        long[] right = null;
        double[] cards = null;
        try (JsonParser p = EntryCodec.JSON.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new EntryCodec.BadLineException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "guild" -> guild = p.getLongValue();
                    case "user" -> user = p.getLongValue();
                    case "points" -> m.points = p.getLongValue();
                    case "answered" -> m.answered = p.getIntValue();
                    case "correct" -> m.correct = p.getIntValue();
                    case "reached" -> m.reachedMs = p.getLongValue();
                    case "last" -> m.lastActiveMs = p.getLongValue();
                    case "difficulty" -> difficulty = longs(p);
                    case "steps" -> stepCounts = longs(p);
                    case "streak" -> streak = longs(p);
                    case "recent" -> recent = longs(p);
                    case "seen" -> seen = longs(p);
                    case "right" -> right = longs(p);
                    case "cards" -> cards = doubles(p);
                    case "remind" -> m.remind = p.getBooleanValue();
                    default -> p.skipChildren();
                }
            }
        } catch (EntryCodec.BadLineException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new EntryCodec.BadLineException("malformed member line (" + EntryCodec.firstLine(e.getMessage()) + ")");
        }
        if (guild < 0 || user < 0 || difficulty == null || difficulty.length != m.byDifficulty.length
                || stepCounts == null || stepCounts.length % 3 != 0 || streak == null || streak.length != 3
                || recent == null || recent.length % 3 != 0) {
            throw new EntryCodec.BadLineException("member line lacks a field or has one of the wrong size");
        }
        for (int i = 0; i < difficulty.length; i++) {
            m.byDifficulty[i] = (int) difficulty[i];
        }
        for (int i = 0; i < stepCounts.length / 3; i++) {
            if (stepCounts[3 * i] == 0) {
                continue;
            }
            if (i >= stepNames.size()) {
                throw new EntryCodec.BadLineException("step number " + i + " is not in the snapshot header");
            }
            int s = steps.intern(stepNames.get(i));
            if (m.bySteps.length < 3 * (s + 1)) {
                m.bySteps = Arrays.copyOf(m.bySteps, 3 * (s + 1));
            }
            for (int k = 0; k < 3; k++) {
                m.bySteps[3 * s + k] = (int) stepCounts[3 * i + k];
            }
        }
        m.streakLastDay = (int) streak[0];
        m.streakCurrent = (int) streak[1];
        m.streakBest = (int) streak[2];
        m.recent = new long[recent.length / 3];
        for (int i = 0; i < m.recent.length; i++) {
            int sn = (int) recent[3 * i + 1];
            if (sn < 0 || sn >= stepNames.size()) {
                throw new EntryCodec.BadLineException("step number " + sn + " is not in the snapshot header");
            }
            m.recent[i] = MemberAggregate.pack(recent[3 * i], steps.intern(stepNames.get(sn)), (int) recent[3 * i + 2]);
        }
        m.recentCount = m.recent.length;
        if ((seen == null) != (right == null) || seen != null && seen.length != right.length) {
            throw new EntryCodec.BadLineException("\"seen\" and \"right\" differ in size");
        }
        if (seen != null) {
            if (64L * seen.length > questions.size() + 63L) {
                throw new EntryCodec.BadLineException("\"seen\" names questions beyond the snapshot header");
            }
            m.seen = seen;
            m.right = right;
        }
        if (cards != null) {
            int known = questions.size();
            m.deck = ReviewDeck.read(cards, q -> {
                if (q < 0 || q >= known) {
                    throw new IllegalArgumentException("question number " + q + " is not in the snapshot header");
                }
                return q;
            });
        }
        if (guilds.computeIfAbsent(guild, g -> new HashMap<>()).putIfAbsent(user, m) != null) {
            throw new EntryCodec.BadLineException("member " + user + " of guild " + guild + " appears twice");
        }
    }

    /** Interns a snapshot header's question ids in order into the still empty question table. */
    void internQuestions(List<String> names) throws EntryCodec.BadLineException {
        for (int i = 0; i < names.size(); i++) {
            if (questions.intern(names.get(i)) != i) {
                throw new EntryCodec.BadLineException("question " + names.get(i) + " listed twice in the header");
            }
        }
    }

    List<String> questionNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            names.add(questions.name(i));
        }
        return names;
    }

    private static double[] doubles(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new EntryCodec.BadLineException("expected an array of numbers");
        }
        double[] out = new double[16];
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = p.getDoubleValue();
        }
        if (t != JsonToken.END_ARRAY) {
            throw new EntryCodec.BadLineException("expected an array of numbers");
        }
        return Arrays.copyOf(out, n);
    }

    private static long[] longs(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new EntryCodec.BadLineException("expected an array of numbers");
        }
        long[] out = new long[8];
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.VALUE_NUMBER_INT) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = p.getLongValue();
        }
        if (t != JsonToken.END_ARRAY) {
            throw new EntryCodec.BadLineException("expected an array of whole numbers");
        }
        return Arrays.copyOf(out, n);
    }

    List<String> stepNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            names.add(steps.name(i));
        }
        return names;
    }
}
