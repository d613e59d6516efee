package dev.drillbit.storage.postgres;

import dev.drillbit.learning.DeckRule;
import dev.drillbit.learning.ReviewCard;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.ForgetEvent;
import dev.drillbit.progress.Forgotten;
import dev.drillbit.progress.JournalEntry;
import dev.drillbit.progress.MemberRef;
import dev.drillbit.progress.ReminderEvent;
import dev.drillbit.progress.ReviewEvent;
import dev.drillbit.progress.stats.Streak;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One writer transaction: applies a batch of events, in order, to the tables. The rows a batch changes
 * are read once, locked ({@code FOR UPDATE}), changed in memory by the same pure rules the flat file uses
 * ({@link Streak}, {@link DeckRule}) and written back with JDBC batches; a forget first writes out what
 * came before it in the batch, then deletes the member's rows. The caller commits. Not thread-safe: used
 * by the store's writer thread only, once.
 */
final class EventBatch {
    record MemberKey(long guildId, long userId) {}

    record CardKey(long guildId, long userId, String questionId) {}

    record StepKey(long guildId, long userId, String step) {}

    /** A member's all-time figures as in {@code member_scores}. */
    static final class Score {
        long points;
        int answered;
        int correct;
        Instant reachedAt;
        Instant lastActive;
        Streak streak = Streak.NONE;
        boolean dirty;

        void apply(AnswerEvent a) {
            answered++;
            correct += a.correct() ? 1 : 0;
            if (a.points() > 0) {
                points += a.points();
                reachedAt = reachedAt == null || a.at().isAfter(reachedAt) ? a.at() : reachedAt;
            }
            lastActive = lastActive == null || a.at().isAfter(lastActive) ? a.at() : lastActive;
            streak = streak.answeredOn(a.day().orElseThrow());
            dirty = true;
        }
    }

    private final Connection c;
    private final DeckRule deckRule;
    private final Map<MemberKey, Score> scores = new HashMap<>();
    /** Cards read or changed in this batch: absent from the map = not read; empty = not in the deck. */
    private final Map<CardKey, Optional<ReviewCard>> cards = new HashMap<>();

    private final Set<CardKey> dirtyCards = new LinkedHashSet<>();
    /** Per member and step: answered, correct, points, first answer id, to add. */
    private final Map<StepKey, long[]> stepDeltas = new LinkedHashMap<>();
    /** The last reminder setting per member in this batch. */
    private final Map<MemberKey, ReminderEvent> reminders = new LinkedHashMap<>();

    private final PreparedStatement insertAnswer;
    private final PreparedStatement upsertQuestion;
    private final PreparedStatement insertReview;
    private boolean pendingRows;

