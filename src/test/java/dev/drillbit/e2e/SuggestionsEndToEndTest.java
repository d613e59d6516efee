package dev.drillbit.e2e;

import static dev.drillbit.testsupport.BotHarness.TIMEOUT;
import static dev.drillbit.testsupport.BotHarness.button;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drillbit.discord.SuggestionAction;
import dev.drillbit.playground.InteractionHandle;
import dev.drillbit.playground.LocalChannel;
import dev.drillbit.playground.LocalMember;
import dev.drillbit.playground.LocalMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Members' suggestions through the real bot and the stand-in: a member's form to an admin's approval in the
 * review channel to a quiz that serves the question; a bad suggestion answered with its problems; a
 * rejection with its reason reaching the author by DM; the cap on waiting suggestions; members without
 * Manage Server refused the review.
 */
class SuggestionsEndToEndTest extends EndToEndTest {

    /** Opens {@code /suggest} and sends its form; the reply to the form. */
    private LocalMessage suggest(
            LocalMember member, LocalChannel room, String type, String step, Map<String, String> form) {
        InteractionHandle opened =
                h.discord.slash(member, room, "suggest", Map.of("type", type, "step", step, "difficulty", "mid"));
        String formId = opened.awaitModal(TIMEOUT).path("custom_id").asText();
        return h.discord.submitModal(member, opened, formId, form).awaitReply(TIMEOUT);
    }

