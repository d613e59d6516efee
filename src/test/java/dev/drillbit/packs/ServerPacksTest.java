package dev.drillbit.packs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.Problem;
import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.QuestionFilter;
import dev.drillbit.bank.QuestionSource;
import dev.drillbit.testsupport.ManualTime;
import dev.drillbit.testsupport.TinyBank;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A server's packs: import (checked, limited), the bank each server sees, export, remove, restart. */
class ServerPacksTest {
    private static final long GUILD = 100;
    private static final long OTHER = 200;
    private static final long ADMIN = 7;

    private final QuestionBank shipped = TinyBank.bank();
    private final InMemoryServerPackStore store = new InMemoryServerPackStore();
    private final ManualTime time = ManualTime.at("2026-03-01T10:00:00Z");

    private ServerPacks packs(PackLimits limits) {
        return new ServerPacks(shipped, store, limits, time);
    }

    private ServerPacks packs() {
        return packs(PackLimits.DEFAULT);
    }

    static String question(String id) {
        return """
                {"id": "%s", "type": "true_false", "difficulty": "junior",
                 "prompt": "Is %s true?", "answer": true,
                 "explanation": "It is true because the test says so.",
                 "source": "https://example.org/%s"}""".formatted(id, id, id);
    }

    static byte[] pack(String step, String... ids) {
        StringBuilder json = new StringBuilder("{\n  \"step\": \"" + step + "\",\n  \"questions\": [\n");
        for (int i = 0; i < ids.length; i++) {
            json.append(question(ids[i])).append(i + 1 < ids.length ? ",\n" : "\n");
        }
        return json.append("  ]\n}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("an imported pack's questions join the server's bank under namespaced ids, not other servers'")
    void importServesTheServerOnly() {
        // GIVEN
        ServerPacks packs = packs();
        // WHEN
        ImportOutcome outcome = packs.importPack(GUILD, ADMIN, "a.json", pack("a", "mine-1", "mine-2"));
        // THEN
        assertThat(outcome).isEqualTo(new ImportOutcome.Imported("a", 2, false, false, 2));
        assertThat(packs.forGuild(GUILD).question("g100:mine-1")).isPresent();
        assertThat(packs.forGuild(GUILD).questions())
                .hasSize(shipped.questions().size() + 2);
        assertThat(packs.forGuild(OTHER)).isSameAs(shipped);
    }

    @Test
    @DisplayName("the source filter draws the shipped questions, the server's, or both")
    void sourceFilter() {
        // GIVEN
        ServerPacks packs = packs();
        packs.importPack(GUILD, ADMIN, "a.json", pack("a", "mine-1"));
        QuestionBank bank = packs.forGuild(GUILD);
        // WHEN
        List<Question> server = bank.questions(QuestionFilter.ANY.withSource(QuestionSource.SERVER));
        List<Question> shippedOnly = bank.questions(QuestionFilter.ANY.withSource(QuestionSource.SHIPPED));
        // THEN
        assertThat(server).extracting(Question::id).containsExactly("g100:mine-1");
        assertThat(shippedOnly).hasSize(shipped.questions().size());
    }

    @Test
    @DisplayName("a pack for a step the roadmap lacks makes that step the server's own")
    void ownStep() {
        // GIVEN
        ServerPacks packs = packs();
        // WHEN
        ImportOutcome outcome = packs.importPack(GUILD, ADMIN, "x.json", pack("kafka-basics", "k-1"));
        // THEN
        assertThat(outcome).isEqualTo(new ImportOutcome.Imported("kafka-basics", 1, false, true, 1));
        assertThat(packs.forGuild(GUILD).step("kafka-basics")).isPresent();
        assertThat(shipped.step("kafka-basics")).isEmpty();
    }

    @Test
    @DisplayName("a bad pack is refused with every problem and its line and column; nothing is stored")
    void badPackRefused() {
        // GIVEN
        ServerPacks packs = packs();
        String bad = "{\n  \"step\": \"a\",\n  \"questions\": [\n    {\"id\": \"Bad Id\", \"type\": \"true_false\","
                + " \"difficulty\": \"expert\",\n     \"prompt\": \"p\", \"answer\": true, \"explanation\": \"e\","
                + " \"source\": \"http://x.org\"}\n  ]\n}\n";
        // WHEN
        ImportOutcome outcome = packs.importPack(GUILD, ADMIN, "mine.json", bad.getBytes(StandardCharsets.UTF_8));
        // THEN
        assertThat(outcome).isInstanceOf(ImportOutcome.Refused.class);
        List<Problem> problems = ((ImportOutcome.Refused) outcome).problems();
        assertThat(problems)
                .extracting(Problem::render)
                .anySatisfy(p -> assertThat(p).startsWith("mine.json:4:").contains("kebab-case"))
                .anySatisfy(p -> assertThat(p).startsWith("mine.json:4:").contains("\"expert\" is unknown"))
                .anySatisfy(p -> assertThat(p).startsWith("mine.json:5:").contains("https"));
        assertThat(store.puts()).isZero();
        assertThat(packs.forGuild(GUILD)).isSameAs(shipped);
    }

    @Test
    void malformedJsonIsRefusedWithItsPosition() {
        // GIVEN
        ServerPacks packs = packs();
        // WHEN
        ImportOutcome outcome = packs.importPack(
                GUILD, ADMIN, "p.json", "{\n  \"step\": \"a\",\n  oops\n}".getBytes(StandardCharsets.UTF_8));
        // THEN
        assertThat(((ImportOutcome.Refused) outcome).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.render()).startsWith("p.json:3:").contains("malformed JSON"));
    }

    @Test
    void anIdTwiceInOnePackIsRefused() {
        // GIVEN
        ServerPacks packs = packs();
        // WHEN
        ImportOutcome outcome = packs.importPack(GUILD, ADMIN, "p.json", pack("a", "same", "same"));
        // THEN
        assertThat(((ImportOutcome.Refused) outcome).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("\"same\" is used twice"));
    }

    @Test
    void aPackOverTheSizeLimitIsRefusedUnread() {
        // GIVEN
        byte[] bytes = pack("a", "q-1");
        ServerPacks packs = packs(new PackLimits(bytes.length - 1, 10));
        // WHEN
        ImportOutcome outcome = packs.importPack(GUILD, ADMIN, "p.json", bytes);
        // THEN
        assertThat(outcome).isEqualTo(new ImportOutcome.TooLarge(bytes.length, bytes.length - 1));
        assertThat(store.puts()).isZero();
    }

    @Test
    @DisplayName("the question limit counts every pack of the server, except the one being replaced")
    void questionLimit() {
        // GIVEN
        ServerPacks packs = packs(new PackLimits(100_000, 3));
        packs.importPack(GUILD, ADMIN, "a.json", pack("a", "q-1", "q-2"));
        // WHEN
        ImportOutcome tooMany = packs.importPack(GUILD, ADMIN, "b.json", pack("b", "q-3", "q-4"));
        ImportOutcome replacing = packs.importPack(GUILD, ADMIN, "a.json", pack("a", "q-1", "q-2", "q-5"));
        // THEN
        assertThat(tooMany).isEqualTo(new ImportOutcome.TooMany(4, 3));
        assertThat(replacing).isEqualTo(new ImportOutcome.Imported("a", 3, true, false, 3));
    }

    @Test
    @DisplayName("export gives back the uploaded text exactly; after remove the questions are gone")
    void exportAndRemove() {
        // GIVEN
        ServerPacks packs = packs();
        byte[] bytes = pack("a", "q-1");
        packs.importPack(GUILD, ADMIN, "a.json", bytes);
        // WHEN
        String exported = packs.export(GUILD, "a").orElseThrow();
        boolean removed = packs.remove(GUILD, "a");
        // THEN
        assertThat(exported).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
        assertThat(removed).isTrue();
        assertThat(packs.forGuild(GUILD).question("g100:q-1")).isEmpty();
        assertThat(packs.list(GUILD)).isEmpty();
        assertThat(packs.remove(GUILD, "a")).isFalse();
    }

    @Test
    @DisplayName("after a restart the server's bank is what it was")
    void restart() {
        // GIVEN
        packs().importPack(GUILD, ADMIN, "a.json", pack("a", "q-1"));
        // WHEN
        ServerPacks reopened = packs();
        // THEN
        assertThat(reopened.forGuild(GUILD).question("g100:q-1")).isPresent();
        assertThat(reopened.list(GUILD)).singleElement().satisfies(p -> {
            assertThat(p.step()).isEqualTo("a");
            assertThat(p.questions()).isEqualTo(1);
            assertThat(p.importedBy()).isEqualTo(ADMIN);
            assertThat(p.importedAt()).isEqualTo(time.instant());
        });
    }

    @Test
    @DisplayName("a paused question leaves the server's bank while it is paused, and comes back after")
    void pausedQuestionsAreNotDrawn() {
        // GIVEN
        java.util.Set<String> paused = new java.util.concurrent.CopyOnWriteArraySet<>();
        ServerPacks packs =
                new ServerPacks(shipped, store, PackLimits.DEFAULT, time, guild -> java.util.Set.copyOf(paused));
        packs.importPack(GUILD, ADMIN, "a.json", pack("a", "q-1", "q-2"));
        // WHEN
        paused.add("g100:q-1");
        QuestionBank whilePaused = packs.forGuild(GUILD);
        paused.clear();
        QuestionBank after = packs.forGuild(GUILD);
        // THEN
        assertThat(whilePaused.question("g100:q-1")).isEmpty();
        assertThat(whilePaused.question("g100:q-2")).isPresent();
        assertThat(after.question("g100:q-1")).isPresent();
    }

    @Test
    void forgettingTheImporterKeepsThePackButNotTheirName() {
        // GIVEN
        ServerPacks packs = packs();
        packs.importPack(GUILD, ADMIN, "a.json", pack("a", "q-1"));
        // WHEN
        packs.forget(GUILD, ADMIN);
        // THEN
        assertThat(packs.list(GUILD))
                .singleElement()
                .satisfies(p -> assertThat(p.importedBy()).isZero());
        assertThat(store.all())
                .singleElement()
                .satisfies(p -> assertThat(p.importedBy()).isZero());
        assertThat(packs.forGuild(GUILD).question("g100:q-1")).isPresent();
    }
}
