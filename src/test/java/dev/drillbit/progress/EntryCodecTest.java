package dev.drillbit.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.quiz.SelfGrade;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

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
        AnswerEvent a = new AnswerEvent(42, Long.MAX_VALUE, 123456789012345678L, "q\"\\\n\u0001é", "step,1",
                Difficulty.SENIOR, QuestionType.OPEN, false, Optional.of(SelfGrade.PARTLY), 15,
                Instant.parse("2026-03-10T12:00:00.123Z"));
        ForgetEvent f = new ForgetEvent(43, 1, 2, Instant.parse("2026-03-10T12:00:00Z"));

        assertThat(roundTrip(a)).isEqualTo(a);
        assertThat(roundTrip(f)).isEqualTo(f);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "[]", "{\"id\":1}", "{\"id\":1,\"kind\":\"answer\",\"guild\":1,\"user\":2,\"at\":3}",
        "{\"id\":1,\"kind\":\"bogus\",\"guild\":1,\"user\":2,\"at\":3}",
        "{\"id\":\"1\",\"kind\":\"forget\",\"guild\":1,\"user\":2,\"at\":3}",
        "{\"id\":1,\"kind\":\"forget\",\"guild\":1,\"user\":2,\"at\":3} {}",
        "{\"id\":1,\"kind\":\"answer\",\"guild\":1,\"user\":2,\"question\":\"q\",\"step\":\"s\",\"difficulty\":\"x\","
                + "\"type\":\"open\",\"correct\":true,\"points\":1,\"at\":3}"})
    void badLinesAreRefusedWithAReason(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EntryCodec.decode(bytes, 0, bytes.length))
                .isInstanceOf(EntryCodec.BadLineException.class).hasMessageMatching(".+");
    }

    @Test
    void csvQuotesPerRfc4180() {
        assertThat(AnswerCsv.field("plain")).isEqualTo("plain");
        assertThat(AnswerCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(AnswerCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AnswerCsv.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
    }
}
