package dev.drillbit.storage.postgres;

import dev.drillbit.learning.ReviewCard;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A review card as a row of {@code review_cards}. */
final class Cards {
    static final String UPSERT = "INSERT INTO review_cards (guild_id, user_id, question_id, state, learning_step, "
            + "stability, difficulty, last_review, due, reps, lapses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (guild_id, user_id, question_id) DO UPDATE SET state = EXCLUDED.state, "
            + "learning_step = EXCLUDED.learning_step, stability = EXCLUDED.stability, "
            + "difficulty = EXCLUDED.difficulty, last_review = EXCLUDED.last_review, due = EXCLUDED.due, "
            + "reps = EXCLUDED.reps, lapses = EXCLUDED.lapses";

    private Cards() {}

    static ReviewCard read(ResultSet rs) throws SQLException {
        return new ReviewCard(
                ReviewCard.State.valueOf(rs.getString("state")),
                rs.getInt("learning_step"),
                rs.getDouble("stability"),
                rs.getDouble("difficulty"),
                Sql.instant(rs, "last_review"),
                Sql.instant(rs, "due"),
                rs.getInt("reps"),
                rs.getInt("lapses"));
    }

    static void bind(PreparedStatement ps, long guildId, long userId, String questionId, ReviewCard card)
            throws SQLException {
        ps.setLong(1, guildId);
        ps.setLong(2, userId);
        ps.setString(3, questionId);
        ps.setString(4, card.state().name());
        ps.setInt(5, card.step());
        ps.setDouble(6, card.stability());
        ps.setDouble(7, card.difficulty());
        Sql.instant(ps, 8, card.lastReview());
        Sql.instant(ps, 9, card.due());
        ps.setInt(10, card.reps());
        ps.setInt(11, card.lapses());
    }
}
