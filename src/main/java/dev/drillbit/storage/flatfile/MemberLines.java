package dev.drillbit.storage.flatfile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The snapshot's member lines: one JSON line per member and guild with the packed aggregates (counters,
 * streak state, recent points, seen questions, review cards, reminder), written from and read into
 * {@link Aggregates}. Stateless; the caller holds the aggregates' lock.
 */
final class MemberLines {
    private MemberLines() {}

    /** Writes one line per member, in no particular order; returns how many. */
    static long write(Aggregates a, Writer out) throws IOException {
        long n = 0;
        StringBuilder sb = new StringBuilder(256);
        for (Map.Entry<Long, Map<Long, MemberAggregate>> g : a.guilds.entrySet()) {
            for (Map.Entry<Long, MemberAggregate> e : g.getValue().entrySet()) {
                MemberAggregate m = e.getValue();
                sb.setLength(0);
                sb.append("{\"guild\":")
                        .append(g.getKey())
                        .append(",\"user\":")
                        .append(e.getKey())
                        .append(",\"points\":")
                        .append(m.points)
                        .append(",\"answered\":")
                        .append(m.answered)
                        .append(",\"correct\":")
                        .append(m.correct)
                        .append(",\"reached\":")
                        .append(m.reachedMs)
                        .append(",\"last\":")
                        .append(m.lastActiveMs)
                        .append(",\"difficulty\":");
                ints(m.byDifficulty, m.byDifficulty.length, sb);
                sb.append(",\"steps\":");
                ints(m.bySteps, m.stepsLength(), sb);
                sb.append(",\"streak\":[")
                        .append(m.streakLastDay)
                        .append(',')
                        .append(m.streakCurrent)
                        .append(',')
                        .append(m.streakBest)
                        .append("],\"recent\":[");
                for (int i = 0; i < m.recentCount; i++) {
                    long r = m.recent[i];
                    sb.append(i == 0 ? "" : ",")
                            .append(MemberAggregate.quarterOf(r))
                            .append(',')
                            .append(MemberAggregate.stepOf(r))
                            .append(',')
                            .append(MemberAggregate.pointsOf(r));
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
     * Reads one member line written by {@link #write}; {@code stepNames} maps the snapshot's step
     * numbers to ids. Question numbers are the snapshot's own: {@link #internQuestions} must have run
     * first. Version 1 lines have no learning fields and read as an empty deck.
     */
    static void read(Aggregates a, byte[] buf, int off, int len, List<String> stepNames)
            throws EntryCodec.BadLineException {
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
            throw new EntryCodec.BadLineException(
                    "malformed member line (" + EntryCodec.firstLine(e.getMessage()) + ")");
        }
        if (guild < 0
                || user < 0
                || difficulty == null
                || difficulty.length != m.byDifficulty.length
                || stepCounts == null
                || stepCounts.length % 3 != 0
                || streak == null
                || streak.length != 3
                || recent == null
                || recent.length % 3 != 0) {
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
            int s = a.steps.intern(stepNames.get(i));
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
            m.recent[i] =
                    MemberAggregate.pack(recent[3 * i], a.steps.intern(stepNames.get(sn)), (int) recent[3 * i + 2]);
        }
        m.recentCount = m.recent.length;
        if ((seen == null) != (right == null) || seen != null && seen.length != right.length) {
            throw new EntryCodec.BadLineException("\"seen\" and \"right\" differ in size");
        }
        if (seen != null) {
            if (64L * seen.length > a.questions.size() + 63L) {
                throw new EntryCodec.BadLineException("\"seen\" names a.questions beyond the snapshot header");
            }
            m.seen = seen;
            m.right = right;
        }
        if (cards != null) {
            int known = a.questions.size();
            m.deck = ReviewDeck.read(cards, q -> {
                if (q < 0 || q >= known) {
                    throw new IllegalArgumentException("question number " + q + " is not in the snapshot header");
                }
                return q;
            });
        }
        if (a.guilds.computeIfAbsent(guild, g -> new HashMap<>()).putIfAbsent(user, m) != null) {
            throw new EntryCodec.BadLineException("member " + user + " of guild " + guild + " appears twice");
        }
    }

    /** Interns a snapshot header's question ids in order into the still empty question table. */
    static void internQuestions(Aggregates a, List<String> names) throws EntryCodec.BadLineException {
        for (int i = 0; i < names.size(); i++) {
            if (a.questions.intern(names.get(i)) != i) {
                throw new EntryCodec.BadLineException("question " + names.get(i) + " listed twice in the header");
            }
        }
    }

    static List<String> questionNames(Aggregates a) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < a.questions.size(); i++) {
            names.add(a.questions.name(i));
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
}
