package dev.drillbit.learning;

import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.QuestionText;
import dev.drillbit.progress.AnswerCsv;
import java.util.ArrayList;
import java.util.List;

/**
 * A member's review deck as a CSV file Anki imports (File, Import): three columns, front, back and tags.
 * Rows follow RFC 4180 (CRLF line ends; a field holding a comma, quote, CR or LF is quoted, inner quotes
 * doubled). Before them come Anki's file headers ({@code #separator:comma}, {@code #html:false},
 * {@code #columns:Front,Back,Tags}, {@code #tags column:3}) so that Anki maps the columns without asking;
 * other CSV readers see them as one-field rows starting with {@code #}.
 *
 * <p>Front: the prompt, and for multiple choice the options as {@code A. text} lines. Back: the answer (the
 * lettered option, True/False, the accepted answers, or for open questions the model answer and the key
 * points), a blank line, the explanation, a blank line, and "Read more:" with the source. Tags: {@code drillbit}, the step id and the difficulty.
 * Cards whose question left the bank are left out. Stateless; thread-safe.
 */
public final class DeckExport {
    static final String ANKI_HEADERS =
            "#separator:comma\r\n#html:false\r\n#columns:Front,Back,Tags\r\n" + "#tags column:3\r\n";

    private DeckExport() {}

    public static String csv(QuestionBank bank, List<DeckCard> deck) {
        StringBuilder out = new StringBuilder(ANKI_HEADERS);
        for (DeckCard card : deck) {
            bank.question(card.questionId()).ifPresent(q -> {
                out.append(AnswerCsv.field(front(q)))
                        .append(',')
                        .append(AnswerCsv.field(back(q)))
                        .append(',')
                        .append(AnswerCsv.field(tags(q)))
                        .append("\r\n");
            });
        }
        return out.toString();
    }

    static String front(Question q) {
        if (!(q instanceof Question.MultipleChoice mc)) {
            return q.prompt();
        }
        StringBuilder sb = new StringBuilder(mc.prompt()).append('\n');
        for (int i = 0; i < mc.options().size(); i++) {
            sb.append('\n')
                    .append(Question.MultipleChoice.letter(i))
                    .append(". ")
                    .append(mc.options().get(i));
        }
        return sb.toString();
    }

    static String back(Question q) {
        String answer = q instanceof Question.Open open
                ? open.modelAnswer() + "\n\nKey points:\n" + QuestionText.keyPoints(open.keyPoints())
                : QuestionText.answer(q);
        return answer + "\n\n" + q.explanation() + "\n\nRead more: " + q.source();
    }

    static String tags(Question q) {
        List<String> tags =
                new ArrayList<>(List.of("drillbit", q.step(), q.difficulty().id()));
        return String.join(
                " ", tags.stream().map(t -> t.strip().replaceAll("\\s+", "_")).toList());
    }
}
