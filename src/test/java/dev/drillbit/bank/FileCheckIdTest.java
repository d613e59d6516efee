package dev.drillbit.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.testsupport.Seeds;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link FileCheck#isId} says what the published pattern of ids and tags says. */
class FileCheckIdTest {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "a", "http-caching", "a-b-c", "-a", "a-", "a--b", "A", "a b", "é", "1-2", "-", "ab_c"})
    void agreesWithThePatternOnTheEdgeCases(String s) {
        assertThat(FileCheck.isId(s)).isEqualTo(ID.matcher(s).matches());
    }

    @Test
    void agreesWithThePatternOnRandomStrings() {
        Random random = new Random(Seeds.of("drillbit.id.seed", 42L));
        String alphabet = "ab9-Z _é";
        int ids = 0;
        for (int n = 0; n < 100_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(7); i > 0; i--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            boolean expected = ID.matcher(s).matches();
            ids += expected ? 1 : 0;
            assertThat(FileCheck.isId(s.toString())).as("\"%s\"", s).isEqualTo(expected);
        }
        assertThat(ids).as("both kinds were tried").isBetween(1, 99_999);
    }
}
