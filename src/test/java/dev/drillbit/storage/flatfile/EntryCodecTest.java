package dev.drillbit.storage.flatfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.learning.Rating;
import dev.drillbit.progress.AnswerCsv;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.ForgetEvent;
import dev.drillbit.progress.JournalEntry;
import dev.drillbit.progress.ReminderEvent;
import dev.drillbit.progress.ReviewEvent;
import dev.drillbit.quiz.SelfGrade;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntryCodecTest {

    private static JournalEntry roundTrip(JournalEntry e) throws Exception {
        StringBuilder sb = new StringBuilder();
        EntryCodec.encode(e, sb);
        assertThat(sb.toString()).endsWith("}\n").containsOnlyOnce("\n");
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        return EntryCodec.decode(bytes, 0, bytes.length - 1);
    }

    @Test
    void everyFieldSurvivesIncludingAwkwardStrings() throws Exception {
        AnswerEvent a = new AnswerEvent(
                42,
                Long.MAX_VALUE,
                123456789012345678L,
                "q\"\\\n\u0001é",
                "step,1",
                Difficulty.SENIOR,
                QuestionType.OPEN,
                false,
                Optional.of(SelfGrade.PARTLY),
                15,
                Instant.parse("2026-03-10T12:00:00.123Z"));
        ForgetEvent f = new ForgetEvent(43, 1, 2, Instant.parse("2026-03-10T12:00:00Z"));

        assertThat(roundTrip(a)).isEqualTo(a);
        assertThat(roundTrip(f)).isEqualTo(f);
    }

    @Test
    void timingChoiceReviewAndReminderSurvive() throws Exception {
        AnswerEvent a = new AnswerEvent(
                44,
                1,
                2,
                "sql-001",
                "sql",
                Difficulty.MID,
                QuestionType.MULTIPLE_CHOICE,
                false,
                Optional.empty(),
                0,
                Instant.parse("2026-03-10T12:00:00.123Z"),
                OptionalLong.of(4200),
                OptionalLong.of(30_000),
                OptionalInt.of(3));
        ReviewEvent r = new ReviewEvent(45, 1, 2, "sql-003", Rating.HARD, Instant.parse("2026-03-10T12:00:01Z"));
        ReminderEvent on = new ReminderEvent(46, 1, 2, true, Instant.parse("2026-03-10T12:00:02Z"));
        ReminderEvent off = new ReminderEvent(47, 1, 2, false, Instant.parse("2026-03-10T12:00:03Z"));

        assertThat(roundTrip(a)).isEqualTo(a);
        assertThat(roundTrip(r)).isEqualTo(r);
        assertThat(roundTrip(on)).isEqualTo(on);
        assertThat(roundTrip(off)).isEqualTo(off);
    }

    @Test
    void aVersionOneAnswerLineReadsWithoutTimingOrChoice() throws Exception {
        byte[] line = ("{\"id\":7,\"kind\":\"answer\",\"guild\":1,\"user\":2,\"question\":\"sql-001\",\"step\":\"sql\","
                        + "\"difficulty\":\"mid\",\"type\":\"multiple_choice\",\"correct\":true,\"points\":20,"
                        + "\"at\":1767225600000}")
                .getBytes(StandardCharsets.UTF_8);

        AnswerEvent a = (AnswerEvent) EntryCodec.decode(line, 0, line.length);

        assertThat(a.elapsedMillis()).isEmpty();
        assertThat(a.limitMillis()).isEmpty();
        assertThat(a.choice()).isEmpty();
        assertThat(a.points()).isEqualTo(20);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"id\":1,\"kind\":\"review\",\"guild\":1,\"user\":2,\"question\":\"q\",\"rating\":\"meh\",\"at\":3}",
                "{\"id\":1,\"kind\":\"review\",\"guild\":1,\"user\":2,\"rating\":\"good\",\"at\":3}",
                "{\"id\":1,\"kind\":\"reminder\",\"guild\":1,\"user\":2,\"at\":3}",
                "{\"id\":1,\"kind\":\"reminder\",\"guild\":1,\"user\":2,\"on\":1,\"at\":3}",
                "{\"id\":1,\"kind\":\"answer\",\"guild\":1,\"user\":2,\"question\":\"q\",\"step\":\"s\",\"difficulty\":\"mid\","
                        + "\"type\":\"open\",\"correct\":true,\"points\":1,\"at\":3,\"elapsed\":-5}",
                "{\"id\":1,\"kind\":\"answer\",\"guild\":1,\"user\":2,\"question\":\"q\",\"step\":\"s\",\"difficulty\":\"mid\","
                        + "\"type\":\"open\",\"correct\":true,\"points\":1,\"at\":3,\"limit\":0}"
            })
    void badLearningLinesAreRefusedWithAReason(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EntryCodec.decode(bytes, 0, bytes.length))
                .isInstanceOf(EntryCodec.BadLineException.class)
                .hasMessageMatching(".+");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "{\"id\":1}",
                "{\"id\":1,\"kind\":\"answer\",\"guild\":1,\"user\":2,\"at\":3}",
                "{\"id\":1,\"kind\":\"bogus\",\"guild\":1,\"user\":2,\"at\":3}",
                "{\"id\":\"1\",\"kind\":\"forget\",\"guild\":1,\"user\":2,\"at\":3}",
                "{\"id\":1,\"kind\":\"forget\",\"guild\":1,\"user\":2,\"at\":3} {}",
                "{\"id\":1,\"kind\":\"answer\",\"guild\":1,\"user\":2,\"question\":\"q\",\"step\":\"s\",\"difficulty\":\"x\","
                        + "\"type\":\"open\",\"correct\":true,\"points\":1,\"at\":3}"
            })
    void badLinesAreRefusedWithAReason(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EntryCodec.decode(bytes, 0, bytes.length))
                .isInstanceOf(EntryCodec.BadLineException.class)
                .hasMessageMatching(".+");
    }

    @Test
    void csvQuotesPerRfc4180() {
        assertThat(AnswerCsv.field("plain")).isEqualTo("plain");
        assertThat(AnswerCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(AnswerCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AnswerCsv.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
    }
}
