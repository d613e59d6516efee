package dev.drillbit.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.QuestionSource;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A review card's buttons carry its question (a server's one without its colon) and the member's source. */
class ReviewShownTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    @DisplayName("a server question and the server source survive the trip through a custom id")
    void serverQuestionRoundTrips() {
        // GIVEN
        ReviewView.Shown shown = new ReviewView.Shown("g42:our-q", AT, QuestionSource.SERVER);
        // WHEN
        ComponentId id =
                ComponentId.parse(shown.id(ReviewAction.NEXT).toString()).orElseThrow();
        // THEN
        assertThat(id.session()).startsWith("~our-q.");
        assertThat(ReviewView.Shown.of(id, 42)).contains(shown);
    }

    @Test
    @DisplayName("a button from before the source option (position 0) reviews both")
    void oldButtonsReviewBoth() {
        // GIVEN
        ComponentId old =
                new ComponentId(ReviewView.PREFIX, "sql-001." + Long.toString(AT.toEpochMilli(), 36), 0, "next");
        // WHEN / THEN
        assertThat(ReviewView.Shown.of(old, 1)).contains(new ReviewView.Shown("sql-001", AT, QuestionSource.BOTH));
    }
}
