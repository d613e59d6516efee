package dev.drillbit.storage.postgres;

import dev.drillbit.learning.DeckRule;
import dev.drillbit.learning.ReviewCard;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.ForgetEvent;
import dev.drillbit.progress.Forgotten;
import dev.drillbit.progress.JournalEntry;
import dev.drillbit.progress.ReminderEvent;
import dev.drillbit.progress.ReviewEvent;
import dev.drillbit.progress.stats.Streak;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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

    /** Answers applied and not yet written, in order. */
    private final List<AnswerEvent> newAnswers = new ArrayList<>();
    /** Per member and question, whether the latest answer in this batch was right (the last one wins). */
    private final Map<CardKey, Boolean> latestRight = new LinkedHashMap<>();

    private final PreparedStatement insertReview;
    private boolean pendingRows;

    EventBatch(Connection c, DeckRule deckRule) throws SQLException {
        this.c = c;
        this.deckRule = deckRule;
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
                cardKeys.add(new CardKey(a.guildId(), a.userId(), a.questionId()));
            } else if (e instanceof ReviewEvent r) {
                cardKeys.add(new CardKey(r.guildId(), r.userId(), r.questionId()));
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
            CardKey k = new CardKey(r.guildId(), r.userId(), r.questionId());
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

        CardKey k = new CardKey(a.guildId(), a.userId(), a.questionId());
        Optional<ReviewCard> next = deckRule.afterAnswer(cards.getOrDefault(k, Optional.empty()), a);
        if (next.isPresent()) {
            cards.put(k, next);
            dirtyCards.add(k);
        }

        newAnswers.add(a);
        latestRight.remove(k); // re-inserted last: the map's order is the order of the latest answers
        latestRight.put(k, a.correct());
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
                deleted += table.equals("member_scores") ? 0 : rows;
            }
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO forgets (id, guild_id, user_id, forgot_at) " + "VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, f.id());
            ps.setLong(2, f.guildId());
            ps.setLong(3, f.userId());
            Sql.instant(ps, 4, f.at());
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
        writeAnswers();
        writeQuestions();
        if (pendingRows) {
            insertReview.executeBatch();
            pendingRows = false;
        }
        writeScores();
        writeSteps();
        writeCards();
        writeReminders();
    }

    /** Microseconds since the epoch, exact for every instant PostgreSQL can hold; null stays null. */
    private static Long micros(Instant at) {
        return at == null ? null : at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    }

    /** SQL for a {@code bigint} of microseconds since the epoch as a {@code timestamptz}, exactly. */
    private static String timestamp(String micros) {
        return "TIMESTAMPTZ 'epoch' + " + micros + " * INTERVAL '1 microsecond'";
    }

    private Array array(String type, List<?> values) throws SQLException {
        return c.createArrayOf(type, values.toArray());
    }

    /**
     * The batch's answers as one INSERT over arrays ({@code unnest}): one statement however many answers,
     * where a JDBC batch would execute one INSERT per answer.
     */
    private void writeAnswers() throws SQLException {
        if (newAnswers.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>();
        List<Long> guilds = new ArrayList<>();
        List<Long> users = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        List<String> difficulties = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<Boolean> correct = new ArrayList<>();
        List<String> grades = new ArrayList<>();
        List<Integer> points = new ArrayList<>();
        List<Long> at = new ArrayList<>();
        List<Long> elapsed = new ArrayList<>();
        List<Long> limits = new ArrayList<>();
        List<Integer> choices = new ArrayList<>();
        List<Integer> days = new ArrayList<>();
        for (AnswerEvent a : newAnswers) {
            ids.add(a.id());
            guilds.add(a.guildId());
            users.add(a.userId());
            questions.add(a.questionId());
            steps.add(a.step());
            difficulties.add(a.difficulty().name());
            types.add(a.type().name());
            correct.add(a.correct());
            grades.add(a.selfGrade().map(Enum::name).orElse(null));
            points.add(a.points());
            at.add(micros(a.at()));
            elapsed.add(a.elapsedMillis().isPresent() ? a.elapsedMillis().getAsLong() : null);
            limits.add(a.limitMillis().isPresent() ? a.limitMillis().getAsLong() : null);
            choices.add(a.choice().isPresent() ? a.choice().getAsInt() : null);
            days.add(a.day().orElseThrow());
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO answers (id, guild_id, user_id, question_id, "
                + "step, difficulty, question_type, correct, self_grade, points, answered_at, elapsed_ms, limit_ms, "
                + "choice, streak_day) SELECT id, g, u, q, st, d, t, ok, sg, p, " + timestamp("at_us")
                + ", el, li, ch, day FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], "
                + "?::text[], ?::text[], ?::boolean[], ?::text[], ?::int[], ?::bigint[], ?::bigint[], ?::bigint[], "
                + "?::int[], ?::int[]) AS x(id, g, u, q, st, d, t, ok, sg, p, at_us, el, li, ch, day)")) {
            int i = 1;
            ps.setArray(i++, array("bigint", ids));
            ps.setArray(i++, array("bigint", guilds));
            ps.setArray(i++, array("bigint", users));
            ps.setArray(i++, array("text", questions));
            ps.setArray(i++, array("text", steps));
            ps.setArray(i++, array("text", difficulties));
            ps.setArray(i++, array("text", types));
            ps.setArray(i++, array("boolean", correct));
            ps.setArray(i++, array("text", grades));
            ps.setArray(i++, array("integer", points));
            ps.setArray(i++, array("bigint", at));
            ps.setArray(i++, array("bigint", elapsed));
            ps.setArray(i++, array("bigint", limits));
            ps.setArray(i++, array("integer", choices));
            ps.setArray(i, array("integer", days));
            ps.executeUpdate();
        }
        newAnswers.clear();
    }

    /** Each member's latest result per question in this batch, as one upsert over arrays (keys distinct). */
    private void writeQuestions() throws SQLException {
        if (latestRight.isEmpty()) {
            return;
        }
        List<Long> guilds = new ArrayList<>();
        List<Long> users = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        List<Boolean> right = new ArrayList<>();
        latestRight.forEach((k, v) -> {
            guilds.add(k.guildId());
            users.add(k.userId());
            questions.add(k.questionId());
            right.add(v);
        });
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO member_questions (guild_id, user_id, question_id, "
                + "latest_right) SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::boolean[]) "
                + "ON CONFLICT (guild_id, user_id, question_id) DO UPDATE SET latest_right = EXCLUDED.latest_right")) {
            ps.setArray(1, array("bigint", guilds));
            ps.setArray(2, array("bigint", users));
            ps.setArray(3, array("text", questions));
            ps.setArray(4, array("boolean", right));
            ps.executeUpdate();
        }
        latestRight.clear();
    }

    /** The members' changed totals, as one upsert over arrays (one row per member). */
    private void writeScores() throws SQLException {
        List<Long> guilds = new ArrayList<>();
        List<Long> users = new ArrayList<>();
        List<Long> points = new ArrayList<>();
        List<Integer> answered = new ArrayList<>();
        List<Integer> correct = new ArrayList<>();
        List<Long> reached = new ArrayList<>();
        List<Long> active = new ArrayList<>();
        List<Integer> lastDay = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        List<Integer> best = new ArrayList<>();
        for (Map.Entry<MemberKey, Score> e : scores.entrySet()) {
            Score s = e.getValue();
            if (s == null || !s.dirty) {
                continue;
            }
            guilds.add(e.getKey().guildId());
            users.add(e.getKey().userId());
            points.add(s.points);
            answered.add(s.answered);
            correct.add(s.correct);
            reached.add(micros(s.reachedAt));
            active.add(micros(s.lastActive));
            lastDay.add(s.streak.lastDay());
            current.add(s.streak.current());
            best.add(s.streak.best());
            s.dirty = false;
        }
        if (guilds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO member_scores (guild_id, user_id, points, answered, "
                        + "correct, reached_at, last_active, streak_last_day, streak_current, streak_best) "
                        + "SELECT g, u, p, n, ok, " + timestamp("r") + ", " + timestamp("la") + ", ld, cur, b "
                        + "FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::int[], ?::int[], ?::bigint[], ?::bigint[], "
                        + "?::int[], ?::int[], ?::int[]) AS x(g, u, p, n, ok, r, la, ld, cur, b) "
                        + "ON CONFLICT (guild_id, user_id) DO UPDATE SET "
                        + "points = EXCLUDED.points, answered = EXCLUDED.answered, correct = EXCLUDED.correct, "
                        + "reached_at = EXCLUDED.reached_at, last_active = EXCLUDED.last_active, "
                        + "streak_last_day = EXCLUDED.streak_last_day, streak_current = EXCLUDED.streak_current, "
                        + "streak_best = EXCLUDED.streak_best")) {
            int i = 1;
            ps.setArray(i++, array("bigint", guilds));
            ps.setArray(i++, array("bigint", users));
            ps.setArray(i++, array("bigint", points));
            ps.setArray(i++, array("integer", answered));
            ps.setArray(i++, array("integer", correct));
            ps.setArray(i++, array("bigint", reached));
            ps.setArray(i++, array("bigint", active));
            ps.setArray(i++, array("integer", lastDay));
            ps.setArray(i++, array("integer", current));
            ps.setArray(i, array("integer", best));
            ps.executeUpdate();
        }
    }

    /** Each member's per-step deltas, added by one upsert over arrays (one row per member and step). */
    private void writeSteps() throws SQLException {
        if (stepDeltas.isEmpty()) {
            return;
        }
        List<Long> guilds = new ArrayList<>();
        List<Long> users = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        List<Integer> answered = new ArrayList<>();
        List<Integer> correct = new ArrayList<>();
        List<Long> points = new ArrayList<>();
        List<Long> first = new ArrayList<>();
        stepDeltas.forEach((k, d) -> {
            guilds.add(k.guildId());
            users.add(k.userId());
            steps.add(k.step());
            answered.add((int) d[0]);
            correct.add((int) d[1]);
            points.add(d[2]);
            first.add(d[3]);
        });
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO member_steps (guild_id, user_id, step, answered, "
                + "correct, points, first_answer_id) SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::text[], "
                + "?::int[], ?::int[], ?::bigint[], ?::bigint[]) "
                + "ON CONFLICT (guild_id, user_id, step) DO UPDATE SET "
                + "answered = member_steps.answered + EXCLUDED.answered, "
                + "correct = member_steps.correct + EXCLUDED.correct, points = member_steps.points + EXCLUDED.points, "
                + "first_answer_id = least(member_steps.first_answer_id, EXCLUDED.first_answer_id)")) {
            ps.setArray(1, array("bigint", guilds));
            ps.setArray(2, array("bigint", users));
            ps.setArray(3, array("text", steps));
            ps.setArray(4, array("integer", answered));
            ps.setArray(5, array("integer", correct));
            ps.setArray(6, array("bigint", points));
            ps.setArray(7, array("bigint", first));
            ps.executeUpdate();
        }
        stepDeltas.clear();
    }

    /** The changed review cards, as one upsert over arrays (keys distinct). */
    private void writeCards() throws SQLException {
        if (dirtyCards.isEmpty()) {
            return;
        }
        List<Long> guilds = new ArrayList<>();
        List<Long> users = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        List<String> states = new ArrayList<>();
        List<Integer> learningSteps = new ArrayList<>();
        List<Double> stability = new ArrayList<>();
        List<Double> difficulty = new ArrayList<>();
        List<Long> lastReview = new ArrayList<>();
        List<Long> due = new ArrayList<>();
        List<Integer> reps = new ArrayList<>();
        List<Integer> lapses = new ArrayList<>();
        for (CardKey k : dirtyCards) {
            Optional<ReviewCard> card = cards.get(k);
            if (card.isEmpty()) {
                continue;
            }
            ReviewCard r = card.get();
            guilds.add(k.guildId());
            users.add(k.userId());
            questions.add(k.questionId());
            states.add(r.state().name());
            learningSteps.add(r.step());
            stability.add(r.stability());
            difficulty.add(r.difficulty());
            lastReview.add(micros(r.lastReview()));
            due.add(micros(r.due()));
            reps.add(r.reps());
            lapses.add(r.lapses());
        }
        dirtyCards.clear();
        if (guilds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_cards (guild_id, user_id, question_id, "
                + "state, learning_step, stability, difficulty, last_review, due, reps, lapses) "
                + "SELECT g, u, q, st, ls, sb, df, " + timestamp("lr") + ", " + timestamp("du") + ", rp, lp "
                + "FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::int[], ?::float8[], ?::float8[], "
                + "?::bigint[], ?::bigint[], ?::int[], ?::int[]) AS x(g, u, q, st, ls, sb, df, lr, du, rp, lp) "
                + "ON CONFLICT (guild_id, user_id, question_id) DO UPDATE SET state = EXCLUDED.state, "
                + "learning_step = EXCLUDED.learning_step, stability = EXCLUDED.stability, "
                + "difficulty = EXCLUDED.difficulty, last_review = EXCLUDED.last_review, due = EXCLUDED.due, "
                + "reps = EXCLUDED.reps, lapses = EXCLUDED.lapses")) {
            int i = 1;
            ps.setArray(i++, array("bigint", guilds));
            ps.setArray(i++, array("bigint", users));
            ps.setArray(i++, array("text", questions));
            ps.setArray(i++, array("text", states));
            ps.setArray(i++, array("integer", learningSteps));
            ps.setArray(i++, array("float8", stability));
            ps.setArray(i++, array("float8", difficulty));
            ps.setArray(i++, array("bigint", lastReview));
            ps.setArray(i++, array("bigint", due));
            ps.setArray(i++, array("integer", reps));
            ps.setArray(i, array("integer", lapses));
            ps.executeUpdate();
        }
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
        insertReview.close();
    }
}
