package dev.drillbit.packs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.testsupport.ManualTime;
import dev.drillbit.testsupport.TinyBank;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Members' suggestions: checked like a pack question, capped per member, approved into the pack, rejected. */
class SuggestionsTest {
    private static final long GUILD = 100;
    private static final long MEMBER = 7;
    private static final long ADMIN = 8;

    private final ManualTime time = ManualTime.at("2026-03-01T10:00:00Z");
    private final InMemoryServerPackStore packStore = new InMemoryServerPackStore();
    private final ServerPacks packs = new ServerPacks(TinyBank.bank(), packStore, PackLimits.DEFAULT, time);
    private final InMemorySuggestionStore store = new InMemorySuggestionStore();
    private final Suggestions suggestions = new Suggestions(packs, store, 2, time);

    static SuggestedQuestion choice(String step, String prompt) {
        return new SuggestedQuestion(
                QuestionType.MULTIPLE_CHOICE,
                step,
                "junior",
                prompt,
                "A heap\nA stack\n\nA queue",
                "2",
                "Calls push frames on the call stack and pop them on return.",
                "https://example.org/call-stack");
    }

    private Suggestion queued(SuggestedQuestion question) {
        return ((Suggestions.Suggested.Queued) suggestions.suggest(GUILD, MEMBER, question)).suggestion();
    }

    @Test
    @DisplayName("a valid suggestion is stored open, as a pack of one question in the published schema")
    void queuesAValidQuestion() {
        // WHEN
        Suggestions.Suggested outcome =
                suggestions.suggest(GUILD, MEMBER, choice("study-notes", "Where do frames go?"));
        // THEN
        assertThat(outcome).isInstanceOf(Suggestions.Suggested.Queued.class);
        Suggestion s = ((Suggestions.Suggested.Queued) outcome).suggestion();
        assertThat(s.status()).isEqualTo(Suggestion.Status.OPEN);
        assertThat(s.authorId()).isEqualTo(MEMBER);
        assertThat(suggestions.open(GUILD)).containsExactly(s);
        SuggestedQuestion read = SuggestedQuestion.fromPack(s.json());
        assertThat(read.entries()).containsExactly("A heap", "A stack", "A queue");
        assertThat(read.withAnswer("2")).isEqualTo(read);
        assertThat(read.prompt()).isEqualTo("Where do frames go?");
        assertThat(read.answer()).isEqualTo("2");
    }

    @Test
    @DisplayName("an invalid suggestion is refused with every problem, named by the form's fields, and not stored")
    void refusesWithProblems() {
        // GIVEN a bad step, a single option, an answer that is no number, an http source
        SuggestedQuestion bad = new SuggestedQuestion(
                QuestionType.MULTIPLE_CHOICE,
                "Not A Step!",
                "junior",
                "Which?",
                "Only one",
                "second",
                "Because.",
                "http://example.org");
        // WHEN
        Suggestions.Suggested outcome = suggestions.suggest(GUILD, MEMBER, bad);
        // THEN
        assertThat(outcome).isInstanceOf(Suggestions.Suggested.Refused.class);
        assertThat(((Suggestions.Suggested.Refused) outcome).problems())
                .anySatisfy(p -> assertThat(p).startsWith("answer: give the number of the right option"))
                .anySatisfy(p -> assertThat(p).startsWith("options"))
                .anySatisfy(p -> assertThat(p).startsWith("source must be an https URL"))
                .anySatisfy(p -> assertThat(p).startsWith("step \"not a step!\" is not a step id"))
                .noneSatisfy(p -> assertThat(p).contains("missing"));
        assertThat(suggestions.open(GUILD)).isEmpty();
    }

    @Test
    @DisplayName("a member with the maximum of open suggestions is refused another until one is decided")
    void capsOpenSuggestionsPerMember() {
        // GIVEN
        Suggestion first = queued(choice("notes", "First?"));
        queued(choice("notes", "Second?"));
        // WHEN
        Suggestions.Suggested third = suggestions.suggest(GUILD, MEMBER, choice("notes", "Third?"));
        Suggestions.Suggested someoneElse = suggestions.suggest(GUILD, ADMIN, choice("notes", "Other?"));
        suggestions.reject(GUILD, first.id(), ADMIN, "duplicate");
        Suggestions.Suggested afterRejection = suggestions.suggest(GUILD, MEMBER, choice("notes", "Third?"));
        // THEN
        assertThat(third).isEqualTo(new Suggestions.Suggested.AtCap(2));
        assertThat(someoneElse).isInstanceOf(Suggestions.Suggested.Queued.class);
        assertThat(afterRejection).isInstanceOf(Suggestions.Suggested.Queued.class);
    }

