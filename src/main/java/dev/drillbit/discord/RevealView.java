package dev.drillbit.discord;

import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.QuestionText;
import dev.drillbit.quiz.AnswerOutcome;
import dev.drillbit.quiz.AnswerRecord;
import dev.drillbit.quiz.Owner;
import dev.drillbit.quiz.QuizSession;
import dev.drillbit.quiz.Response;
import dev.drillbit.quiz.Reveal;
import dev.drillbit.quiz.Verdict;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Renders the answer to a question: for one member right after they answer, and for a group when the
 * question closes, with who got it right. The layout stays within what the bank's validator sized
 * ({@link QuestionText#revealSize}). Stateless and thread-safe.
 */
final class RevealView {
    private static final int NAMES_MAX = 900;

    private final QuestionBank bank;

    RevealView(QuestionBank bank) {
        this.bank = bank;
    }

    /** A member's own answer revealed, with Next or See results in a solo quiz. */
    MessageCreateData answered(QuizSession session, int position, AnswerOutcome.Answered answered) {
        EmbedBuilder embed = answeredEmbed(
                answered.question(),
                answered.response(),
                answered.verdict(),
                answered.late()
                        ? " · answered after the time limit, no points"
                        : " · +" + answered.points() + " points");
        MessageCreateBuilder message = new MessageCreateBuilder().setEmbeds(embed.build());
        Button report = FlagView.reportButton(answered.question());
        if (session.owner().mode() == Owner.Mode.SOLO) {
            String label = position == session.size() - 1 ? "See results" : "Next question";
            message.setComponents(ActionRow.of(
                    Button.primary(
                            QuestionView.id(session, position, QuizAction.NEXT).toString(), label),
                    report));
        } else {
            message.setComponents(ActionRow.of(report));
        }
        return message.build();
    }

    /** {@link #answeredEmbed} for an answer counted in a quiz or review. */
    static EmbedBuilder answerEmbed(AnswerOutcome.Answered answered, String suffix) {
        return answeredEmbed(answered.question(), answered.response(), answered.verdict(), suffix);
    }

    /**
     * A member's answer judged: verdict and what they gave in the title (followed by {@code points}), the
     * question, the right answer (shown whether they got it or not), why their option was wrong, the
     * explanation and the source to read more. Shared with daily runs and reviews.
     */
    static EmbedBuilder answeredEmbed(Question question, Response response, Verdict verdict, String points) {
        boolean right = verdict.correct();
        String label = right ? "✅ Right" : verdict.credit() > 0 ? "🟡 Partly" : "❌ Not quite";
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(right ? Style.RIGHT : Style.WRONG)
                .setTitle(Style.cut(label + " — " + given(question, response) + points, 256))
                .setDescription(QuestionText.body(question));
        if (question.type() != dev.drillbit.bank.QuestionType.OPEN) {
            embed.addField("Answer", QuestionText.answer(question), false);
        }
        verdict.note().ifPresent(note -> embed.addField("Note", note, false));
        if (!right
                && question instanceof Question.MultipleChoice mc
                && response instanceof Response.Choice c
                && !mc.why().isEmpty()) {
            embed.addField(
                    "Why not " + Question.MultipleChoice.letter(c.index()),
                    mc.why().get(c.index()),
                    false);
        }
        embed.addField("Explanation", question.explanation(), false);
        return readMore(embed, question);
    }

    /** Adds the link to the question's source, the last thing read about it; sized by the bank's validator. */
    static EmbedBuilder readMore(EmbedBuilder embed, Question question) {
        return embed.addField(QuestionText.READ_MORE, QuestionText.readMore(question), false);
    }

    private static String given(Question question, Response response) {
        if (response instanceof Response.Choice c) {
            return "you chose " + Question.MultipleChoice.letter(c.index());
        }
        if (response instanceof Response.Truth t) {
            return "you said " + (t.value() ? "true" : "false");
        }
        if (response instanceof Response.Text t) {
            return "you wrote \"" + MarkdownSanitizer.escape(Style.cut(t.value().strip(), 100)) + "\"";
        }
        return "you graded yourself \"" + ((Response.Graded) response).grade().label() + "\"";
    }

    /** A group question at its close: the right answer, the explanation and who got it right. */
    MessageCreateData closed(QuizSession session, Reveal reveal) {
        Question question = reveal.question();
        List<AnswerRecord> right =
                reveal.answers().stream().filter(a -> a.verdict().correct()).toList();
        String title = "Time's up · Question " + (reveal.position() + 1) + "/" + session.size() + " · "
                + Style.stepTitle(bank, question.step());
        return new MessageCreateBuilder()
                .setEmbeds(closedEmbed(
                                title,
                                question,
                                right.stream()
                                        .map(a -> new Credit(a.userId(), a.points()))
                                        .toList(),
                                reveal.answers().size())
                        .build())
                .build();
    }

    /** A member who got a question right, with the points it earned. */
    record Credit(long userId, int points) {}

    /**
     * A closed question under {@code title}: the question, the right (or model) answer, the explanation,
     * the source to read more, and who of {@code answered} got it right. Shared with daily runs; sized by the bank's validator.
     */
    static EmbedBuilder closedEmbed(String title, Question question, List<Credit> right, int answered) {
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(Style.NEUTRAL)
                .setTitle(Style.cut(title, 256))
                .setDescription(QuestionText.body(question));
        if (question instanceof Question.Open open) {
            embed.addField("Model answer", open.modelAnswer(), false);
        } else {
            embed.addField("Answer", QuestionText.answer(question), false);
        }
        embed.addField("Explanation", question.explanation(), false);
        readMore(embed, question);
        embed.addField(right.size() + " of " + answered + " got it right", names(right), false);
        return embed;
    }

    private static String names(List<Credit> right) {
        if (right.isEmpty()) {
            return "Nobody this time.";
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < right.size(); i++) {
            String next = (i == 0 ? "" : ", ") + Style.mention(right.get(i).userId()) + " (+"
                    + right.get(i).points() + ")";
            if (names.length() + next.length() > NAMES_MAX) {
                return names + " and " + (right.size() - i) + " more";
            }
            names.append(next);
        }
        return names.toString();
    }
}
