package dev.drillbit.storage.flatfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.learning.Rating;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.ForgetEvent;
import dev.drillbit.progress.JournalEntry;
import dev.drillbit.progress.ReminderEvent;
import dev.drillbit.progress.ReviewEvent;
import dev.drillbit.quiz.SelfGrade;
import dev.drillbit.testsupport.Seeds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The journal's plain scan ({@link EntryCodec#decode}) reads every line exactly as Jackson's parser does
 * ({@link EntryCodec#decodeWithJackson}): the same entry, or the same refusal with the same reason.
 */
class EntryCodecScanTest {
    private static final String[] WORDS = {"answer", "forget", "review", "reminder", "mid", "open", "good", "x"};

    /** What reading a line comes to: the entry, or the kind and reason of the refusal. */
    private static Object outcome(byte[] line, boolean jacksonOnly) {
        try {
            return jacksonOnly
                    ? EntryCodec.decodeWithJackson(line, 0, line.length)
                    : EntryCodec.decode(line, 0, line.length);
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static void sameBothWays(byte[] line) {
        assertThat(outcome(line, false))
                .as("line %s", new String(line, StandardCharsets.ISO_8859_1))
                .isEqualTo(outcome(line, true));
    }

    private static JournalEntry randomEntry(Random random) {
        long id = 1 + random.nextInt(1_000_000);
        long guild = random.nextBoolean() ? 0 : 1 + (random.nextLong() >>> 2);
        long user = random.nextLong() >>> (1 + random.nextInt(62));
        Instant at = Instant.ofEpochMilli(random.nextLong() >>> 23);
        return switch (random.nextInt(4)) {
            case 0 -> new ForgetEvent(id, guild, user, at);
            case 1 ->
                new ReviewEvent(id, guild, user, "q-" + random.nextInt(50), Rating.values()[random.nextInt(4)], at);
            case 2 -> new ReminderEvent(id, guild, user, random.nextBoolean(), at);
            default -> {
                OptionalLong limit =
                        random.nextBoolean() ? OptionalLong.of(1 + random.nextInt(60_000)) : OptionalLong.empty();
                OptionalLong elapsed = limit.isPresent() || random.nextBoolean()
                        ? OptionalLong.of(random.nextInt(70_000))
                        : OptionalLong.empty();
                yield new AnswerEvent(
                        id,
                        guild,
                        user,
                        random.nextInt(10) == 0 ? "q\"é\\" + random.nextInt(9) : "sql-" + random.nextInt(999),
                        random.nextBoolean() ? "sql" : "step,1",
                        Difficulty.values()[random.nextInt(Difficulty.values().length)],
                        QuestionType.values()[random.nextInt(QuestionType.values().length)],
                        random.nextBoolean(),
                        random.nextBoolean() ? Optional.empty() : Optional.of(SelfGrade.values()[random.nextInt(3)]),
                        random.nextInt(100),
                        at,
                        elapsed,
                        limit,
                        random.nextBoolean() ? OptionalInt.of(random.nextInt(5)) : OptionalInt.empty(),
                        random.nextBoolean() ? OptionalInt.of(random.nextInt(30_000)) : OptionalInt.empty());
            }
        };
    }

    private static byte[] encoded(JournalEntry entry) {
        StringBuilder out = new StringBuilder();
        EntryCodec.encode(entry, out);
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(bytes, bytes.length - 1); // without the newline
    }

    /** A small change of the kind damage or a hand edit makes. */
    private static byte[] mutated(byte[] line, Random random) {
        StringBuilder s = new StringBuilder(new String(line, StandardCharsets.ISO_8859_1));
        int at = s.isEmpty() ? 0 : random.nextInt(s.length());
        switch (random.nextInt(9)) {
            case 0 -> s.deleteCharAt(Math.min(at, Math.max(0, s.length() - 1)));
            case 1 -> s.insert(at, "\" ,:{}[]-0.e\\tfn1".charAt(random.nextInt(17)));
            case 2 -> s.setCharAt(at, (char) random.nextInt(256));
            case 3 -> s.insert(at, ' ');
            case 4 -> s.replace(at, Math.min(s.length(), at + 3), "");
            case 5 -> s.insert(s.length() - 1, ",\"" + WORDS[random.nextInt(WORDS.length)] + "\":" + pick(random));
            case 6 -> s.insert(1, "\"" + WORDS[random.nextInt(WORDS.length)] + "\":" + pick(random) + ",");
            case 7 -> { // a number with a leading zero, a sign, or too many digits
                int digit = s.indexOf(":", at);
                if (digit >= 0) {
                    s.insert(digit + 1, new String[] {"0", "-", "99999999999999999999", "1.5"}[random.nextInt(4)]);
                }
            }
            default -> {
                String text = s.toString();
                String[] names = {"\"id\"", "\"guild\"", "\"points\"", "\"correct\"", "\"kind\"", "\"at\""};
                s = new StringBuilder(
                        text.replace(names[random.nextInt(names.length)], names[random.nextInt(names.length)]));
            }
        }
        return s.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String pick(Random random) {
        return new String[] {"1", "0", "true", "false", "null", "\"mid\"", "\"answer\"", "[1]", "{}", "-3", "012"}
                [random.nextInt(11)];
    }

    @Test
    void readsWhatTheEncoderWritesAsJacksonDoes() {
        Random random = new Random(Seeds.of("drillbit.scan.seed", 17L));
        for (int n = 0; n < 20_000; n++) {
            JournalEntry entry = randomEntry(random);
            byte[] line = encoded(entry);

            assertThat(outcome(line, false)).isEqualTo(entry).isEqualTo(outcome(line, true));
        }
    }

    @Test
    void readsOrRefusesDamagedAndEditedLinesAsJacksonDoes() {
        Random random = new Random(Seeds.of("drillbit.scan.seed", 18L));
        for (int n = 0; n < 100_000; n++) {
            byte[] line = encoded(randomEntry(random));
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                line = mutated(line, random);
            }
            sameBothWays(line);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{}",
                "{\"id\":1,\"kind\":\"forget\",\"guild\":1,\"user\":2,\"at\":3}",
                "{\"id\":1,\"kind\":\"forget\",\"guild\":1,\"user\":2,\"at\":3,\"id\":4}",
                "{\"id\":01,\"kind\":\"forget\",\"guild\":1,\"user\":2,\"at\":3}",
                "{\"id\":1,\"kind\":\"forget\",\"guild\":1,\"user\":2,\"at\":3} ",
                "{\"id\":1,\"kind\":\"forget\",\"guild\":1,\"user\":2,\"at\":3}}",
                "{\"id\":1,\"kind\":5,\"guild\":1,\"user\":2,\"at\":3}",
                "{\"id\":1,\"kind\":\"forget\",\"guild\":true,\"user\":2,\"at\":3}",
                "{\"id\":1,\"kind\":\"forget\",\"guild\":1,\"user\":2,\"at\":3,\"extra\":\"x\"}",
                "{\"id\":1,\"kind\":\"forget\",\"guild\":1,\"user\":2,\"at\":3,\"extra\":[1,2]}",
                "{\"id\":1,\"kind\":\"forget\",\"guild\":1,\"user\":2,\"at\":1234567890123456789}",
                "{\"id\":1,\"kind\":\"forget\",\"guild\":1,\"user\":2,\"at\":12345678901234567890}",
                "{\"id\":1,\"kind\":\"reminder\",\"guild\":1,\"user\":2,\"on\":\"true\",\"at\":3}",
                "{\"id\":1,\"kind\":\"answer\",\"guild\":1,\"user\":2,\"question\":\"q\",\"step\":\"s\",\"difficulty\":\"mid\","
                        + "\"type\":\"open\",\"correct\":true,\"points\":-1,\"at\":3}",
                "{\"id\":1,\"kind\":\"answer\",\"guild\":1,\"user\":2,\"question\":\"q\",\"step\":\"s\",\"difficulty\":\"mid\","
                        + "\"type\":\"open\",\"correct\":true,\"points\":3000000000,\"at\":3}",
                "{\"id\":1,\"kind\":\"answer\",\"guild\":1,\"user\":2,\"question\":\"q\",\"step\":\"s\",\"difficulty\":\"mid\","
                        + "\"type\":\"open\",\"correct\":true,\"points\":1,\"at\":3,\"elapsed\":5,\"limit\":4}",
                "{\"id\":1,\"kind\":\"answer\",\"guild\":1,\"user\":2,\"question\":\"q\",\"step\":\"s\",\"difficulty\":\"mid\","
                        + "\"type\":\"open\",\"correct\":true,\"points\":1,\"at\":3,\"choice\":3000000000}",
                "{\"id\":1,\"kind\":\"answer\",\"guild\":1,\"user\":2,\"question\":\"q\",\"step\":\"s\",\"difficulty\":\"mid\","
                        + "\"type\":\"open\",\"correct\":true,\"points\":1,\"at\":3,\"day\":3000000000}"
            })
    void readsOrRefusesTheAwkwardCasesAsJacksonDoes(String line) {
        sameBothWays(line.getBytes(StandardCharsets.UTF_8));
    }
}
