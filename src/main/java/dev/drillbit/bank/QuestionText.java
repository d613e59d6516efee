package dev.drillbit.bank;

import java.net.URI;
import java.util.List;

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

    /** {@code body(question).length()}, counted without building it (the validator sizes every question). */
    static int bodyLength(Question question) {
        int length = question.prompt().length();
        if (question instanceof Question.MultipleChoice mc) {
            length += 1; // the blank line's second newline; each option brings its own
            for (String option : mc.options()) {
                length += "\n**A.** ".length() + option.length();
            }
        }
        return length;
    }

    /** {@code keyPoints(points).length()}, counted without building it. */
    static int keyPointsLength(List<String> points) {
        int length = Math.max(0, points.size() - 1); // the newlines between them
        for (String point : points) {
            length += "• ".length() + point.length();
        }
        return length;
    }

    /** Key points as a bulleted list, one a line. */
    public static String keyPoints(List<String> points) {
        StringBuilder out = new StringBuilder();
        for (String point : points) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append("• ").append(point);
        }
        return out.toString();
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
        return readMore(url, URI.create(url).getHost());
    }

    /** {@link #readMore(Question)} of a source whose host is already known. */
    static String readMore(String url, String host) {
        return "[" + host + "](" + url.replace("(", "%28").replace(")", "%29") + ")";
    }

    /** The most characters a reveal of this question can take in one embed, title included. */
    public static int revealSize(Question question) {
        return revealSize(question, bodyLength(question), readMore(question).length());
    }

    /** {@link #revealSize(Question)} given the lengths of {@link #body} and {@link #readMore}, already at hand. */
    static int revealSize(Question question, int bodyLength, int readMoreLength) {
        int size = DisplayLimits.EMBED_TITLE
                + FIELD_NAMES
                + VIEW_EXTRAS
                + bodyLength
                + question.explanation().length()
                + answer(question).length()
                + READ_MORE.length()
                + readMoreLength;
        if (question instanceof Question.MultipleChoice mc) {
            int why = 0;
            for (String line : mc.why()) {
                why = Math.max(why, line.length());
            }
            return size + why;
        }
        if (question instanceof Question.Open open) {
            return size + open.modelAnswer().length() + keyPointsLength(open.keyPoints());
        }
        return size;
    }
}