    EventBatch(Connection c, DeckRule deckRule) throws SQLException {
        this.c = c;
        this.deckRule = deckRule;
        this.insertAnswer = c.prepareStatement("INSERT INTO answers (id, guild_id, user_id, question_id, step, "
                + "difficulty, question_type, correct, self_grade, points, answered_at, elapsed_ms, limit_ms, choice, "
                + "streak_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.upsertQuestion = c.prepareStatement("INSERT INTO member_questions (guild_id, user_id, question_id, "
                + "latest_right) VALUES (?, ?, ?, ?) ON CONFLICT (guild_id, user_id, question_id) "
                + "DO UPDATE SET latest_right = EXCLUDED.latest_right");
        this.insertReview = c.prepareStatement("INSERT INTO reviews (id, guild_id, user_id, question_id, rating, "
                + "rated_at) VALUES (?, ?, ?, ?, ?, ?)");
    }

    /** {@code n} new event ids, increasing. */
    static long[] nextIds(Connection c, int n) throws SQLException {
        long[] ids = new long[n];
        try (PreparedStatement ps = c.prepareStatement("SELECT nextval('event_ids') FROM generate_series(1, ?)")) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                }
            }
        }
        java.util.Arrays.sort(ids);
        return ids;
    }

    /** Reads and locks the rows the entries will change. */
    void load(List<JournalEntry> entries) throws SQLException {
        Set<MemberKey> members = new LinkedHashSet<>();
        Set<CardKey> cardKeys = new LinkedHashSet<>();
        for (JournalEntry e : entries) {
            if (e instanceof AnswerEvent a) {
                members.add(new MemberKey(a.guildId(), a.userId()));
                cardKeys.add(new CardKey(MemberRef.PERSONAL, a.userId(), a.questionId()));
            } else if (e instanceof ReviewEvent r) {
                cardKeys.add(new CardKey(MemberRef.PERSONAL, r.userId(), r.questionId()));
            }
        }
        if (!members.isEmpty()) {
            for (MemberKey m : members) {
                scores.put(m, null);
            }
            // Every member's row exists before it is read and locked (a new member's as zeros, which queries
            // never show and a rollback removes), in one order, so that writers in other processes wait for
            // this one instead of both inserting the same new member.
            List<MemberKey> sorted = members.stream()
                    .sorted(java.util.Comparator.comparingLong(MemberKey::guildId)
                            .thenComparingLong(MemberKey::userId))
                    .toList();
            Array guilds = longs(sorted.stream().map(MemberKey::guildId).toList());
            Array users = longs(sorted.stream().map(MemberKey::userId).toList());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO member_scores (guild_id, user_id, points, "
                    + "answered, correct, reached_at, last_active, streak_last_day, streak_current, streak_best) "
                    + "SELECT g, u, 0, 0, 0, NULL, TIMESTAMPTZ '1970-01-01 00:00:00+00', ?, 0, 0 "
                    + "FROM unnest(?::bigint[], ?::bigint[]) AS m(g, u) ORDER BY g, u "
                    + "ON CONFLICT (guild_id, user_id) DO NOTHING")) {
                ps.setInt(1, Streak.NO_DAY);
                ps.setArray(2, guilds);
                ps.setArray(3, users);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM member_scores WHERE (guild_id, user_id) IN "
                    + "(SELECT * FROM unnest(?::bigint[], ?::bigint[])) ORDER BY guild_id, user_id FOR UPDATE")) {
                ps.setArray(1, guilds);
                ps.setArray(2, users);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Score s = new Score();
                        s.points = rs.getLong("points");
                        s.answered = rs.getInt("answered");
                        s.correct = rs.getInt("correct");
                        s.reachedAt = Sql.instant(rs, "reached_at");
                        s.lastActive = s.answered == 0 ? null : Sql.instant(rs, "last_active");
                        s.streak = new Streak(
                                rs.getInt("streak_last_day"), rs.getInt("streak_current"), rs.getInt("streak_best"));
                        scores.put(new MemberKey(rs.getLong("guild_id"), rs.getLong("user_id")), s);
                    }
                }
            }
        }
        if (!cardKeys.isEmpty()) {
            for (CardKey k : cardKeys) {
                cards.put(k, Optional.empty());
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM review_cards WHERE (guild_id, user_id, "
                    + "question_id) IN (SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::text[])) FOR UPDATE")) {
                ps.setArray(1, longs(cardKeys.stream().map(CardKey::guildId).toList()));
                ps.setArray(2, longs(cardKeys.stream().map(CardKey::userId).toList()));
                ps.setArray(
                        3,
                        c.createArrayOf(
                                "text",
                                cardKeys.stream().map(CardKey::questionId).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        cards.put(
                                new CardKey(rs.getLong("guild_id"), rs.getLong("user_id"), rs.getString("question_id")),
                                Optional.of(Cards.read(rs)));
                    }
                }
            }
        }
    }

    private Array longs(List<Long> values) throws SQLException {
        return c.createArrayOf("bigint", values.toArray());
    }

    /** Applies one entry; returns what its caller is told (the entry, or {@link Forgotten} for a forget). */
    Object apply(JournalEntry entry) throws SQLException {
        if (entry instanceof AnswerEvent a) {
            answer(a);
            return a;
        }
        if (entry instanceof ReviewEvent r) {
            CardKey k = new CardKey(MemberRef.PERSONAL, r.userId(), r.questionId());
            cards.put(
                    k, Optional.of(deckRule.afterRating(cards.getOrDefault(k, Optional.empty()), r.rating(), r.at())));
            dirtyCards.add(k);
            insertReview.setLong(1, r.id());
            insertReview.setLong(2, r.guildId());
            insertReview.setLong(3, r.userId());
            insertReview.setString(4, r.questionId());
            insertReview.setString(5, r.rating().name());
            Sql.instant(insertReview, 6, r.at());
            insertReview.addBatch();
            pendingRows = true;
            return r;
        }
        if (entry instanceof ReminderEvent r) {
            reminders.put(new MemberKey(r.guildId(), r.userId()), r);
            return r;
        }
        return forget((ForgetEvent) entry);
    }

    private void answer(AnswerEvent a) throws SQLException {
        MemberKey m = new MemberKey(a.guildId(), a.userId());
        Score s = scores.get(m);
        if (s == null) {
            s = new Score();
            scores.put(m, s);
        }
        s.apply(a);
        long[] d = stepDeltas.computeIfAbsent(
                new StepKey(a.guildId(), a.userId(), a.step()), k -> new long[] {0, 0, 0, a.id()});
        d[0]++;
        d[1] += a.correct() ? 1 : 0;
        d[2] += a.points();

        CardKey k = new CardKey(MemberRef.PERSONAL, a.userId(), a.questionId());
        Optional<ReviewCard> next = deckRule.afterAnswer(cards.getOrDefault(k, Optional.empty()), a);
        if (next.isPresent()) {
            cards.put(k, next);
            dirtyCards.add(k);
        }

        int i = 1;
        insertAnswer.setLong(i++, a.id());
        insertAnswer.setLong(i++, a.guildId());
        insertAnswer.setLong(i++, a.userId());
        insertAnswer.setString(i++, a.questionId());
        insertAnswer.setString(i++, a.step());
        insertAnswer.setString(i++, a.difficulty().name());
        insertAnswer.setString(i++, a.type().name());
        insertAnswer.setBoolean(i++, a.correct());
        insertAnswer.setString(i++, a.selfGrade().map(Enum::name).orElse(null));
        insertAnswer.setInt(i++, a.points());
        Sql.instant(insertAnswer, i++, a.at());
        Sql.optional(insertAnswer, i++, a.elapsedMillis());
        Sql.optional(insertAnswer, i++, a.limitMillis());
        Sql.optional(insertAnswer, i++, a.choice());
        insertAnswer.setInt(i, a.day().orElseThrow());
        insertAnswer.addBatch();

        upsertQuestion.setLong(1, MemberRef.PERSONAL);
        upsertQuestion.setLong(2, a.userId());
        upsertQuestion.setString(3, a.questionId());
        upsertQuestion.setBoolean(4, a.correct());
        upsertQuestion.addBatch();
        pendingRows = true;
    }

    private Forgotten forget(ForgetEvent f) throws SQLException {
        flush();
        long deleted = 0;
        for (String table : List.of(
                "answers",
                "member_scores",
                "member_steps",
                "member_questions",
                "review_cards",
                "reviews",
                "reminders")) {
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM " + table + " WHERE guild_id = ? AND user_id = ?")) {
                ps.setLong(1, f.guildId());
                ps.setLong(2, f.userId());
                int rows = ps.executeUpdate();
                // member_scores may hold this batch's zero row for a member who answers later in it; a member
                // with real scores has answers, which count
                // a server's forget leaves the person's learning (under PERSONAL) alone; own ratings given in the
                // server are events of that learning, so they do not make the server hold data either
                boolean counts = !table.equals("member_scores")
                        && (f.guildId() == MemberRef.PERSONAL || !table.equals("reviews"));
                deleted += counts ? rows : 0;
            }
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO forgets (id, guild_id, forgot_at) VALUES (?, ?, ?)")) {
            ps.setLong(1, f.id());
            ps.setLong(2, f.guildId());
            Sql.instant(ps, 3, f.at());
            ps.executeUpdate();
        }
        MemberKey m = new MemberKey(f.guildId(), f.userId());
        if (scores.containsKey(m)) {
            scores.put(m, null);
        }
        cards.replaceAll((k, v) -> k.guildId() == f.guildId() && k.userId() == f.userId() ? Optional.empty() : v);
        return new Forgotten(f.guildId(), f.userId(), f.id(), deleted > 0);
    }

    /** Writes everything applied so far. */
    void flush() throws SQLException {
        if (pendingRows) {
            insertAnswer.executeBatch();
            upsertQuestion.executeBatch();
            insertReview.executeBatch();
            pendingRows = false;
        }
        writeScores();
        writeSteps();
        writeCards();
        writeReminders();
    }

    private void writeScores() throws SQLException {
        boolean any = false;
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO member_scores (guild_id, user_id, points, answered, "
                        + "correct, reached_at, last_active, streak_last_day, streak_current, streak_best) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id, user_id) DO UPDATE SET "
                        + "points = EXCLUDED.points, answered = EXCLUDED.answered, correct = EXCLUDED.correct, "
                        + "reached_at = EXCLUDED.reached_at, last_active = EXCLUDED.last_active, "
                        + "streak_last_day = EXCLUDED.streak_last_day, streak_current = EXCLUDED.streak_current, "
                        + "streak_best = EXCLUDED.streak_best")) {
            for (Map.Entry<MemberKey, Score> e : scores.entrySet()) {
                Score s = e.getValue();
                if (s == null || !s.dirty) {
                    continue;
                }
                ps.setLong(1, e.getKey().guildId());
                ps.setLong(2, e.getKey().userId());
                ps.setLong(3, s.points);
                ps.setInt(4, s.answered);
                ps.setInt(5, s.correct);
                Sql.instant(ps, 6, s.reachedAt);
                Sql.instant(ps, 7, s.lastActive);
                ps.setInt(8, s.streak.lastDay());
                ps.setInt(9, s.streak.current());
                ps.setInt(10, s.streak.best());
                ps.addBatch();
                s.dirty = false;
                any = true;
            }
            if (any) {
                ps.executeBatch();
            }
        }
    }

    private void writeSteps() throws SQLException {
        if (stepDeltas.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO member_steps (guild_id, user_id, step, answered, "
                + "correct, points, first_answer_id) VALUES (?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (guild_id, user_id, step) DO UPDATE SET "
                + "answered = member_steps.answered + EXCLUDED.answered, "
                + "correct = member_steps.correct + EXCLUDED.correct, points = member_steps.points + EXCLUDED.points, "
                + "first_answer_id = least(member_steps.first_answer_id, EXCLUDED.first_answer_id)")) {
            for (Map.Entry<StepKey, long[]> e : stepDeltas.entrySet()) {
                long[] d = e.getValue();
                ps.setLong(1, e.getKey().guildId());
                ps.setLong(2, e.getKey().userId());
                ps.setString(3, e.getKey().step());
                ps.setInt(4, (int) d[0]);
                ps.setInt(5, (int) d[1]);
                ps.setLong(6, d[2]);
                ps.setLong(7, d[3]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        stepDeltas.clear();
    }

    private void writeCards() throws SQLException {
        if (dirtyCards.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(Cards.UPSERT)) {
            for (CardKey k : dirtyCards) {
                Optional<ReviewCard> card = cards.get(k);
                if (card.isPresent()) {
                    Cards.bind(ps, k.guildId(), k.userId(), k.questionId(), card.get());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        dirtyCards.clear();
    }

    private void writeReminders() throws SQLException {
        if (reminders.isEmpty()) {
            return;
        }
        try (PreparedStatement on = c.prepareStatement("INSERT INTO reminders (guild_id, user_id, event_id, set_at) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT (guild_id, user_id) DO UPDATE SET event_id = EXCLUDED.event_id, "
                        + "set_at = EXCLUDED.set_at");
                PreparedStatement off =
                        c.prepareStatement("DELETE FROM reminders WHERE guild_id = ? AND user_id = ?")) {
            for (ReminderEvent r : reminders.values()) {
                if (r.on()) {
                    on.setLong(1, r.guildId());
                    on.setLong(2, r.userId());
                    on.setLong(3, r.id());
                    Sql.instant(on, 4, r.at());
                    on.addBatch();
                } else {
                    off.setLong(1, r.guildId());
                    off.setLong(2, r.userId());
                    off.addBatch();
                }
            }
            on.executeBatch();
            off.executeBatch();
        }
        reminders.clear();
    }

    void close() throws SQLException {
        insertAnswer.close();
        upsertQuestion.close();
        insertReview.close();
    }
}
