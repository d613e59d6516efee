package dev.drillbit.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.Question;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringTest {
    private final Scoring scoring = new Scoring(Duration.ofSeconds(30), true);

    private static Question tf(Difficulty d) {
        return new Question.TrueFalse("q", "s", d, "p", "e", "https://e.example", List.of(), true);
    }

    private static Question open(Difficulty d) {
        return new Question.Open("o", "s", d, "p", "e", "https://e.example", List.of(), List.of("a", "b"), "m");
    }

    @ParameterizedTest(name = "{0} answered right after {1}s -> {2}")
    @CsvSource({
        "JUNIOR, 5, 15",
        "JUNIOR, 10, 15",
        "JUNIOR, 11, 10",
        "MID, 29, 20",
        "SENIOR, 30, 30",
        "SENIOR, 31, 0",
        "SENIOR, 1, 35"
    })
    void pointsByDifficultySpeedAndLateness(Difficulty difficulty, int seconds, int points) {
        assertThat(scoring.points(tf(difficulty), Verdict.RIGHT, Duration.ofSeconds(seconds)))
                .isEqualTo(points);
    }

    @ParameterizedTest(name = "open {0} graded {1} -> {2}")
    @CsvSource({"MID, NAILED, 20", "MID, PARTLY, 10", "MID, MISSED, 0", "SENIOR, PARTLY, 15", "JUNIOR, NAILED, 10"})
    void selfGradesEarnTheirShareWithoutSpeedBonus(Difficulty difficulty, SelfGrade grade, int points) {
        Verdict verdict = new AnswerChecker()
                .check(open(difficulty), new Response.Graded(grade))
                .orElseThrow();

        assertThat(scoring.points(open(difficulty), verdict, Duration.ofSeconds(1)))
                .isEqualTo(points);
    }

    @org.junit.jupiter.api.Test
    void wrongAnswersEarnNothingAndTheBonusCanBeTurnedOff() {
        assertThat(scoring.points(tf(Difficulty.SENIOR), Verdict.WRONG, Duration.ZERO))
                .isZero();
        assertThat(new Scoring(Duration.ofSeconds(30), false)
                        .points(tf(Difficulty.JUNIOR), Verdict.RIGHT, Duration.ZERO))
                .isEqualTo(10);
    }

    @org.junit.jupiter.api.Test
    void typedAndOpenQuestionsGetMoreTime() {
        assertThat(scoring.timeLimit(tf(Difficulty.MID))).hasSeconds(30);
        assertThat(scoring.timeLimit(open(Difficulty.MID))).hasSeconds(90);
        assertThat(scoring.timeLimit(new Question.ShortAnswer(
                        "s",
                        "s",
                        Difficulty.MID,
                        "p",
                        "e",
                        "https://e.example",
                        List.of(),
                        List.of("x"),
                        List.of(),
                        Question.ShortAnswer.Variants.NONE)))
                .hasSeconds(60);
        assertThatThrownBy(() -> new Scoring(Duration.ZERO, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void typosAreCreditedWithANote() {
        Question sa = new Question.ShortAnswer(
                "s",
                "s",
                Difficulty.MID,
                "p",
                "e",
                "https://e.example",
                List.of(),
                List.of("memcached"),
                List.of(),
                Question.ShortAnswer.Variants.NONE);

        Verdict verdict =
                new AnswerChecker().check(sa, new Response.Text("memcahced")).orElseThrow();

        assertThat(verdict.correct()).isTrue();
        assertThat(verdict.note()).isEqualTo(Optional.of("Accepted as \"memcached\" (watch the spelling)."));
    }
}
