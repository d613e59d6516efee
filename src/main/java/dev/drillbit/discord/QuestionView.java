package dev.drillbit.discord;

import dev.drillbit.bank.DisplayLimits;
import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.QuestionText;
import dev.drillbit.quiz.Owner;
import dev.drillbit.quiz.QuizSession;
import dev.drillbit.quiz.Scoring;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Renders a quiz's current question: number out of total, step, difficulty and time limit in the title,
 * prompt and lettered options in the description, and the answer widget of its type. Also the modal for
 * typed answers and the self-grading view of open questions. Stateless and thread-safe.
 */
final class QuestionView {
    static final String PREFIX = "quiz";
    static final String TEXT_INPUT = "answer";
    static final int TYPED_ANSWER_MAX = DisplayLimits.TYPED_ANSWER;

    private final QuestionBank bank;
    private final Scoring scoring;

    QuestionView(QuestionBank bank, Scoring scoring) {
        this.bank = bank;
        this.scoring = scoring;
    }

    static ComponentId id(QuizSession session, int position, ComponentAction action) {
        return new ComponentId(PREFIX, session.id(), position, action);
    }

    MessageCreateData render(QuizSession session) {
        Question question = session.current();
        int position = session.position();
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(Style.of(question.difficulty()))
                .setTitle(title(session, question))
                .setDescription(QuestionText.body(question))
                .setFooter(footer(session, question));
        if (session.owner().isGroup()) {
            embed.addField("Answers close", Style.relative(session.deadline()), false);
            embed.addField("Answered", answered(session.answeredCount()), false);
        }
        List<ActionRow> rows = new ArrayList<>();
        rows.add(ActionRow.of(answerButtons(session, question, position)));
        if (session.owner().mode() == Owner.Mode.SOLO) {
            rows.add(ActionRow.of(
                    Button.secondary(id(session, position, QuizAction.SKIP).toString(), "Skip"),
                    Button.danger(id(session, position, QuizAction.STOP).toString(), "Stop quiz")));
        }
        return new MessageCreateBuilder()
                .setEmbeds(embed.build())
                .setComponents(rows)
                .build();
    }

    /** How many members have answered a group question, as its public message shows it. */
    static String answered(int members) {
        return switch (members) {
            case 0 -> "Nobody yet";
            case 1 -> "1 member";
            default -> members + " members";
        };
    }

    private String title(QuizSession session, Question question) {
        String number =
                session.size() == 1 ? "Question" : "Question " + (session.position() + 1) + "/" + session.size();
        return number + " · " + Style.stepTitle(bank, question.step()) + " · "
                + question.difficulty().id() + " · "
                + scoring.timeLimit(question).toSeconds() + " s";
    }

    private static String footer(QuizSession session, Question question) {
        String how = how(question);
        return session.owner().isGroup() ? how + " Everyone can answer once; results when time is up." : how;
    }

    /** How to answer a question of this type, for a footer. */
    static String how(Question question) {
        return switch (question.type()) {
            case MULTIPLE_CHOICE -> "Pick a letter.";
            case TRUE_FALSE -> "True or false?";
            case SHORT_ANSWER -> "Press \"Type your answer\" and write a few words.";
            case OPEN -> "Think your answer through (or say it out loud), then compare it with the model answer.";
        };
    }

    private static List<Button> answerButtons(QuizSession session, Question question, int position) {
        return answerButtons(question, action -> id(session, position, action));
    }

    /**
     * The answer widget of a question's type: lettered buttons, True/False, "Type your answer" (opens
     * {@link #answerModal}) or "Show model answer"; {@code id} makes each button's id from its
     * {@link AnswerAction}, which quizzes, reviews and daily runs share.
     */
    static List<Button> answerButtons(Question question, Function<AnswerAction, ComponentId> id) {
        List<Button> buttons = new ArrayList<>();
        if (question instanceof Question.MultipleChoice mc) {
            for (int i = 0; i < mc.options().size(); i++) {
                buttons.add(Button.primary(
                        id.apply(AnswerAction.choice(i)).toString(),
                        String.valueOf(Question.MultipleChoice.letter(i))));
            }
        } else if (question instanceof Question.TrueFalse) {
            buttons.add(Button.success(id.apply(AnswerAction.TRUE).toString(), "True"));
            buttons.add(Button.danger(id.apply(AnswerAction.FALSE).toString(), "False"));
        } else if (question instanceof Question.ShortAnswer) {
            buttons.add(Button.primary(id.apply(AnswerAction.TYPE).toString(), "Type your answer"));
        } else {
            buttons.add(Button.primary(id.apply(AnswerAction.SHOW).toString(), "Show model answer"));
        }
        return buttons;
    }

    /** The modal a typed answer is written in; its submission carries the question's id. */
    static Modal answerModal(ComponentId id) {
        TextInput input = TextInput.create(TEXT_INPUT, TextInputStyle.SHORT)
                .setPlaceholder("A term, a number or a command")
                .setRequiredRange(1, TYPED_ANSWER_MAX)
                .build();
        return Modal.create(id.with(AnswerAction.TEXT).toString(), "Your answer")
                .addComponents(Label.of("Answer", input))
                .build();
    }

    /** An open question with its model answer and key points, and the three self-grade buttons. */
    MessageCreateData modelAnswer(QuizSession session, Question.Open question, int position) {
        return modelAnswer(title(session, question), question, action -> id(session, position, action));
    }

    /** The self-grading view of an open question under {@code title}; shared by quizzes and daily runs. */
    static MessageCreateData modelAnswer(String title, Question.Open question, Function<AnswerAction, ComponentId> id) {
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(Style.of(question.difficulty()))
                .setTitle(title)
                .setDescription(QuestionText.body(question))
                .addField("Model answer", question.modelAnswer(), false)
                .addField("Key points", QuestionText.keyPoints(question.keyPoints()), false)
                .setFooter("How much of this did your answer cover?");
        return new MessageCreateBuilder()
                .setEmbeds(embed.build())
                .setComponents(ActionRow.of(
                        Button.danger(id.apply(AnswerAction.MISSED_IT).toString(), "Missed it"),
                        Button.secondary(id.apply(AnswerAction.PARTLY).toString(), "Partly"),
                        Button.success(id.apply(AnswerAction.NAILED_IT).toString(), "Nailed it")))
                .build();
    }
}
