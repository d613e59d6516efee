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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
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
     * <p>Lines as {@link #encode} writes them (ASCII names and strings without escapes, whole numbers without a
     * sign, no spaces) are read by a plain scan of the bytes; any other line, damaged ones included, by
     * Jackson's parser. Both fill the same fields and the same checks then build the entry, so a line reads
     * the same either way (and is refused with the same reason): the scan only ever gives up, never decides.
     *
     * @throws BadLineException with a reason fit for an operator when the line is not a valid entry
     */
    static JournalEntry decode(byte[] buf, int off, int len) throws BadLineException {
        return new Reader().decode(buf, off, len);
    }

    /**
     * {@link EntryCodec#decode} for a whole file, line after line: keeps one copy of each string value it has
     * met (question ids, steps, kinds, ...) instead of a new string per line. Not thread-safe; one per read.
     */
    static final class Reader {
        private static final int SLOTS = 1 << 13;
        private final byte[][] keys = new byte[SLOTS][];
        private final String[] values = new String[SLOTS];

        /** The fields of the line being read, reused line after line. */
        private final Fields fields = new Fields();

        JournalEntry decode(byte[] buf, int off, int len) throws BadLineException {
            fields.clear();
            if (!Scan.read(buf, off, len, fields, this)) {
                fields.clear();
                parse(buf, off, len, fields);
            }
            return fields.build();
        }

        /** The ASCII string of {@code b[from, to)}: the copy kept from an earlier line when there is one. */
        String string(byte[] b, int from, int to) {
            int h = 0;
            for (int i = from; i < to; i++) {
                h = 31 * h + b[i];
            }
            int slot = (h ^ h >>> 13) & (SLOTS - 1);
            byte[] key = keys[slot];
            if (key != null && Arrays.equals(key, 0, key.length, b, from, to)) {
                return values[slot];
            }
            String value = new String(b, from, to - from, StandardCharsets.US_ASCII);
            keys[slot] = Arrays.copyOfRange(b, from, to);
            values[slot] = value;
            return value;
        }
    }

    /** {@link #decode} by Jackson's parser alone: what the scan must agree with. */
    static JournalEntry decodeWithJackson(byte[] buf, int off, int len) throws BadLineException {
        Fields fields = new Fields();
        parse(buf, off, len, fields);
        return fields.build();
    }

    private static void parse(byte[] buf, int off, int len, Fields f) throws BadLineException {
        try (JsonParser p = JSON.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadLineException("not a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "id" -> f.id = longValue(p, v, name);
                    case "kind" -> f.kind = p.getValueAsString();
                    case "guild" -> f.guild = longValue(p, v, name);
                    case "user" -> f.user = longValue(p, v, name);
                    case "question" -> f.question = p.getValueAsString();
                    case "step" -> f.step = p.getValueAsString();
                    case "difficulty" -> f.difficulty = p.getValueAsString();
                    case "type" -> f.type = p.getValueAsString();
                    case "grade" -> f.grade = p.getValueAsString();
                    case "correct" -> {
                        if (!v.isBoolean()) {
                            throw new BadLineException("\"correct\" is not true or false");
                        }
                        f.correct = v == JsonToken.VALUE_TRUE;
                    }
                    case "rating" -> f.rating = p.getValueAsString();
                    case "on" -> {
                        if (!v.isBoolean()) {
                            throw new BadLineException("\"on\" is not true or false");
                        }
                        f.on = v == JsonToken.VALUE_TRUE;
                    }
                    case "elapsed" -> f.elapsed = nonNegative(longValue(p, v, name), name);
                    case "limit" -> f.limit = nonNegative(longValue(p, v, name), name);
                    case "choice" -> f.choice = nonNegative(longValue(p, v, name), name);
                    case "day" -> f.day = longValue(p, v, name);
                    case "points" -> f.points = (int) longValue(p, v, name);
                    case "at" -> f.at = longValue(p, v, name);
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new BadLineException("not a single JSON object");
            }
        } catch (IOException e) { // a reason thrown above too: it reads "malformed JSON (not a JSON object)"
            throw new BadLineException("malformed JSON (" + firstLine(e.getMessage()) + ")");
        }
    }

    /** What a line says, field by field, before it is checked and built. Not thread-safe; one per line. */
    private static final class Fields {
        long id;
        long guild;
        long user;
        long at;
        int points;
        String kind;
        String question;
        String step;
        String difficulty;
        String type;
        String grade;
        String rating;
        Boolean correct;
        Boolean on;
        long elapsed;
        long limit;
        long choice;
        long day;

        Fields() {
            clear();
        }

        /** Back to what a line that says nothing gives: every field absent. */
        void clear() {
            id = -1;
            guild = -1;
            user = -1;
            at = Long.MIN_VALUE;
            points = -1;
            kind = null;
            question = null;
            step = null;
            difficulty = null;
            type = null;
            grade = null;
            rating = null;
            correct = null;
            on = null;
            elapsed = -1;
            limit = -1;
            choice = -1;
            day = Long.MIN_VALUE;
        }

        JournalEntry build() throws BadLineException {
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
    }

    /**
     * The plain scan of a line as {@link #encode} writes it: one flat object of names and values, where a
     * value is a whole number without sign or leading zero (at most 18 digits), {@code true}, {@code false}
     * or a string of printable ASCII without escapes, and nothing else is on the line. Each value goes where
     * Jackson's reading puts it; a name Jackson's reading would skip is skipped. Whatever else it meets (a
     * space, an escape, a sign, a number of the wrong kind for its name, a value of the wrong kind, ...), it
     * gives up and returns false, leaving the line to Jackson's parser, which reads or refuses it. Stateless.
     */
    private static final class Scan {
        private static final byte[][] NAMES = names(
                "id",
                "kind",
                "guild",
                "user",
                "question",
                "step",
                "difficulty",
                "type",
                "grade",
                "correct",
                "rating",
                "on",
                "elapsed",
                "limit",
                "choice",
                "day",
                "points",
                "at");

        private Scan() {}

        private static byte[][] names(String... names) {
            byte[][] out = new byte[names.length][];
            for (int i = 0; i < names.length; i++) {
                out[i] = names[i].getBytes(StandardCharsets.US_ASCII);
            }
            return out;
        }

        static boolean read(byte[] b, int off, int len, Fields f, Reader reader) {
            int end = off + len;
            int i = off;
            if (len < 2 || b[i] != '{' || b[end - 1] != '}') {
                return false;
            }
            i++;
            while (true) {
                // "name":
                if (i >= end || b[i] != '"') {
                    return false;
                }
                int nameStart = ++i;
                while (i < end && plain(b[i])) {
                    i++;
                }
                if (i + 1 >= end || b[i] != '"' || b[i + 1] != ':') {
                    return false;
                }
                int name = name(b, nameStart, i);
                i += 2;
                // the value
                if (i >= end) {
                    return false;
                }
                byte c = b[i];
                int valueStart = i;
                long number = -1;
                int kind; // 0 number, 1 true, 2 false, 3 string
                if (c >= '0' && c <= '9') {
                    if (c == '0' && i + 1 < end && b[i + 1] >= '0' && b[i + 1] <= '9') {
                        return false; // a leading zero: Jackson's to refuse
                    }
                    number = 0;
                    while (i < end && b[i] >= '0' && b[i] <= '9') {
                        number = number * 10 + (b[i] - '0');
                        i++;
                    }
                    if (i - valueStart > 18) {
                        return false;
                    }
                    kind = 0;
                } else if (c == 't' && matches(b, i, end, "true")) {
                    i += 4;
                    kind = 1;
                } else if (c == 'f' && matches(b, i, end, "false")) {
                    i += 5;
                    kind = 2;
                } else if (c == '"') {
                    i++;
                    while (i < end && plain(b[i])) {
                        i++;
                    }
                    if (i >= end || b[i] != '"') {
                        return false;
                    }
                    i++;
                    kind = 3;
                } else {
                    return false;
                }
                if (!put(f, name, kind, number, kind == 3 ? reader.string(b, valueStart + 1, i - 1) : null)) {
                    return false;
                }
                // , or the closing brace at the very end
                if (i == end - 1) {
                    return true; // b[end - 1] is '}'
                }
                if (i >= end || b[i] != ',') {
                    return false;
                }
                i++;
            }
        }

        /** Printable ASCII other than the quote and the backslash: a string byte that stands for itself. */
        private static boolean plain(byte c) {
            return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
        }

        private static boolean matches(byte[] b, int i, int end, String word) {
            if (i + word.length() > end) {
                return false;
            }
            for (int k = 0; k < word.length(); k++) {
                if (b[i + k] != word.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        /** The index in {@link #NAMES} of the name in {@code b[from, to)}, or -1 for a name not there. */
        private static int name(byte[] b, int from, int to) {
            int n = to - from;
            if (n < 2 || n > 10) {
                return -1;
            }
            byte first = b[from];
            for (int t = 0; t < NAMES.length; t++) {
                byte[] name = NAMES[t];
                if (name.length == n && name[0] == first && same(name, b, from)) {
                    return t;
                }
            }
            return -1;
        }

        private static boolean same(byte[] name, byte[] b, int from) {
            for (int k = 1; k < name.length; k++) {
                if (name[k] != b[from + k]) {
                    return false;
                }
            }
            return true;
        }

        /** Puts one value where Jackson's reading would; false when it is of a kind only Jackson can judge. */
        private static boolean put(Fields f, int name, int kind, long number, String value) {
            switch (name) {
                case 0, 2, 3, 12, 13, 14, 15, 16, 17 -> { // whole numbers
                    if (kind != 0) {
                        return false;
                    }
                    switch (name) {
                        case 0 -> f.id = number;
                        case 2 -> f.guild = number;
                        case 3 -> f.user = number;
                        case 12 -> f.elapsed = number;
                        case 13 -> f.limit = number;
                        case 14 -> f.choice = number;
                        case 15 -> f.day = number;
                        case 16 -> f.points = (int) number;
                        default -> f.at = number;
                    }
                    return true;
                }
                case 1, 4, 5, 6, 7, 8, 10 -> { // strings
                    if (kind != 3) {
                        return false;
                    }
                    switch (name) {
                        case 1 -> f.kind = value;
                        case 4 -> f.question = value;
                        case 5 -> f.step = value;
                        case 6 -> f.difficulty = value;
                        case 7 -> f.type = value;
                        case 8 -> f.grade = value;
                        default -> f.rating = value;
                    }
                    return true;
                }
                case 9, 11 -> { // true or false
                    if (kind != 1 && kind != 2) {
                        return false;
                    }
                    if (name == 9) {
                        f.correct = kind == 1;
                    } else {
                        f.on = kind == 1;
                    }
                    return true;
                }
                default -> {
                    return true; // a name this build does not know: skipped, as Jackson's reading skips it
                }
            }
        }
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
