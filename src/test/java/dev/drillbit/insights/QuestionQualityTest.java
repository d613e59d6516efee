package dev.drillbit.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.testsupport.TinyBank;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionQualityTest {
    private static final QuestionQuality.Thresholds T = QuestionQuality.Thresholds.DEFAULT; // 20 answers, 25%

    @ParameterizedTest(name = "{0}: {1} answers, {2} right, choices [{3}] -> low {4}, distractor [{5}]")
    @CsvSource({
        // question, answers, right, choices (A is right for a1), low success?, preferred distractor
        "a1,   19, 0,  '',       false, ''", // too few answers to judge
        "a1,   20, 4,  '',       true,  ''", // 20% < 25%
        "a1,   20, 5,  '',       false, ''", // 25% is not below
        "a1,   20, 8,  '8 9 3',  false, 1", // B chosen more than A
        "a1,   20, 9,  '9 9 2',  false, ''", // a tie is not more
        "a1,   40, 6,  '6 4 10', true,  2", // both signals; C is the most chosen wrong one
        "a1,   30, 10, '10 11',  false, 1", // 21 choices recorded: enough
        "a1,   30, 10, '5 6',    false, ''", // 11 choices recorded: too few for the option signal
        "b2,   30, 3,  '',       true,  ''", // short answer: success only
        "gone, 50, 0,  '',       false, ''"
    }) // no longer in the bank: never flagged
    void thresholds(String id, int answers, int right, String choices, boolean low, String distractor) {
        List<Integer> counts = choices.isBlank()
                ? List.of()
                : java.util.Arrays.stream(choices.split(" "))
                        .map(Integer::valueOf)
                        .toList();
        QuestionStats stats = new QuestionStats(id, answers, right, counts);

        List<QuestionQuality.Flagged> flagged = QuestionQuality.flagged(TinyBank.bank(), List.of(stats), T);

        if (!low && distractor.isEmpty()) {
            assertThat(flagged).isEmpty();
        } else {
            assertThat(flagged).singleElement().satisfies(f -> {
                assertThat(f.lowSuccess()).isEqualTo(low);
                assertThat(f.preferredDistractor())
                        .isEqualTo(distractor.isEmpty() ? Optional.empty() : Optional.of(Integer.valueOf(distractor)));
            });
        }
    }

    @Test
    void reportListsBrokenQuestionsThenEveryAnsweredOne() {
        List<QuestionStats> stats = List.of(
                new QuestionStats("a1", 40, 6, List.of(6, 4, 30)),
                new QuestionStats("c1", 25, 20, List.of(20, 5)),
                new QuestionStats("gone", 3, 1, List.of()));

        String report = QuestionQuality.format(TinyBank.bank(), stats, T);

        assertThat(report)
                .startsWith("Question quality: 3 questions answered, 1 look broken")
                .contains("  a1 [a, junior, multiple_choice] 40 answers, 15% right; success is low; option C chosen "
                        + "30 times, the right answer A 6 times")
                .contains("    Which one, a1?")
                .containsPattern("c1 +25 +80%  A:20 B:5")
                .contains("(no longer in the bank)");
    }
}
