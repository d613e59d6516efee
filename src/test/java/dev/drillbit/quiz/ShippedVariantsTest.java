package dev.drillbit.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.BankLoader;
import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.testsupport.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every short answer of the shipped bank, run through the real matcher: the answers its author listed as
 * passing are accepted, the near misses refused, and so are its own accept and reject entries.
 */
class ShippedVariantsTest {
    private static final ShortAnswerMatcher MATCHER = new ShortAnswerMatcher();

    private static Stream<Arguments> shortAnswers(Path folder) {
        BankLoader.Result result = new BankLoader().load(folder);
        QuestionBank bank = result.bank()
                .orElseThrow(() -> new IllegalStateException("the bank in " + folder
                        + " does not load; first of " + result.problems().size() + " problems: "
                        + result.problems().get(0).render()));
        return bank.questions().stream()
                .filter(Question.ShortAnswer.class::isInstance)
                .map(q -> Arguments.of(q.id(), q));
    }

    static Stream<Arguments> shipped() {
        return shortAnswers(Fixtures.realQuestions());
    }

    /** What the matcher gets wrong about {@code question}, one line each; empty when it gets everything right. */
    static List<String> mismatches(Question.ShortAnswer question) {
        List<String> wrong = new ArrayList<>();
        for (String pass : concat(question.variants().pass(), question.accept())) {
            if (!MATCHER.match(pass, question.accept(), question.reject()).accepted()) {
                wrong.add("refused \"" + pass + "\", which must pass");
            }
        }
        for (String fail : concat(question.variants().fail(), question.reject())) {
            ShortAnswerMatcher.Match match = MATCHER.match(fail, question.accept(), question.reject());
            if (match.accepted()) {
                wrong.add("accepted \"" + fail + "\" as \"" + match.matched().orElseThrow() + "\", which must fail");
            }
        }
        return wrong;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void theMatcherAgreesWithTheAuthorsVariants(String id, Question.ShortAnswer question) {
        assertThat(mismatches(question))
                .as(id + " accept %s reject %s", question.accept(), question.reject())
                .isEmpty();
    }

    @Test
    void theFixturesVariantsPassToo() {
        assertThat(shortAnswers(Fixtures.resource("bank/good"))
                        .map(a -> (Question.ShortAnswer) a.get()[1])
                        .flatMap(q -> mismatches(q).stream()))
                .isEmpty();
    }

    @Test
    void theCheckBitesOnAVariantTheMatcherDisagreesWith() {
        Question.ShortAnswer vary = new Question.ShortAnswer(
                "v",
                "caching",
                Difficulty.MID,
                "Which header?",
                "e",
                "https://www.rfc-editor.org/rfc/rfc9110#name-vary",
                List.of(),
                List.of("Vary"),
                List.of("ETag"),
                new Question.ShortAnswer.Variants(List.of("the Vary header", "Cache-Control"), List.of("ETag header")));

        assertThat(mismatches(vary)).containsExactly("refused \"Cache-Control\", which must pass");
    }
}
