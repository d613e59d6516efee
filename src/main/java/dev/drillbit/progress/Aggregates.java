package dev.drillbit.progress;

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
    private static final Comparator<long[]> RANKING = (a, b) -> {
        int c = Long.compare(b[1], a[1]); // points desc
        if (c != 0) {
            return c;
        }
        c = Long.compare(a[2], b[2]); // reached earlier first
        return c != 0 ? c : Long.compare(a[0], b[0]); // lower user id
    };

    final StepTable steps = new StepTable();
    final Map<Long, Map<Long, MemberAggregate>> guilds = new HashMap<>();
    private final GuildZones zones;

    Aggregates(GuildZones zones) {
        this.zones = zones;
    }

    /** Applies one entry; {@code nowMs} bounds how far back recent points are kept. Returns whether the forgotten member had data. */
    boolean apply(JournalEntry entry, long nowMs) {
        if (entry instanceof AnswerEvent a) {
            MemberAggregate m = guilds.computeIfAbsent(a.guildId(), g -> new HashMap<>())
                    .computeIfAbsent(a.userId(), u -> new MemberAggregate());
            int day = (int) LocalDate.ofInstant(a.at(), zones.zoneOf(a.guildId())).toEpochDay();
            m.apply(a, steps.intern(a.step()), day, oldestQuarter(nowMs));
            return true;
        }
        Map<Long, MemberAggregate> members = guilds.get(entry.guildId());
        boolean had = members != null && members.remove(entry.userId()) != null;
        if (members != null && members.isEmpty()) {
            guilds.remove(entry.guildId());
        }
        return had;
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
        List<long[]> rows = new ArrayList<>();
        if (step.isEmpty() || stepIndex >= 0) {
            long fromMs = window.from().toEpochMilli();
            long untilMs = period == LeaderboardPeriod.ALL_TIME ? Long.MAX_VALUE : window.until().toEpochMilli();
            for (Map.Entry<Long, MemberAggregate> e : members.entrySet()) {
                MemberAggregate m = e.getValue();
                long points;
                long reached;
                if (period == LeaderboardPeriod.ALL_TIME) {
                    points = stepIndex < 0 ? m.points
                            : 3 * stepIndex + 2 < m.bySteps.length ? m.bySteps[3 * stepIndex + 2] : 0;
                    reached = m.reachedMs;
                } else {
                    long[] p = m.periodPoints(fromMs, untilMs, stepIndex);
                    points = p[0];
                    reached = p[1];
                }
                if (points > 0) {
                    rows.add(new long[] {e.getKey(), points, reached});
                }
            }
        }
        rows.sort(RANKING);
        List<LeaderboardEntry> top = new ArrayList<>();
        Optional<LeaderboardEntry> mine = Optional.empty();
        for (int i = 0; i < rows.size(); i++) {
            long[] r = rows.get(i);
            LeaderboardEntry entry = new LeaderboardEntry(i + 1, r[0], r[1]);
            if (i < Leaderboard.TOP) {
                top.add(entry);
            }
            if (r[0] == requesterId) {
                mine = Optional.of(entry);
            }
        }
        return new Leaderboard(guildId, period, step, zone, window, rows.size(), top, mine);
    }

    Optional<MemberStats> memberStats(long guildId, long userId, Instant now) {
        MemberAggregate m = guilds.getOrDefault(guildId, Map.of()).get(userId);
        if (m == null) {
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
        int today = (int) LocalDate.ofInstant(now, zones.zoneOf(guildId)).toEpochDay();
        return Optional.of(new MemberStats(guildId, userId, m.points, new Accuracy(m.answered, m.correct), bySteps,
                byDifficulty, m.currentStreak(today), m.streakBest, Instant.ofEpochMilli(m.lastActiveMs)));
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
                sb.append("]}\n");
                out.append(sb);
                n++;
            }
        }
        return n;
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
     * numbers to ids.
     */
    void readMember(byte[] buf, int off, int len, List<String> stepNames) throws EntryCodec.BadLineException {
        long guild = -1;
        long user = -1;
        MemberAggregate m = new MemberAggregate();
        long[] streak = null;
        long[] recent = null;
        long[] difficulty = null;
        long[] stepCounts = null;
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
        if (guilds.computeIfAbsent(guild, g -> new HashMap<>()).putIfAbsent(user, m) != null) {
            throw new EntryCodec.BadLineException("member " + user + " of guild " + guild + " appears twice");
        }
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
