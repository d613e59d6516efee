package dev.drillbit.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The shipped bank keeps the shape a study group needs: size, balance, spread answers, stable ids. */
class BankShapeTest {
    private static QuestionBank bank;

    @BeforeAll
    static void load() {
        BankLoader.Result result = new BankLoader().load(Fixtures.realQuestions());
        assertThat(result.problems()).map(Problem::render).isEmpty();
        bank = result.bank().orElseThrow();
    }

    @Test
    @DisplayName("at least 20 steps of at least 48 questions (two working weeks of a study group's five a day) and"
            + " 1,000 in all")
    void atLeastTwentyStepsOfAtLeastFortyEightQuestionsAndAThousandInAll() {
        assertThat(bank.steps()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(bank.questions()).hasSizeGreaterThanOrEqualTo(1000);
        for (RoadmapStep step : bank.steps()) {
            assertThat(bank.count(step.id())).as(step.id()).isGreaterThanOrEqualTo(48);
            assertThat(step.resources()).as(step.id() + " resources").hasSizeBetween(2, 5);
        }
    }

    @Test
    void everyStepHasEveryTypeAndTheSharesHold() {
        for (RoadmapStep step : bank.steps()) {
            Set<QuestionType> types = bank.questions().stream()
                    .filter(q -> q.step().equals(step.id()))
                    .map(Question::type)
                    .collect(Collectors.toSet());
            assertThat(types).as(step.id()).containsExactlyInAnyOrder(QuestionType.values());
        }
        int all = bank.questions().size();
        Map<QuestionType, Long> byType = count(Question::type);
        assertThat(byType.get(QuestionType.OPEN) * 100.0 / all)
                .as("open share %")
                .isGreaterThanOrEqualTo(15);
        Map<Difficulty, Long> byLevel = count(Question::difficulty);
        for (Difficulty d : Difficulty.values()) {
            assertThat(byLevel.get(d) * 100.0 / all).as(d + " share %").isGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void everyQuestionNamesAnHttpsSource() {
        assertThat(bank.questions())
                .allSatisfy(q -> assertThat(q.source()).as(q.id()).startsWith("https://"));
    }

    @Test
    @DisplayName("every short answer lists at least one answer that must pass and one near miss that must fail")
    void everyShortAnswerHasPassAndFailVariants() {
        List<Question.ShortAnswer> shortAnswers = bank.questions().stream()
                .filter(Question.ShortAnswer.class::isInstance)
                .map(Question.ShortAnswer.class::cast)
                .toList();

        assertThat(shortAnswers).allSatisfy(sa -> {
            assertThat(sa.variants().pass()).as(sa.id() + " pass variants").isNotEmpty();
            assertThat(sa.variants().fail()).as(sa.id() + " fail variants").isNotEmpty();
        });
    }

    private static <K> Map<K, Long> count(Function<Question, K> key) {
        return bank.questions().stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static List<Question.MultipleChoice> multipleChoice() {
        return bank.questions().stream()
                .filter(Question.MultipleChoice.class::isInstance)
                .map(Question.MultipleChoice.class::cast)
                .toList();
    }

    @Test
    @DisplayName("the right option's position is spread evenly over the positions questions offer")
    void answerPositionsAreSpread() {
        double[] expected = new double[5];
        int[] observed = new int[5];
        for (Question.MultipleChoice mc : multipleChoice()) {
            for (int i = 0; i < mc.options().size(); i++) {
                expected[i] += 1.0 / mc.options().size();
            }
            observed[mc.answer()]++;
        }
        // a position expected fewer than 5 times is too rare to judge; but the guard must not skip them all
        for (int i = 0; i < 4; i++) {
            assertThat(expected[i])
                    .as("expected answers at %s: enough to judge", (char) ('A' + i))
                    .isGreaterThanOrEqualTo(5);
        }
        for (int i = 0; i < 5; i++) {
            if (expected[i] >= 5) {
                assertThat((double) observed[i])
                        .as("answers at %s", (char) ('A' + i))
                        .isBetween(expected[i] * 0.75, expected[i] * 1.25);
            }
        }
    }

    @Test
    void theRightOptionIsNotSystematicallyTheLongest() {
        List<Question.MultipleChoice> all = multipleChoice();
        long longest = all.stream()
                .filter(mc -> {
                    int right = mc.options().get(mc.answer()).length();
                    for (int i = 0; i < mc.options().size(); i++) {
                        if (i != mc.answer() && mc.options().get(i).length() >= right) {
                            return false;
                        }
                    }
                    return true;
                })
                .count();
        assertThat(longest * 100.0 / all.size())
                .as("%% where the right option is strictly longest")
                .isLessThan(35);
    }

    @Test
    void everyDistractorSaysWhyItIsWrong() {
        assertThat(multipleChoice())
                .allSatisfy(mc -> assertThat(mc.why()).as(mc.id()).hasSameSizeAs(mc.options()));
        assertThat(multipleChoice())
                .allSatisfy(mc -> assertThat(String.join(" ", mc.options()).toLowerCase(Locale.ROOT))
                        .as(mc.id())
                        .doesNotContain("all of the above")
                        .doesNotContain("none of the above"));
    }

    @Test
    @DisplayName("no two prompts are near duplicates (word-set Jaccard similarity below 0.6)")
    void noNearDuplicatePrompts() {
        List<Question> all = bank.questions();
        List<Set<String>> words = all.stream().map(q -> words(q.prompt())).toList();
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (jaccard(words.get(i), words.get(j)) >= 0.6) {
                    pairs.add(all.get(i).id() + " ~ " + all.get(j).id());
                }
            }
        }
        assertThat(pairs).isEmpty();
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() > 2)
                .collect(Collectors.toSet());
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int common = 0;
        for (String w : a) {
            common += b.contains(w) ? 1 : 0;
        }
        return (double) common / (a.size() + b.size() - common);
    }

    @Test
    @DisplayName("ids are stable: every id is published, none disappears unretired, none retired comes back")
    void idsAreStable() throws IOException {
        Set<String> published = new HashSet<>();
        Set<String> retired = new HashSet<>();
        for (String line : Files.readAllLines(Fixtures.realQuestions().resolve("published-ids.txt"))) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            if (entry.startsWith("retired ")) {
                retired.add(entry.substring("retired ".length()).strip());
            } else {
                assertThat(published.add(entry)).as("listed twice: " + entry).isTrue();
            }
        }
        Set<String> current = bank.questions().stream().map(Question::id).collect(Collectors.toSet());
        assertThat(retired).as("retired ids must never be reused").doesNotContainAnyElementsOf(current);
        assertThat(published)
                .as("published ids must stay (retire them instead)")
                .containsAll(current)
                .hasSameSizeAs(current);
    }
}
