package dev.drillbit.e2e;

import static dev.drillbit.testsupport.BotHarness.TIMEOUT;
import static dev.drillbit.testsupport.BotHarness.button;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.discord.AnswerAction;
import dev.drillbit.discord.FlagAction;
import dev.drillbit.playground.LocalAttachment;
import dev.drillbit.playground.LocalChannel;
import dev.drillbit.playground.LocalMember;
import dev.drillbit.playground.LocalMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A server's own packs through the real bot and the stand-in: an attachment downloaded from the stand-in's
 * CDN, a good pack served by a quiz, a bad pack answered with its positions, a member refused, and members'
 * reports pausing a server question.
 */
class PacksEndToEndTest extends EndToEndTest {

    private static String question(String id, boolean answer) {
        return """
                    {"id": "%s", "type": "true_false", "difficulty": "junior",
                     "prompt": "Is statement %s about our study group's topic true?", "answer": %s,
                     "explanation": "Because the study group's notes say so, and the notes cite the docs.",
                     "source": "https://example.org/notes/%s"}""".formatted(id, id, answer, id);
    }

    private static String pack(String step, String... questions) {
        return "{\n  \"step\": \"" + step + "\",\n  \"questions\": [\n" + String.join(",\n", questions) + "\n  ]\n}\n";
    }

    private LocalAttachment file(String name, String json) {
        return h.discord.attach(name, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private LocalMessage importPack(LocalMember member, LocalChannel room, LocalAttachment file) {
        return h.discord
                .slash(member, room, "pack import", Map.of("file", file))
                .awaitReply(TIMEOUT);
    }

    @Test
    @DisplayName("an admin imports a good pack from an attachment; a quiz on its own step serves its questions")
    void goodPackIsServed() {
        // GIVEN
        LocalChannel room = room("pack-good");
        LocalAttachment file = file("kafka.json", pack("kafka-basics", question("k-1", true), question("k-2", false)));

        // WHEN
        LocalMessage imported = importPack(h.carol, room, file);
        LocalMessage quiz = h.discord
                .slash(h.alice, room, "quiz start", Map.of("step", "kafka-basics", "source", "server", "count", 2))
                .awaitReply(TIMEOUT);

        // THEN
        assertThat(imported.isEphemeral()).isTrue();
        assertThat(imported.content())
                .startsWith("Imported the pack for `kafka-basics` (a step of this server's own): 2 questions.");
        assertThat(title(quiz)).startsWith("Question 1/2 · kafka-basics · junior");
        assertThat(description(quiz)).contains("about our study group's topic true?");
        assertThat(h.discord
                        .slash(h.alice, room, "pack list")
                        .awaitReply(TIMEOUT)
                        .content())
                .contains("`kafka-basics` (the server's own step) · 2 questions");
    }

    @Test
    @DisplayName("a bad pack is answered with every problem at its line and column, and nothing is stored")
    void badPackIsRefusedWithPositions() {
        // GIVEN
        LocalChannel room = room("pack-bad");
        String bad = "{\n  \"step\": \"bad-pack\",\n  \"questions\": [\n    {\"id\": \"Not Kebab\", \"type\":"
                + " \"true_false\", \"difficulty\": \"expert\",\n     \"prompt\": \"p?\", \"answer\": true,"
                + " \"explanation\": \"e.\", \"source\": \"http://example.org\"}\n  ]\n}\n";

        // WHEN
        LocalMessage refused = importPack(h.carol, room, file("mine.json", bad));

        // THEN
        assertThat(refused.content())
                .contains("**mine.json** was not imported: 3 problems")
                .contains("mine.json:4:")
                .contains("kebab-case")
                .contains("\"expert\" is unknown")
                .contains("mine.json:5:");
        assertThat(h.discord
                        .slash(h.alice, room, "quiz start", Map.of("step", "bad-pack"))
                        .awaitReply(TIMEOUT)
                        .content())
                .contains("There is no roadmap step called \"bad-pack\"");
    }

    @Test
    void aMemberWithoutManageServerCannotImport() {
        // GIVEN
        LocalChannel room = room("pack-refused");

        // WHEN
        LocalMessage refused = importPack(h.bob, room, file("x.json", pack("refused-step", question("r-1", true))));

        // THEN
        assertThat(refused.content()).startsWith("Only members with the Manage Server permission");
    }

    @Test
    @DisplayName("three members report a server question: it is paused, then an admin resolves it")
    void threeReportsPauseAServerQuestion() {
        // GIVEN a pack with one question, which three members answer and report
        LocalChannel room = room("pack-flags");
        importPack(h.carol, room, file("flagged.json", pack("flagged-step", question("f-1", true))));
        LocalMessage last = null;
        for (LocalMember member : java.util.List.of(h.alice, h.bob, h.carol)) {
            LocalMessage shown = h.discord
                    .slash(member, room, "question", Map.of("step", "flagged-step", "source", "server"))
                    .awaitReply(TIMEOUT);
            LocalMessage reveal = h.discord
                    .click(member, shown, button(shown, AnswerAction.truth(true)))
                    .awaitReply(TIMEOUT);
            assertThat(title(reveal)).startsWith("✅ Right");
            LocalMessage reasons = h.discord
                    .click(member, reveal, button(reveal, FlagAction.REPORT))
                    .awaitReply(TIMEOUT);
            // WHEN
            last = h.discord
                    .click(member, reasons, button(reasons, FlagAction.TYPO))
                    .awaitReply(TIMEOUT);
            if (member == h.alice) {
                // alice adds a note in the form
                var opened = h.discord.click(member, last, button(last, FlagAction.NOTE));
                var form = opened.awaitModal(TIMEOUT);
                LocalMessage noted = h.discord
                        .submitModal(
                                member,
                                opened,
                                form.path("custom_id").asText(),
                                Map.of("note", "The prompt says Tuseday"))
                        .awaitReply(TIMEOUT);
                assertThat(noted.content()).contains("reported as **Typo** with your note");
            }
        }

        // THEN the third report paused it: no quiz draws it until carol resolves its reports
        assertThat(last.content())
                .contains("reported as **Typo**")
                .contains("3 members")
                .contains("paused");
        assertThat(h.discord
                        .slash(h.alice, room, "question", Map.of("step", "flagged-step", "source", "server"))
                        .awaitReply(TIMEOUT)
                        .content())
                .startsWith("No question of this server's packs matches");
        assertThat(h.discord
                        .slash(h.carol, room, "pack flags")
                        .awaitReply(TIMEOUT)
                        .content())
                .contains("`~f-1` · 3 members · typo 3 · **paused**")
                .contains("> The prompt says Tuseday");
        assertThat(h.discord
                        .slash(h.carol, room, "pack resolve", Map.of("question", "~f-1"))
                        .awaitReply(TIMEOUT)
                        .content())
                .startsWith("Cleared 3 reports");
        assertThat(title(h.discord
                        .slash(h.alice, room, "question", Map.of("step", "flagged-step", "source", "server"))
                        .awaitReply(TIMEOUT)))
                .contains("flagged-step");
    }
}
