package dev.drillbit.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The ids in question files and journals map back to their constants, and nothing else does. */
class EnumIdTest {
    @Test
    @DisplayName(
            "every difficulty and question type is found by its id; unknown, differently cased and null ids are not")
    void fromIdFindsExactlyTheDeclaredIds() {
        Arrays.stream(Difficulty.values())
                .forEach(d -> assertThat(Difficulty.fromId(d.id())).contains(d));
        Arrays.stream(QuestionType.values())
                .forEach(t -> assertThat(QuestionType.fromId(t.id())).contains(t));

        for (String unknown : new String[] {"expert", "JUNIOR", "Multiple_Choice", "", null}) {
            assertThat(Difficulty.fromId(unknown)).isEmpty();
            assertThat(QuestionType.fromId(unknown)).isEmpty();
        }
    }
}
