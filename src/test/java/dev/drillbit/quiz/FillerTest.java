package dev.drillbit.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FillerTest {
    private final Filler filler = Filler.GENERIC;

    private List<String> strip(String words) {
        return filler.strip(List.of(words.split(" ")));
    }

    @Test
    void dropsEveryLeadingFillerWord() {
        assertThat(strip("using the vary header")).containsExactly("vary");
    }

    @Test
    void dropsTheLongestTrailingPhrase() {
        assertThat(strip("404 status code")).containsExactly("404");
    }

    @Test
    void dropsOnlyOneTrailingPhrase() {
        assertThat(strip("template method pattern")).containsExactly("template", "method");
    }

    @Test
    void keepsFillerInTheMiddle() {
        assertThat(strip("strategy pattern matching")).containsExactly("strategy", "pattern", "matching");
    }

    @Test
    void keepsAnAnswerThatIsNothingButFiller() {
        assertThat(strip("status code")).containsExactly("status", "code");
        assertThat(strip("the header")).containsExactly("header");
        assertThat(strip("the")).containsExactly("the");
    }

    @Test
    void leavesAnAnswerWithoutFillerAlone() {
        assertThat(strip("expand and contract")).containsExactly("expand", "and", "contract");
    }
}
