package dev.drillbit.storage.flatfile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.learning.Rating;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.ForgetEvent;
import dev.drillbit.progress.JournalEntry;
import dev.drillbit.progress.ReminderEvent;
import dev.drillbit.progress.ReviewEvent;
import dev.drillbit.quiz.SelfGrade;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Turns journal entries into single JSON lines and back. Encoding is hand-written (no reflection, one
 * {@link StringBuilder}); decoding uses Jackson's streaming parser over the line's bytes. Stateless and
 * thread-safe.
 *
 * <p>Line format (version 2), one object per line, {@code at} in epoch milliseconds:
 * <pre>
 * {"id":7,"kind":"answer","guild":1,"user":2,"question":"sql-001","step":"sql","difficulty":"mid",
 *  "type":"multiple_choice","correct":false,"points":0,"at":1767225600000,"elapsed":4200,"limit":30000,"choice":2}
 * {"id":8,"kind":"forget","guild":1,"user":2,"at":1767225600000}
 * {"id":9,"kind":"review","guild":1,"user":2,"question":"sql-003","rating":"hard","at":1767225600000}
 * {"id":10,"kind":"reminder","guild":1,"user":2,"on":true,"at":1767225600000}
 * </pre>
 * Version 1 had only {@code answer} (without {@code elapsed}, {@code limit}, {@code choice}; {@code grade}
 * only for open questions) and {@code forget}; every version 1 line is a valid version 2 line with the
 * optional fields absent, which is the whole migration. Unknown fields are skipped.
 */
final class EntryCodec {
    static final JsonFactory JSON = JsonFactory.builder().build();

    private EntryCodec() {}

    /** Appends the entry as one line, newline included. */
    static void encode(JournalEntry entry, StringBuilder out) {
        if (entry instanceof AnswerEvent a) {
            out.append("{\"id\":")
                    .append(a.id())
                    .append(",\"kind\":\"answer\",\"guild\":")
                    .append(a.guildId())
                    .append(",\"user\":")
                    .append(a.userId())
                    .append(",\"question\":");
            string(a.questionId(), out);
            out.append(",\"step\":");
            string(a.step(), out);
            out.append(",\"difficulty\":\"")
                    .append(a.difficulty().id())
                    .append("\",\"type\":\"")
                    .append(a.type().id())
                    .append("\",\"correct\":")
                    .append(a.correct());
            a.selfGrade()
                    .ifPresent(
                            g -> out.append(",\"grade\":\"").append(gradeId(g)).append('"'));
            out.append(",\"points\":").append(a.points()).append(",\"at\":").append(a.at().toEpochMilli());
            a.elapsedMillis().ifPresent(e -> out.append(",\"elapsed\":").append(e));
            a.limitMillis().ifPresent(l -> out.append(",\"limit\":").append(l));
            a.choice().ifPresent(c -> out.append(",\"choice\":").append(c));
            a.day().ifPresent(d -> out.append(",\"day\":").append(d));
            out.append("}\n");
        } else if (entry instanceof ForgetEvent f) {
            out.append("{\"id\":")
                    .append(f.id())
                    .append(",\"kind\":\"forget\",\"guild\":")
                    .append(f.guildId())
                    .append(",\"user\":")
                    .append(f.userId())
                    .append(",\"at\":")
                    .append(f.at().toEpochMilli())
                    .append("}\n");
        } else if (entry instanceof ReviewEvent r) {
            out.append("{\"id\":")
                    .append(r.id())
                    .append(",\"kind\":\"review\",\"guild\":")
                    .append(r.guildId())
                    .append(",\"user\":")
                    .append(r.userId())
                    .append(",\"question\":");
            string(r.questionId(), out);
            out.append(",\"rating\":\"")
                    .append(ratingId(r.rating()))
                    .append("\",\"at\":")
                    .append(r.at().toEpochMilli())
                    .append("}\n");
        } else if (entry instanceof ReminderEvent m) {
            out.append("{\"id\":")
                    .append(m.id())
                    .append(",\"kind\":\"reminder\",\"guild\":")
                    .append(m.guildId())
                    .append(",\"user\":")
                    .append(m.userId())
                    .append(",\"on\":")
                    .append(m.on())
                    .append(",\"at\":")
                    .append(m.at().toEpochMilli())
                    .append("}\n");
        }
    }

    static String ratingId(Rating rating) {
        return rating.name().toLowerCase(Locale.ROOT);
    }

    static String gradeId(SelfGrade grade) {
        return grade.name().toLowerCase(Locale.ROOT);
    }

