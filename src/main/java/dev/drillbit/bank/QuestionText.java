package dev.drillbit.bank;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a question's text is laid out when shown: the one place both the validator (which checks that
 * it fits Discord's limits) and the renderers (which show it) take the layout from. Stateless.
 */
public final class QuestionText {
    /** Room kept for field names ("Explanation", "Why not C", …) when sizing a reveal. */
    private static final int FIELD_NAMES = 100;
    /**
     * Room kept for what a view adds beside the question itself, the largest of: a member's typed answer in
     * an interview (a 1024-character field and a "Checked" line), who got it right at a group's close (at
     * most about 930 characters), a note on a typo, a review card's due date and footer.
     */
    private static final int VIEW_EXTRAS = 1100;
    /** The name of the field that links a question's source, shown after the reveal. */
    public static final String READ_MORE = "Read more";

    private QuestionText() {}

    /** The prompt, followed for multiple choice by one line per option: {@code **A.** text}. */
    public static String body(Question question) {
        if (!(question instanceof Question.MultipleChoice mc)) {
            return question.prompt();
        }
        StringBuilder body = new StringBuilder(mc.prompt()).append('\n');
        for (int i = 0; i < mc.options().size(); i++) {
            body.append("\n**")
                    .append(Question.MultipleChoice.letter(i))
                    .append(".** ")
                    .append(mc.options().get(i));
        }
        return body.toString();
    }

    /** Key points as a bulleted list, one a line. */
    public static String keyPoints(List<String> points) {
        return points.stream().map(p -> "• " + p).collect(Collectors.joining("\n"));
    }

    /** The right answer in words: the lettered option, True/False, or the first accepted answer. */
    public static String answer(Question question) {
        if (question instanceof Question.MultipleChoice mc) {
            return Question.MultipleChoice.letter(mc.answer()) + ". "
                    + mc.options().get(mc.answer());
        }
        if (question instanceof Question.TrueFalse tf) {
            return tf.answer() ? "True" : "False";
        }
        if (question instanceof Question.ShortAnswer sa) {
            return String.join(" / ", sa.accept());
        }
        return "See the model answer";
    }

    /**
     * The {@link #READ_MORE} link to the question's source, as Markdown: the host as the link's text, so a
     * member sees where it leads. Parentheses in the URL are percent-encoded so they cannot end the link.
     */
    public static String readMore(Question question) {
        String url = question.source();
        String host = URI.create(url).getHost();
        return "[" + host + "](" + url.replace("(", "%28").replace(")", "%29") + ")";
    }

    /** The most characters a reveal of this question can take in one embed, title included. */
    public static int revealSize(Question question) {
        int size = DisplayLimits.EMBED_TITLE
                + FIELD_NAMES
                + VIEW_EXTRAS
                + body(question).length()
                + question.explanation().length()
                + answer(question).length()
                + READ_MORE.length()
                + readMore(question).length();
        if (question instanceof Question.MultipleChoice mc) {
            return size + mc.why().stream().mapToInt(String::length).max().orElse(0);
        }
        if (question instanceof Question.Open open) {
            return size
                    + open.modelAnswer().length()
                    + keyPoints(open.keyPoints()).length();
        }
        return size;
    }
}
