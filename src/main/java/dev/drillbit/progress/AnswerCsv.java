package dev.drillbit.progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Writes a member's answer history as CSV (RFC 4180): a header row, CRLF line ends, and a field quoted
 * with doubled inner quotes whenever it holds a comma, a quote, CR or LF. Stateless; thread-safe.
 */
public final class AnswerCsv {
    public static final List<String> HEADER = List.of(
            "event_id",
            "guild_id",
            "user_id",
            "answered_at",
            "question_id",
            "step",
            "difficulty",
            "type",
            "correct",
            "self_grade",
            "points");

    private AnswerCsv() {}

    public static void write(List<AnswerEvent> events, Appendable out) {
        try {
            row(HEADER, out);
            for (AnswerEvent e : events) {
                row(
                        List.of(
                                Long.toString(e.id()),
                                Long.toUnsignedString(e.guildId()),
                                Long.toUnsignedString(e.userId()),
                                e.at().toString(),
                                e.questionId(),
                                e.step(),
                                e.difficulty().id(),
                                e.type().id(),
                                Boolean.toString(e.correct()),
                                e.selfGrade()
                                        .map(g -> g.name().toLowerCase(Locale.ROOT))
                                        .orElse(""),
                                Integer.toString(e.points())),
                        out);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static String toCsv(List<AnswerEvent> events) {
        StringBuilder sb = new StringBuilder();
        write(events, sb);
        return sb.toString();
    }

    public static String field(String value) {
        boolean quote = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static void row(List<String> fields, Appendable out) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }
}
