package dev.drillbit.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.Problem;
import dev.drillbit.packs.ImportOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What /pack import answers: every problem with its position, in the message or, when long, as a file. */
class PackCommandTest {

    private static Problem problem(int line) {
        return new Problem(Path.of("mine.json"), line, 7, "$.questions[0].id", "question id must be kebab-case");
    }

    @Test
    @DisplayName("a few problems are listed in the message itself, with file, line and column")
    void fewProblemsInTheMessage() {
        // GIVEN
        ImportOutcome refused = new ImportOutcome.Refused(List.of(problem(4), problem(9)));
        // WHEN
        MessageEditData message = PackCommand.render(refused, "mine.json");
        // THEN
        assertThat(message.getContent())
                .contains("2 problems")
                .contains("mine.json:4:7: question id must be kebab-case")
                .contains("mine.json:9:7:");
        assertThat(message.getFiles()).isEmpty();
    }

    @Test
    @DisplayName("many problems: the first ten in the message, every one in the attached file")
    void manyProblemsAsAFile() throws Exception {
        // GIVEN
        ImportOutcome refused = new ImportOutcome.Refused(
                IntStream.rangeClosed(1, 30).mapToObj(PackCommandTest::problem).toList());
        // WHEN
        MessageEditData message = PackCommand.render(refused, "mine.json");
        // THEN
        assertThat(message.getContent())
                .contains("30 problems")
                .contains("mine.json:10:7")
                .doesNotContain("mine.json:11:7");
        assertThat(message.getContent().length()).isLessThanOrEqualTo(2000);
        assertThat(message.getFiles()).singleElement().satisfies(f -> {
            assertThat(f.getName()).isEqualTo(PackCommand.PROBLEMS_FILE);
            try (var in = f.getData()) {
                String all = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(all.lines()).hasSize(30).contains("mine.json:30:7: question id must be kebab-case");
            }
        });
    }

    @Test
    void aPackOverTheLimitsSaysWhichLimit() {
        assertThat(PackCommand.render(new ImportOutcome.TooMany(520, 500), "p.json")
                        .getContent())
                .contains("520")
                .contains("limit is 500");
        assertThat(PackCommand.render(new ImportOutcome.TooLarge(300_000, 262_144), "p.json")
                        .getContent())
                .contains("293 KiB")
                .contains("at most 256 KiB");
    }
}
