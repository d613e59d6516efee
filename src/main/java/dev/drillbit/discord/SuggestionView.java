package dev.drillbit.discord;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.packs.SuggestedQuestion;
import dev.drillbit.packs.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * What member suggestions look like: the suggestion form (the same for {@code /suggest} and an admin's edit),
 * the review card with Approve / Edit, then approve / Reject, and the words for each outcome. Stateless.
 */
final class SuggestionView {
    /** The component prefix of the review buttons and forms; {@code /suggest}'s own form uses {@link #FORM}. */
    static final String PREFIX = "sugg";

    static final String FORM = "suggest";
    static final String PROMPT = "prompt";
    static final String LINES = "lines";
    static final String ANSWER = "answer";
    static final String EXPLANATION = "explanation";
    static final String SOURCE = "source";
    static final String REASON = "reason";

    private SuggestionView() {}

    /** The id of {@code /suggest}'s form: the step, and the type and difficulty as one number. */
    static ComponentId formId(String step, QuestionType type, Difficulty difficulty) {
        return new ComponentId(
                FORM,
                step,
                type.ordinal() * Difficulty.values().length + difficulty.ordinal(),
                SuggestionAction.SUBMIT);
    }

    static Optional<QuestionType> formType(ComponentId id) {
        int type = id.position() / Difficulty.values().length;
        return id.position() < 0 || type >= QuestionType.values().length
                ? Optional.empty()
                : Optional.of(QuestionType.values()[type]);
    }

    static Difficulty formDifficulty(ComponentId id) {
        return Difficulty.values()[Math.floorMod(id.position(), Difficulty.values().length)];
    }

    static ComponentId reviewId(long suggestionId, SuggestionAction action) {
        return new ComponentId(PREFIX, Long.toString(suggestionId), 0, action);
    }

    /** The form for a question of {@code type}, filled in with {@code filled} when an admin edits one. */
    static Modal form(ComponentId id, String title, QuestionType type, Optional<SuggestedQuestion> filled) {
        List<Label> inputs = new ArrayList<>();
        inputs.add(Label.of(
                "Question",
                input(
                        PROMPT,
                        TextInputStyle.PARAGRAPH,
                        2000,
                        "What should members answer?",
                        filled.map(SuggestedQuestion::prompt))));
        switch (type) {
            case MULTIPLE_CHOICE -> {
                inputs.add(Label.of(
                        "Options, one a line (2 to 5)",
                        input(
                                LINES,
                                TextInputStyle.PARAGRAPH,
                                1500,
                                "One option\nAnother option",
                                filled.map(SuggestedQuestion::lines))));
                inputs.add(Label.of(
                        "Number of the right option (1 = first)",
                        input(ANSWER, TextInputStyle.SHORT, 1, 5, "1", filled.map(SuggestedQuestion::answer))));
            }
            case TRUE_FALSE ->
                inputs.add(Label.of(
                        "Answer: true or false",
                        input(ANSWER, TextInputStyle.SHORT, 4, 5, "true", filled.map(SuggestedQuestion::answer))));
            case SHORT_ANSWER ->
                inputs.add(Label.of(
                        "Accepted answers, one a line",
                        input(
                                LINES,
                                TextInputStyle.PARAGRAPH,
                                1000,
                                "The answer\nAnother way to write it",
                                filled.map(SuggestedQuestion::lines))));
            case OPEN -> {
                inputs.add(Label.of(
                        "Key points, one a line (2 to 8)",
                        input(
                                LINES,
                                TextInputStyle.PARAGRAPH,
                                1600,
                                "A point a good answer makes",
                                filled.map(SuggestedQuestion::lines))));
                inputs.add(Label.of(
                        "A model answer",
                        input(
                                ANSWER,
                                TextInputStyle.PARAGRAPH,
                                1024,
                                "How you would answer it",
                                filled.map(SuggestedQuestion::answer))));
            }
        }
        inputs.add(Label.of(
                "Explanation: why the answer is right",
                input(
                        EXPLANATION,
                        TextInputStyle.PARAGRAPH,
                        1024,
                        "Shown after the answer",
                        filled.map(SuggestedQuestion::explanation))));
        inputs.add(Label.of(
                "Source (an https link that backs it)",
                input(SOURCE, TextInputStyle.SHORT, 500, "https://", filled.map(SuggestedQuestion::source))));
        return Modal.create(id.toString(), title).addComponents(inputs).build();
    }

    private static TextInput input(
            String id, TextInputStyle style, int max, String placeholder, Optional<String> value) {
        return input(id, style, 1, max, placeholder, value);
    }

    private static TextInput input(
            String id, TextInputStyle style, int min, int max, String placeholder, Optional<String> value) {
        TextInput.Builder b =
                TextInput.create(id, style).setRequiredRange(min, max).setPlaceholder(placeholder);
        value.filter(v -> !v.isBlank()).map(v -> Style.cut(v, max)).ifPresent(b::setValue);
        return b.build();
    }

    /** The form as sent. */
    static SuggestedQuestion read(ModalInteractionEvent event, QuestionType type, String step, String difficulty) {
        return new SuggestedQuestion(
                type,
                step,
                difficulty,
                value(event, PROMPT),
                value(event, LINES),
                value(event, ANSWER),
                value(event, EXPLANATION),
                value(event, SOURCE));
    }

    static String value(ModalInteractionEvent event, String input) {
        ModalMapping m = event.getValue(input);
        return m == null ? "" : m.getAsString();
    }

    static Modal reasonForm(long suggestionId) {
        TextInput input = TextInput.create(REASON, TextInputStyle.PARAGRAPH)
                .setRequiredRange(1, dev.drillbit.packs.Suggestions.REASON_MAX)
                .setPlaceholder("What should change, or why it does not fit")
                .build();
        return Modal.create(reviewId(suggestionId, SuggestionAction.REASON).toString(), "Reject a suggestion")
                .addComponents(Label.of("Reason (the author is told)", input))
                .build();
    }

    /** The suggestion as reviewers see it. */
    static MessageEmbed card(Suggestion s, String status) {
        SuggestedQuestion q = SuggestedQuestion.fromPack(s.json());
        StringBuilder body = new StringBuilder(Style.cut(q.prompt(), 2000));
        List<String> entries = q.entries();
        switch (q.type()) {
            case MULTIPLE_CHOICE -> {
                for (int i = 0; i < entries.size(); i++) {
                    body.append(i == 0 ? "\n\n" : "\n")
                            .append((char) ('A' + i))
                            .append(") ")
                            .append(Style.cut(entries.get(i), 300));
                }
            }
            default -> {}
        }
        String answer = switch (q.type()) {
            case MULTIPLE_CHOICE -> {
                int n = Integer.parseInt(q.answer());
                yield n >= 1 && n <= entries.size() ? (char) ('A' + n - 1) + ") " + entries.get(n - 1) : q.answer();
            }
            case TRUE_FALSE -> q.answer();
            case SHORT_ANSWER -> String.join(" · ", entries);
            case OPEN ->
                "Key points:\n"
                        + entries.stream().map(e -> "• " + e).collect(Collectors.joining("\n"))
                        + "\nModel answer: " + q.answer();
        };
        EmbedBuilder e = new EmbedBuilder()
                .setTitle(Style.cut(
                        "Suggestion #" + s.id() + " · " + s.step() + " · " + q.difficulty() + " · "
                                + q.type().id().replace('_', ' '),
                        256))
                .setDescription(body.toString())
                .setColor(Style.BRAND)
                .addField("Answer", Style.cut(answer, 1024), false)
                .addField("Explanation", Style.cut(q.explanation(), 1024), false)
                .addField("Source", Style.cut(q.source(), 1024), false)
                .addField(
                        "Suggested by",
                        (s.authorId() == 0 ? "a member who was forgotten" : Style.mention(s.authorId())) + " "
                                + Style.relative(s.suggestedAt()),
                        false);
        if (!status.isEmpty()) {
            e.addField("Review", Style.cut(status, 1024), false);
        }
        return e.build();
    }

    static ActionRow buttons(long suggestionId) {
        return ActionRow.of(
                Button.success(reviewId(suggestionId, SuggestionAction.APPROVE).toString(), "Approve"),
                Button.secondary(reviewId(suggestionId, SuggestionAction.EDIT).toString(), "Edit, then approve"),
                Button.danger(reviewId(suggestionId, SuggestionAction.REJECT).toString(), "Reject"));
    }

    /** The card of an open suggestion, with the review buttons; {@code head} is said above it. */
    static MessageCreateData review(Suggestion s, String head) {
        return new MessageCreateBuilder()
                .setContent(head)
                .setEmbeds(card(s, ""))
                .setComponents(buttons(s.id()))
                .build();
    }

    /** The card once decided: what was decided, and no buttons. */
    static MessageEditData decided(Suggestion s, String status) {
        return new MessageEditBuilder()
                .setContent("Suggestion #" + s.id() + " was "
                        + (s.status() == Suggestion.Status.APPROVED ? "approved." : "rejected."))
                .setEmbeds(card(s, status))
                .setComponents(List.of())
                .build();
    }

    static String problems(String head, List<String> problems) {
        String list =
                problems.stream().limit(12).map(p -> "• " + Style.cut(p, 250)).collect(Collectors.joining("\n"));
        return Style.cut(head + "\n" + PackText.quoted(list), 2000);
    }
}
