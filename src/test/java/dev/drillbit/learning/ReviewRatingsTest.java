package dev.drillbit.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.QuestionType;
import dev.drillbit.quiz.SelfGrade;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReviewRatingsTest {

    @ParameterizedTest(name = "{0} correct={1} grade={2} elapsed={3} limit={4} -> {5}")
    @CsvSource({
        // auto-graded: wrong is Again whatever the time
        "multiple_choice, false, ,       1000,  30000, AGAIN",
        "true_false,      false, ,       ,      ,      AGAIN",
        // right: Easy within the first third, Good within two thirds, Hard after (and when late)
        "multiple_choice, true,  ,       0,     30000, EASY",
        "multiple_choice, true,  ,       10000, 30000, EASY",
        "multiple_choice, true,  ,       10001, 30000, GOOD",
        "short_answer,    true,  ,       40000, 60000, GOOD",
        "short_answer,    true,  ,       40001, 60000, HARD",
        "true_false,      true,  ,       30000, 30000, HARD",
        "true_false,      true,  ,       95000, 30000, HARD",
        // right without timing (version 1 lines, untimed callers)
        "multiple_choice, true,  ,       ,      ,      GOOD",
        "multiple_choice, true,  ,       5000,  ,      GOOD",
        // open: the self-grade decides, time does not
        "open,            false, MISSED, 1000,  90000, AGAIN",
        "open,            false, PARTLY, 1000,  90000, HARD",
        "open,            true,  NAILED, 1000,  90000, GOOD",
        "open,            true,  NAILED, 89000, 90000, GOOD"
    })
    void ratingTable(String type, boolean correct, SelfGrade grade, Long elapsed, Long limit, Rating expected) {
        Rating rating = ReviewRatings.of(
                QuestionType.fromId(type).orElseThrow(),
                correct,
                Optional.ofNullable(grade),
                elapsed == null ? OptionalLong.empty() : OptionalLong.of(elapsed),
                limit == null ? OptionalLong.empty() : OptionalLong.of(limit));

        assertThat(rating).isEqualTo(expected);
        assertThat(ReviewRatings.addsCard(correct)).isEqualTo(!correct);
    }
}