    private static Map<String, String> choiceForm(String prompt) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("prompt", prompt);
        form.put("lines", "An index on the filtered column\nA bigger connection pool\nA longer timeout");
        form.put("answer", "1");
        form.put("explanation", "The query scans the whole table; an index lets it seek to the matching rows.");
        form.put("source", "https://www.postgresql.org/docs/current/indexes-intro.html");
        return form;
    }

    private LocalMessage directMessageTo(LocalMember member, String containing) {
        LocalChannel dm = await().atMost(TIMEOUT)
                .until(() -> h.discord.directChannel(member.user()), java.util.Optional::isPresent)
                .orElseThrow();
        return h.discord.awaitMessage(dm, m -> m.content().contains(containing), TIMEOUT);
    }

    @Test
    @DisplayName(
            "a member suggests, an admin approves in the review channel, a quiz of the server's questions serves it")
    void suggestionToApprovalToQuiz() {
        // GIVEN carol chose a review channel
        LocalChannel room = room("suggest-happy");
        LocalChannel review = room("suggest-review");
        LocalMessage set = h.discord
                .slash(h.carol, room, "suggestions channel", Map.of("channel", review))
                .awaitReply(TIMEOUT);
        assertThat(set.content()).startsWith("New suggestions will be posted in <#" + review.id() + ">");

        // WHEN bob suggests a question for a step of the server's own
        LocalMessage thanks =
                suggest(h.bob, room, "multiple_choice", "slow-queries", choiceForm("What speeds up this slow query?"));
        LocalMessage card =
                h.discord.awaitMessage(review, m -> m.content().equals("A new suggestion to review:"), TIMEOUT);
        LocalMessage refused = h.discord
                .click(h.bob, card, button(card, SuggestionAction.APPROVE))
                .awaitReply(TIMEOUT);
        LocalMessage approved = h.discord
                .click(h.carol, card, button(card, SuggestionAction.APPROVE))
                .awaitReply(TIMEOUT);

        // THEN bob was thanked, only carol could approve, the card says so, bob is told, a quiz serves it
        assertThat(thanks.isEphemeral()).isTrue();
        assertThat(thanks.content()).startsWith("Thanks! Your suggestion #").contains("for `slow-queries`");
        assertThat(card.embeds().path(0).path("title").asText()).endsWith("· slow-queries · mid · multiple choice");
        assertThat(card.embeds().path(0).path("description").asText())
                .startsWith("What speeds up this slow query?")
                .contains("A) An index on the filtered column");
        assertThat(refused.content()).startsWith("Only members with the Manage Server permission");
        assertThat(approved.id()).isEqualTo(card.id());
        assertThat(approved.customIds()).isEmpty();
        assertThat(approved.content()).matches("Suggestion #\\d+ was approved\\.");
        assertThat(approved.embeds().path(0).toString())
                .contains("Approved by <@" + h.carol.user().id() + ">")
                .contains("credited to <@" + h.bob.user().id() + ">");
        assertThat(directMessageTo(h.bob, "was approved").content())
                .contains("in **Study Group** was approved")
                .contains("pack for `slow-queries`");
        LocalMessage quiz = h.discord
                .slash(h.alice, room, "quiz start", Map.of("step", "slow-queries", "source", "server", "count", 1))
                .awaitReply(TIMEOUT);
        assertThat(title(quiz)).startsWith("Question · slow-queries · mid");
        assertThat(description(quiz)).contains("What speeds up this slow query?");
        assertThat(h.discord
                        .slash(h.carol, room, "pack list")
                        .awaitReply(TIMEOUT)
                        .content())
                .contains("`slow-queries` (the server's own step) · 1 question");
    }

    @Test
    @DisplayName("a suggestion that is not a valid question is refused with every problem and not queued")
    void badSuggestionIsRefusedWithItsProblems() {
        // GIVEN
        LocalChannel room = room("suggest-bad");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("prompt", "Is a primary key always indexed?");
        form.put("answer", "maybe");
        form.put("explanation", "PostgreSQL creates a unique index for every primary key.");
        form.put("source", "http://www.postgresql.org/docs/current/ddl-constraints.html");

        // WHEN
        LocalMessage refused = suggest(h.alice, room, "true_false", "bad-suggestion", form);

        // THEN
        assertThat(refused.isEphemeral()).isTrue();
        assertThat(refused.content())
                .startsWith("Your suggestion was not saved: 2 problems.")
                .contains("answer: write true or false, not \"maybe\"")
                .contains("source must be an https URL");
        assertThat(h.discord
                        .slash(h.carol, room, "suggestions review")
                        .awaitReply(TIMEOUT)
                        .content())
                .doesNotContain("bad-suggestion");
    }

    @Test
    @DisplayName("an admin rejects the oldest suggestion from /suggestions review with a reason; the author is told it")
    void rejectionReachesTheAuthor() {
        // GIVEN a suggestion from a new member
        LocalChannel room = room("suggest-reject");
        LocalMember rita = h.discord.member(h.guild, "rita", false);
        suggest(rita, room, "multiple_choice", "rejected-step", choiceForm("Which pool size is right?"));
        LocalMessage refusedReview =
                h.discord.slash(rita, room, "suggestions review").awaitReply(TIMEOUT);

        // WHEN carol reviews it privately and rejects it with a reason
        LocalMessage shown =
                h.discord.slash(h.carol, room, "suggestions review").awaitReply(TIMEOUT);
        while (!shown.embeds().path(0).path("description").asText().startsWith("Which pool size is right?")) {
            // older suggestions of other tests come first: approve them out of the way
            h.discord
                    .click(h.carol, shown, button(shown, SuggestionAction.APPROVE))
                    .awaitReply(TIMEOUT);
            shown = h.discord.slash(h.carol, room, "suggestions review").awaitReply(TIMEOUT);
        }
        InteractionHandle opened = h.discord.click(h.carol, shown, button(shown, SuggestionAction.REJECT));
        String formId = opened.awaitModal(TIMEOUT).path("custom_id").asText();
        LocalMessage decided = h.discord
                .submitModal(h.carol, opened, formId, Map.of("reason", "The right size depends on the workload."))
                .awaitReply(TIMEOUT);

        // THEN
        assertThat(refusedReview.content()).startsWith("Only members with the Manage Server permission");
        assertThat(shown.isEphemeral()).isTrue();
        assertThat(decided.id()).isEqualTo(shown.id());
        assertThat(decided.customIds()).isEmpty();
        assertThat(decided.content()).matches("Suggestion #\\d+ was rejected\\.");
        assertThat(decided.embeds().path(0).toString())
                .contains("Rejected by <@" + h.carol.user().id() + ">");
        assertThat(directMessageTo(rita, "was not added").content())
                .contains("> The right size depends on the workload.");
        assertThat(h.discord
                        .slash(h.alice, room, "quiz start", Map.of("step", "rejected-step"))
                        .awaitReply(TIMEOUT)
                        .content())
                .contains("There is no roadmap step called \"rejected-step\"");
    }

    @Test
    @DisplayName("a member with the most suggestions waiting is refused another, clearly")
    void capOnWaitingSuggestions() {
        // GIVEN a member with three suggestions waiting (the default cap)
        LocalChannel room = room("suggest-cap");
        LocalMember cam = h.discord.member(h.guild, "cam", false);
        for (int i = 1; i <= 3; i++) {
            assertThat(suggest(cam, room, "multiple_choice", "capped", choiceForm("Capped question " + i + "?"))
                            .content())
                    .startsWith("Thanks!");
        }

        // WHEN
        LocalMessage fourth = suggest(cam, room, "multiple_choice", "capped", choiceForm("Capped question 4?"));

        // THEN
        assertThat(fourth.content())
                .startsWith("You already have 3 suggestions waiting for review in this server, the most a member"
                        + " may have.");
    }

    @Test
    @DisplayName("an admin edits a suggestion in the form filled in with it, then approves; closed DMs fail nothing")
    void editThenApprove() {
        // GIVEN a suggestion with a typo, from a member whose DMs are closed
        LocalChannel room = room("suggest-edit");
        LocalMember ed = h.discord.member(h.guild, "ed", false);
        h.discord.closeDirectMessages(ed.user());
        suggest(ed, room, "multiple_choice", "edited-step", choiceForm("What speeds up this qeury?"));
        LocalMessage shown =
                h.discord.slash(h.carol, room, "suggestions review").awaitReply(TIMEOUT);
        while (!shown.embeds().path(0).path("description").asText().startsWith("What speeds up this qeury?")) {
            h.discord
                    .click(h.carol, shown, button(shown, SuggestionAction.APPROVE))
                    .awaitReply(TIMEOUT);
            shown = h.discord.slash(h.carol, room, "suggestions review").awaitReply(TIMEOUT);
        }

        // WHEN carol opens the edit form, fixes the prompt and sends it
        InteractionHandle opened = h.discord.click(h.carol, shown, button(shown, SuggestionAction.EDIT));
        var form = opened.awaitModal(TIMEOUT);
        Map<String, String> fixed = choiceForm("What speeds up this query?");
        LocalMessage decided = h.discord
                .submitModal(h.carol, opened, form.path("custom_id").asText(), fixed)
                .awaitReply(TIMEOUT);

        // THEN the form was filled in with the suggestion, and the edited question is what quizzes serve
        assertThat(form.toString())
                .contains("What speeds up this qeury?")
                .contains("A bigger connection pool")
                .contains("https://www.postgresql.org/docs/current/indexes-intro.html");
        assertThat(decided.id()).isEqualTo(shown.id());
        assertThat(decided.embeds().path(0).toString()).contains("(edited)");
        assertThat(description(h.discord
                        .slash(h.alice, room, "question", Map.of("step", "edited-step", "source", "server"))
                        .awaitReply(TIMEOUT)))
                .contains("What speeds up this query?");
    }

    @Test
    @DisplayName("/me forget erases the member's waiting suggestions: no review shows them any more")
    void forgetErasesWaitingSuggestions() {
        // GIVEN a member with a suggestion waiting
        LocalChannel room = room("suggest-forget");
        LocalMember fay = h.discord.member(h.guild, "fay", false);
        suggest(fay, room, "multiple_choice", "forgotten-step", choiceForm("Fay's question to be forgotten?"));

        // WHEN fay erases everything drillbit keeps about her
        LocalMessage ask = h.discord.slash(fay, room, "me forget").awaitReply(TIMEOUT);
        LocalMessage done = h.discord
                .click(fay, ask, button(ask, dev.drillbit.discord.MeAction.FORGET))
                .awaitReply(TIMEOUT);

        // THEN no waiting suggestion is hers: the review runs out without showing it
        assertThat(done.content()).startsWith("Erased everything drillbit kept about you");
        LocalMessage shown =
                h.discord.slash(h.carol, room, "suggestions review").awaitReply(TIMEOUT);
        while (!shown.customIds().isEmpty()) {
            assertThat(shown.embeds().path(0).path("description").asText())
                    .doesNotStartWith("Fay's question to be forgotten?");
            h.discord
                    .click(h.carol, shown, button(shown, SuggestionAction.APPROVE))
                    .awaitReply(TIMEOUT);
            shown = h.discord.slash(h.carol, room, "suggestions review").awaitReply(TIMEOUT);
        }
        assertThat(shown.content()).startsWith("No suggestion is waiting for review.");
    }
}
