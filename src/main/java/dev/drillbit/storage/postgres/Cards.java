package dev.drillbit.storage.postgres;

import dev.drillbit.learning.ReviewCard;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A review card as a row of {@code review_cards}. */
final class Cards {
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
}