    @Test
    @DisplayName("approving adds the question to the server's pack for its step, beside the questions there")
    void approvalJoinsTheServersPack() {
        // GIVEN a pack for the step already, and a suggestion for it
        packs.importPack(GUILD, ADMIN, "notes.json", ServerPacksTest.pack("notes", "mine-1"));
        Suggestion s = queued(choice("notes", "Where do frames go?"));
        // WHEN
        Suggestions.Decided outcome = suggestions.approve(GUILD, s.id(), ADMIN, Optional.empty());
        // THEN
        assertThat(outcome).isInstanceOf(Suggestions.Decided.Approved.class);
        Suggestion approved = ((Suggestions.Decided.Approved) outcome).suggestion();
        assertThat(approved.status()).isEqualTo(Suggestion.Status.APPROVED);
        assertThat(approved.authorId()).isEqualTo(MEMBER);
        assertThat(store.find(GUILD, s.id())).contains(approved);
        Optional<Question> served = packs.forGuild(GUILD).question(ServerIds.of(GUILD, s.questionId()));
        assertThat(served).map(Question::prompt).contains("Where do frames go?");
        assertThat(packs.forGuild(GUILD).question("g100:mine-1")).isPresent();
        assertThat(suggestions.open(GUILD)).isEmpty();
    }

    @Test
    @DisplayName("an admin's edit is checked and approved in place of what the member wrote")
    void editThenApprove() {
        // GIVEN
        Suggestion s = queued(choice("notes", "Where do framse go?"));
        // WHEN
        Suggestions.Decided invalid = suggestions.approve(
                GUILD,
                s.id(),
                ADMIN,
                Optional.of(choice("notes", "Where do frames go?").withAnswer("9")));
        Suggestions.Decided approved =
                suggestions.approve(GUILD, s.id(), ADMIN, Optional.of(choice("notes", "Where do frames go?")));
        // THEN
        assertThat(invalid).isInstanceOf(Suggestions.Decided.Invalid.class);
        assertThat(approved).isInstanceOf(Suggestions.Decided.Approved.class);
        assertThat(packs.forGuild(GUILD).question(ServerIds.of(GUILD, s.questionId())))
                .map(Question::prompt)
                .contains("Where do frames go?");
    }

    @Test
    @DisplayName("a rejection keeps the reason; a decided suggestion cannot be decided again")
    void rejectKeepsTheReason() {
        // GIVEN
        Suggestion s = queued(choice("notes", "Where do frames go?"));
        // WHEN
        Suggestions.Decided rejected = suggestions.reject(GUILD, s.id(), ADMIN, "  Already asked in sql-3  ");
        Suggestions.Decided again = suggestions.approve(GUILD, s.id(), ADMIN, Optional.empty());
        // THEN
        assertThat(((Suggestions.Decided.Rejected) rejected).suggestion().reason())
                .isEqualTo("Already asked in sql-3");
        assertThat(again).isInstanceOf(Suggestions.Decided.NotOpen.class);
        assertThat(packs.list(GUILD)).isEmpty();
        assertThat(suggestions.reject(GUILD + 1, s.id(), ADMIN, "x"))
                .isEqualTo(new Suggestions.Decided.NotOpen(Optional.empty()));
    }

    @Test
    @DisplayName("an approval the server's pack limits would break is refused and leaves the suggestion open")
    void approvalHeldToPackLimits() {
        // GIVEN a server that may hold one question, and has it
        ServerPacks small =
                new ServerPacks(TinyBank.bank(), new InMemoryServerPackStore(), new PackLimits(262_144, 1), time);
        Suggestions limited = new Suggestions(small, store, 2, time);
        small.importPack(GUILD, ADMIN, "notes.json", ServerPacksTest.pack("notes", "mine-1"));
        Suggestion s =
                ((Suggestions.Suggested.Queued) limited.suggest(GUILD, MEMBER, choice("notes", "Q?"))).suggestion();
        // WHEN
        Suggestions.Decided outcome = limited.approve(GUILD, s.id(), ADMIN, Optional.empty());
        // THEN
        assertThat(outcome).isEqualTo(new Suggestions.Decided.PackRefused(new ImportOutcome.TooMany(2, 1)));
        assertThat(limited.open(GUILD)).containsExactly(s);
    }
}