    static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * Reads one line (without its newline).
     *
     * @throws BadLineException with a reason fit for an operator when the line is not a valid entry
     */
    static JournalEntry decode(byte[] buf, int off, int len) throws BadLineException {
        long id = -1;
        long guild = -1;
        long user = -1;
        long at = Long.MIN_VALUE;
        int points = -1;
        String kind = null;
        String question = null;
        String step = null;
        String difficulty = null;
        String type = null;
        String grade = null;
        String rating = null;
        Boolean correct = null;
        Boolean on = null;
        long elapsed = -1;
        long limit = -1;
        long choice = -1;
        long day = Long.MIN_VALUE;
        try (JsonParser p = JSON.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadLineException("not a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "id" -> id = longValue(p, v, name);
                    case "kind" -> kind = p.getValueAsString();
                    case "guild" -> guild = longValue(p, v, name);
                    case "user" -> user = longValue(p, v, name);
                    case "question" -> question = p.getValueAsString();
                    case "step" -> step = p.getValueAsString();
                    case "difficulty" -> difficulty = p.getValueAsString();
                    case "type" -> type = p.getValueAsString();
                    case "grade" -> grade = p.getValueAsString();
                    case "correct" -> {
                        if (!v.isBoolean()) {
                            throw new BadLineException("\"correct\" is not true or false");
                        }
                        correct = v == JsonToken.VALUE_TRUE;
                    }
                    case "rating" -> rating = p.getValueAsString();
                    case "on" -> {
                        if (!v.isBoolean()) {
                            throw new BadLineException("\"on\" is not true or false");
                        }
                        on = v == JsonToken.VALUE_TRUE;
                    }
                    case "elapsed" -> elapsed = nonNegative(longValue(p, v, name), name);
                    case "limit" -> limit = nonNegative(longValue(p, v, name), name);
                    case "choice" -> choice = nonNegative(longValue(p, v, name), name);
                    case "day" -> day = longValue(p, v, name);
                    case "points" -> points = (int) longValue(p, v, name);
                    case "at" -> at = longValue(p, v, name);
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new BadLineException("not a single JSON object");
            }
        } catch (IOException e) {
            throw new BadLineException("malformed JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (id <= 0) {
            throw new BadLineException("missing or invalid \"id\"");
        }
        if (guild < 0 || user < 0 || at == Long.MIN_VALUE) {
            throw new BadLineException("missing \"guild\", \"user\" or \"at\"");
        }
        if ("forget".equals(kind)) {
            return new ForgetEvent(id, guild, user, Instant.ofEpochMilli(at));
        }
        if ("review".equals(kind)) {
            if (question == null || rating == null) {
                throw new BadLineException("review without \"question\" or \"rating\"");
            }
            Rating r;
            try {
                r = Rating.valueOf(rating.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadLineException("unknown rating " + rating);
            }
            return new ReviewEvent(id, guild, user, question, r, Instant.ofEpochMilli(at));
        }
        if ("reminder".equals(kind)) {
            if (on == null) {
                throw new BadLineException("reminder without \"on\"");
            }
            return new ReminderEvent(id, guild, user, on, Instant.ofEpochMilli(at));
        }
        if (!"answer".equals(kind)) {
            throw new BadLineException("unknown kind " + kind);
        }
        if (question == null || step == null || correct == null || points < 0) {
            throw new BadLineException("answer without \"question\", \"step\", \"correct\" or \"points\"");
        }
        Difficulty d = Difficulty.fromId(String.valueOf(difficulty)).orElse(null);
        if (d == null) {
            throw new BadLineException("unknown difficulty " + difficulty);
        }
        QuestionType qt = QuestionType.fromId(String.valueOf(type)).orElse(null);
        if (qt == null) {
            throw new BadLineException("unknown question type " + type);
        }
        Optional<SelfGrade> g = Optional.empty();
        if (grade != null) {
            try {
                g = Optional.of(SelfGrade.valueOf(grade.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new BadLineException("unknown self-grade " + grade);
            }
        }
        if (limit == 0 || choice > Integer.MAX_VALUE) {
            throw new BadLineException("\"limit\" is 0 or \"choice\" is out of range");
        }
        if (day != Long.MIN_VALUE && (day < Integer.MIN_VALUE + 1 || day > Integer.MAX_VALUE)) {
            throw new BadLineException("\"day\" is out of range");
        }
        return new AnswerEvent(
                id,
                guild,
                user,
                question,
                step,
                d,
                qt,
                correct,
                g,
                points,
                Instant.ofEpochMilli(at),
                elapsed < 0 ? OptionalLong.empty() : OptionalLong.of(elapsed),
                limit < 0 ? OptionalLong.empty() : OptionalLong.of(limit),
                choice < 0 ? OptionalInt.empty() : OptionalInt.of((int) choice),
                day == Long.MIN_VALUE ? OptionalInt.empty() : OptionalInt.of((int) day));
    }

    private static long longValue(JsonParser p, JsonToken v, String name) throws IOException {
        if (v != JsonToken.VALUE_NUMBER_INT) {
            throw new BadLineException("\"" + name + "\" is not a whole number");
        }
        return p.getLongValue();
    }

    private static long nonNegative(long value, String name) throws BadLineException {
        if (value < 0) {
            throw new BadLineException("\"" + name + "\" is negative");
        }
        return value;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "no detail";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** A line that is not a valid entry; the message says why. */
    static final class BadLineException extends IOException {
        BadLineException(String reason) {
            super(reason);
        }
    }
}
