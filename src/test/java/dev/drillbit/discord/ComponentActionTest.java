package dev.drillbit.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbit.learning.Rating;
import dev.drillbit.quiz.Response;
import dev.drillbit.quiz.SelfGrade;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The action codes buttons carry: each parses back to its constant, and no command reads one code two ways. */
class ComponentActionTest {

    static Stream<ComponentAction> everyAction() {
        return Stream.of(
                        AnswerAction.values(),
                        QuizAction.values(),
                        ReviewAction.values(),
                        InterviewAction.values(),
                        MeAction.values(),
                        FlagAction.values(),
                        SuggestionAction.values())
                .flatMap(Arrays::stream);
    }

    @ParameterizedTest
    @MethodSource("everyAction")
    @DisplayName("GIVEN an action WHEN its code is parsed by its enum THEN the same action, and the code fits an id")
    void codesRoundTrip(ComponentAction action) {
        assertThat(reparse(action)).contains(action);
        assertThat(action.code()).isNotEmpty().doesNotContain(":").hasSizeLessThanOrEqualTo(8);
    }

    private static Optional<ComponentAction> reparse(ComponentAction action) {
        String code = action.code();
        if (action instanceof AnswerAction) {
            return AnswerAction.of(code).map(ComponentAction.class::cast);
        }
        if (action instanceof QuizAction) {
            return QuizAction.of(code).map(ComponentAction.class::cast);
        }
        if (action instanceof ReviewAction) {
            return ReviewAction.of(code).map(ComponentAction.class::cast);
        }
        if (action instanceof MeAction) {
            return MeAction.of(code).map(ComponentAction.class::cast);
        }
        if (action instanceof FlagAction) {
            return FlagAction.of(code).map(ComponentAction.class::cast);
        }
        if (action instanceof SuggestionAction) {
            return SuggestionAction.of(code).map(ComponentAction.class::cast);
        }
        return InterviewAction.of(code).map(ComponentAction.class::cast);
    }

    @Test
    @DisplayName("every report reason has its button, and each button reports its own reason")
    void reasonButtonsReportEveryReason() {
        assertThat(Arrays.stream(FlagAction.values()).map(FlagAction::reason).flatMap(Optional::stream))
                .containsExactly(dev.drillbit.insights.FlagReason.values());
        Arrays.stream(dev.drillbit.insights.FlagReason.values())
                .forEach(r -> assertThat(FlagAction.of(r).reason()).contains(r));
    }

    @Test
    @DisplayName("the quiz, review and daily commands read their own actions and the answer widget's: no code in both")
    void sharedWidgetCodesDoNotClash() {
        List<String> widget =
                Arrays.stream(AnswerAction.values()).map(AnswerAction::code).toList();
        List<String> own = new ArrayList<>();
        Arrays.stream(QuizAction.values()).map(QuizAction::code).forEach(own::add);
        Arrays.stream(ReviewAction.values()).map(ReviewAction::code).forEach(own::add);

        assertThat(own).doesNotContainAnyElementsOf(widget);
        assertThat(widget).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("GIVEN option index i WHEN its button is pressed THEN the response chooses option i")
    void choicesAnswerTheirOption() {
        for (int i = 0; i < 5; i++) {
            assertThat(AnswerAction.of(AnswerAction.choice(i).code()).flatMap(AnswerAction::response))
                    .contains(new Response.Choice(i));
        }
        assertThatThrownBy(() -> AnswerAction.choice(5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void truthAndGradesAnswerWhatTheySay() {
        assertThat(AnswerAction.truth(true).response()).contains(new Response.Truth(true));
        assertThat(AnswerAction.truth(false).response()).contains(new Response.Truth(false));
        assertThat(AnswerAction.MISSED_IT.response()).contains(new Response.Graded(SelfGrade.MISSED));
        assertThat(AnswerAction.PARTLY.response()).contains(new Response.Graded(SelfGrade.PARTLY));
        assertThat(AnswerAction.NAILED_IT.response()).contains(new Response.Graded(SelfGrade.NAILED));
        assertThat(AnswerAction.TYPE.response()).isEmpty();
    }

    @Test
    @DisplayName("the rating buttons give every rating once, in order; Next gives none")
    void ratingButtonsGiveEveryRating() {
        assertThat(Arrays.stream(ReviewAction.values())
                        .map(ReviewAction::rating)
                        .flatMap(Optional::stream))
                .containsExactly(Rating.values());
        assertThat(ReviewAction.NEXT.rating()).isEmpty();
    }

    @Test
    @DisplayName("GIVEN a code no enum knows (an old message, another bot) WHEN parsed THEN empty")
    void unknownCodesAreEmpty() {
        assertThat(AnswerAction.of("a5")).isEmpty();
        assertThat(QuizAction.of("")).isEmpty();
        assertThat(InterviewAction.of("next")).isEmpty();
    }
}
