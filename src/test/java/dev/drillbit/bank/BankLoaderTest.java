package dev.drillbit.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BankLoaderTest {
    @TempDir
    Path dir;

    private List<String> problems(String overlay) {
        BankLoader.Result result = new BankLoader().load(Fixtures.bankWith(overlay, dir));
        assertThat(result.ok()).as("the %s fixture must be refused", overlay).isFalse();
        assertThat(result.bank()).isEmpty();
        return result.problems().stream()
                .map(Problem::render)
                .map(s -> s.replace(dir + "/", ""))
                .toList();
    }

    @Test
    void loadsTheGoodFixture() {
        BankLoader.Result result = new BankLoader().load(Fixtures.resource("bank/good"));

        assertThat(result.problems()).isEmpty();
        QuestionBank bank = result.bank().orElseThrow();
        assertThat(bank.steps()).extracting(RoadmapStep::id).containsExactly("internet", "sql", "caching");
        assertThat(bank.questions()).hasSize(9);
        assertThat(bank.questions().get(0).step()).isEqualTo("internet");
        assertThat(bank.question("t-sql-2")).get().isInstanceOf(Question.ShortAnswer.class);
        Question.MultipleChoice mc =
                (Question.MultipleChoice) bank.question("t-internet-1").orElseThrow();
        assertThat(mc.options()).containsExactly("UDP", "TCP", "ICMP", "SCTP");
        assertThat(mc.answer()).isEqualTo(1);
        assertThat(mc.why()).hasSize(4);
    }

    @Test
    @DisplayName("reads each question's source and a short answer's variants, which may differ only in case")
    void readsEachQuestionsSourceAndAShortAnswersVariants() {
        QuestionBank bank =
                new BankLoader().load(Fixtures.resource("bank/good")).bank().orElseThrow();

        Question.ShortAnswer atomicity =
                (Question.ShortAnswer) bank.question("t-sql-2").orElseThrow();

        assertThat(atomicity.source()).isEqualTo("https://www.postgresql.org/docs/current/tutorial-transactions.html");
        assertThat(atomicity.variants().pass()).containsExactly("Atomicity.", "ATOMICITY.", "“atomicity”", "atomicty");
        assertThat(atomicity.variants().fail()).containsExactly("isolation", "consistency");
    }

    @Test
    void refusesAcceptedAnswersTooLongToShowInOneField() throws IOException {
        Fixtures.bankWith(null, dir);
        String many = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> "\"" + "a".repeat(60) + i + "\"")
                .collect(java.util.stream.Collectors.joining(", "));
        Files.writeString(
                dir.resolve("sql.json"),
                Files.readString(dir.resolve("sql.json"))
                        .replace("\"accept\": [\"atomicity\", \"atomic\"]", "\"accept\": [" + many + "]"));

        assertThat(new BankLoader().load(dir).problems())
                .map(Problem::message)
                .containsExactly("question t-sql-2: accepted answers take 1287 characters when shown; Discord's embed"
                        + " field value holds 1024");
    }

    @DisplayName("each kind of bad input gives its own message at its place")
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        unknown-field         | sql.json:19:18: question t-sql-1 has unknown field "optionz"; known fields: answer, difficulty, explanation, id, options, prompt, source, tags, type, why
        missing-field         | sql.json:5:5: question t-sql-1 is missing "explanation"
        wrong-type            | sql.json:16:17: question t-sql-1 answer must be a whole number, found a string
        unknown-step          | kubernetes.json:3:11: the pack is for step "kubernetes", which roadmap.json does not have; add the step there or fix the name
        duplicate-id          | sql.json:6:13: question id "t-internet-1" is already used in
        answer-out-of-range   | sql.json:16:17: question t-sql-1 answer 4 is out of range: with 4 options it must be 0 to 3 (0 is the first option)
        too-few-options       | sql.json:10:18: question t-sql-1 options has 1 entry; at least 2 needed
        duplicate-options     | sql.json:13:9: question t-sql-1 options entries 1 and 3 are the same: "read committed "
        empty-string          | sql.json:9:17: question t-sql-1 prompt must not be empty
        over-long-explanation | sql.json:17:22: question t-sql-1 explanation is 1100 characters; at most 1024 (Discord's embed field value holds 1024)
        over-long-body        | sql.json:9:17: question t-sql-1: prompt and options take 4143 characters when shown; Discord's embed description holds 4096
        unknown-type          | sql.json:7:15: question t-sql-1 type "mcq" is unknown; expected one of: multiple_choice, true_false, short_answer, open
        unknown-difficulty    | sql.json:8:21: question t-sql-1 difficulty "expert" is unknown; expected one of: junior, mid, senior
        why-count             | sql.json:19:14: question t-sql-1 why has 1 entry; at least 4 needed
        file-name-mismatch    | caching.json:3:11: the pack is for step "sql" but the file is named caching.json; name it sql.json
        reveal-too-big        | sql.json:5:5: question t-sql-9: the answer reveal would take up to
        malformed-json        | sql.json:4:23: malformed JSON: Unexpected character ('"' (code 34)): was expecting comma to separate Object entries
        empty-file            | sql.json ($): the file is empty; it must hold a JSON object
        missing-source        | sql.json:5:5: question t-sql-1 is missing "source"
        source-not-https      | sql.json:13:17: question t-sql-1 source must be an https URL, found "http://www.postgresql.org/docs/current/transaction-iso.html"
        source-without-host   | sql.json:13:17: question t-sql-1 source must be an https URL with a host, found "https:///docs/current/transaction-iso.html"
        source-malformed      | sql.json:13:17: question t-sql-1 source must be a well-formed https URL (Illegal character in path at index 51), found "https://www.postgresql.org/docs/current/transaction iso.html"
        unknown-variant-key   | sql.json:27:18: question t-sql-2 variants has unknown field "maybe"; known fields: fail, pass
        variant-not-a-list    | sql.json:26:17: question t-sql-2 variants fail must be a list, found a string
        duplicate-step        | roadmap.json:22:13: step id "internet" is used twice in the roadmap
        long-summary          | roadmap.json:7:18: step internet summary is 301 characters; at most 300 (a summary is one or two sentences)
        insecure-url          | roadmap.json:17:18: step internet resource 1 url must start with https:// and contain no spaces
        """)
    void reportsEachProblem(String overlay, String expected) {
        assertThat(problems(overlay)).anySatisfy(p -> assertThat(p).startsWith(expected));
    }

    @Test
    void aStepWithABadFieldIsStillKnownSoItsPackIsNotBlamed() {
        assertThat(problems("insecure-url")).singleElement().asString().contains("url must start with https://");
    }

    @Test
    void reportsEveryProblemInOneRunNotJustTheFirst() throws IOException {
        Fixtures.bankWith(null, dir);
        Files.writeString(
                dir.resolve("sql.json"),
                Files.readString(Fixtures.resource("bank/wrong-type/sql.json"))
                        .replace("\"difficulty\": \"mid\"", "\"difficulty\": \"hard\""));

        List<String> problems = new BankLoader()
                .load(dir).problems().stream().map(Problem::message).toList();

        assertThat(problems)
                .anyMatch(p -> p.contains("answer must be a whole number"))
                .anyMatch(p -> p.contains("difficulty \"hard\" is unknown"));
    }

    @Test
    void namesTheByteOfAFileThatIsNotUtf8() throws IOException {
        Fixtures.bankWith(null, dir);
        byte[] latin1 = "{\n  \"step\": \"sql\", \"x\": \"caf\u00e9\"\n}\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("sql.json"), latin1);

        assertThat(new BankLoader().load(dir).problems())
                .map(Problem::render)
                .anyMatch(p ->
                        p.endsWith("sql.json:2:27: the file is not UTF-8: byte 0xE9 at offset 28 cannot be decoded;"
                                + " save the file as UTF-8"));
    }

    @Test
    void refusesAFolderWithoutARoadmap() throws IOException {
        Files.writeString(dir.resolve("sql.json"), "{}");

        assertThat(new BankLoader().load(dir).problems())
                .map(Problem::message)
                .contains("missing: every question folder needs its roadmap");
    }

    @Test
    void refusesAMissingFolder() {
        assertThat(new BankLoader().load(dir.resolve("nope")).problems())
                .map(Problem::message)
                .singleElement()
                .asString()
                .startsWith("no such directory");
    }

    @Test
    void refusesAKeyGivenTwiceInAQuestionWithItsPlace() throws IOException {
        Fixtures.bankWith(null, dir);
        String pack = Files.readString(dir.resolve("sql.json"));
        Files.writeString(
                dir.resolve("sql.json"),
                pack.replaceFirst("\"difficulty\": \"mid\"", "\"difficulty\": \"mid\", \"difficulty\": \"mid\""));

        assertThat(new BankLoader().load(dir).problems())
                .map(Problem::render)
                .singleElement()
                .asString()
                .contains("sql.json:8:")
                .contains("malformed JSON: Duplicate field 'difficulty'");
    }

    @Test
    void refusesAKeyGivenTwiceAtTheTopOfAPack() throws IOException {
        Fixtures.bankWith(null, dir);
        String pack = Files.readString(dir.resolve("sql.json"));
        Files.writeString(dir.resolve("sql.json"), pack.replaceFirst("\\{", "{\"step\": \"sql\","));

        assertThat(new BankLoader().load(dir).problems())
                .map(Problem::message)
                .singleElement()
                .asString()
                .startsWith("malformed JSON: Duplicate field 'step'");
    }

    @Test
    void acceptsAByteOrderMark() throws IOException {
        Fixtures.bankWith(null, dir);
        byte[] body = Files.readAllBytes(dir.resolve("sql.json"));
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(dir.resolve("sql.json"), withBom);

        assertThat(new BankLoader().load(dir).problems()).isEmpty();
    }
}
