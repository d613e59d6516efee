package dev.drillbit.storage.flatfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionSource;
import dev.drillbit.daily.DailyRepository;
import dev.drillbit.daily.DailyRun;
import dev.drillbit.daily.DailySchedule;
import dev.drillbit.daily.GroupStreak;
import dev.drillbit.daily.RunAnswer;
import dev.drillbit.daily.RunStatus;
import dev.drillbit.daily.ScheduleId;
import dev.drillbit.storage.AtomicFile;
import dev.drillbit.storage.DataFileException;
import dev.drillbit.storage.DirectoryLock;
import dev.drillbit.storage.FormatVersions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The daily quizzes' files in {@code <data>/daily/}, format version 1. Every file is JSON written whole by
 * {@link AtomicFile} (temp file, force, atomic rename, directory force), so a file is always the old or
 * the new version, never torn; any damage is therefore fatal and reported as a {@link DataFileException}
 * naming the file and, for JSON errors, the line. Files are never changed on a failed read.
 *
 * <pre>
 * daily/
 *   schedules.json          {"format":"drillbit-daily-schedules","version":1,"schedules":[...],
 *                            "groups":[{guild, channel, streak_current, streak_best, streak_last, last_report}],
 *                            "rotation":[{guild, seen:[question ids]}]}
 *   runs/&lt;guild&gt;-&lt;channel&gt;-&lt;yyyy-mm-dd&gt;.json
 *                           {"format":"drillbit-daily-run","version":1, id, guild, channel, date, questions,
 *                            scheduled_at, started_at, closes_at, late, status, failure, answers:[...]}
 *   daily.lock              held while a scheduler has the directory open
 * </pre>
 * Not thread-safe: the scheduler calls it under its lock.
 */
public final class FlatFileDailyRepository implements DailyRepository {
    static final String SCHEDULES = "schedules.json";
    static final String RUNS = "runs";
    public static final String LOCK = "daily.lock";
    static final String SCHEDULES_FORMAT = "drillbit-daily-schedules";
    static final String RUN_FORMAT = "drillbit-daily-run";
    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final Path runs;
    private DirectoryLock lock;

    private FlatFileDailyRepository(Path dir) {
        this.dir = dir;
        this.runs = dir.resolve(RUNS);
    }

    /**
     * Opens the daily files in {@code dir} (created if missing) and locks the folder.
     *
     * @throws UncheckedIOException when the folder cannot be created or locked
     * @throws IllegalStateException when another repository (in this or another process) has it open
     */
    public static FlatFileDailyRepository open(Path dir) {
        FlatFileDailyRepository repository = new FlatFileDailyRepository(dir);
        try {
            repository.createDirectories();
            repository.lock = DirectoryLock.acquire(
                    dir.resolve(LOCK),
                    "another process has the daily quizzes in " + dir + " open",
                    "the daily quizzes in " + dir + " are already open in this process");
        } catch (IOException e) {
            throw new UncheckedIOException("opening the daily quiz files in " + dir + " failed", e);
        }
        return repository;
    }

    @Override
    public void close() {
        if (lock != null) {
            lock.release();
            lock = null;
        }
    }

    /** Reads the state and every run, then deletes the temp files a crash left behind. */
    @Override
    public Stored load() throws IOException {
        State state = readState();
        List<DailyRun> all = readRuns();
        deleteLeftovers();
        return new Stored(state, all);
    }

    @Override
    public String toString() {
        return dir.toString();
    }

    Path dir() {
        return dir;
    }

    Path schedulesFile() {
        return dir.resolve(SCHEDULES);
    }

    Path runFile(String runId) {
        return runs.resolve(runId + ".json");
    }

    void createDirectories() throws IOException {
        Files.createDirectories(runs);
    }

    // ---- schedules.json ------------------------------------------------------------------------------

    @Override
    public void writeState(State state) throws IOException {
        ObjectNode root = header(SCHEDULES_FORMAT);
        ArrayNode schedules = root.putArray("schedules");
        state.schedules().values().forEach(s -> schedules.add(schedule(s)));
        ArrayNode groups = root.putArray("groups");
        state.groups().forEach((id, g) -> {
            ObjectNode n = groups.addObject();
            n.put("guild", id.guildId());
            n.put("channel", id.channelId());
            n.put("streak_current", g.streak().current());
            n.put("streak_best", g.streak().best());
            n.put(
                    "streak_last",
                    g.streak().lastCounted().map(LocalDate::toString).orElse(null));
            n.put("last_report", g.lastReport().map(LocalDate::toString).orElse(null));
        });
        ArrayNode rotation = root.putArray("rotation");
        state.seen().forEach((guild, seen) -> {
            ObjectNode n = rotation.addObject();
            n.put("guild", guild);
            ArrayNode ids = n.putArray("seen");
            seen.stream().sorted().forEach(ids::add);
        });
        AtomicFile.write(schedulesFile(), bytes(root));
    }

    State readState() throws IOException {
        State state = State.empty();
        Path file = schedulesFile();
        if (!Files.exists(file)) {
            return state;
        }
        JsonNode root = parse(file);
        FormatVersions.check(file, root, SCHEDULES_FORMAT, VERSION);
        Reader r = new Reader(file);
        for (JsonNode n : r.array(root, "schedules")) {
            DailySchedule s = r.schedule(n);
            if (state.schedules().put(s.id(), s) != null) {
                throw new DataFileException(
                        file, 0, "schedule " + s.id() + " appears twice; the file was left " + "untouched");
            }
        }
        for (JsonNode n : r.array(root, "groups")) {
            ScheduleId id = new ScheduleId(r.longField(n, "guild"), r.longField(n, "channel"));
            GroupStreak streak = new GroupStreak(
                    r.intField(n, "streak_current"),
                    r.intField(n, "streak_best"),
                    r.optional(n, "streak_last", LocalDate::parse));
            state.groups().put(id, new GroupState(streak, r.optional(n, "last_report", LocalDate::parse)));
        }
        for (JsonNode n : r.array(root, "rotation")) {
            Set<String> seen = new LinkedHashSet<>();
            r.array(n, "seen").forEach(q -> seen.add(q.asText()));
            state.seen().put(r.longField(n, "guild"), seen);
        }
        return state;
    }

    private static ObjectNode schedule(DailySchedule s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("guild", s.guildId());
        n.put("channel", s.channelId());
        n.put("time", s.time().toString());
        n.put("zone", s.zone().getId());
        ArrayNode days = n.putArray("days");
        EnumSet.copyOf(s.days()).forEach(d -> days.add(dayName(d)));
        ArrayNode steps = n.putArray("steps");
        s.steps().stream().sorted().forEach(steps::add);
        n.put("difficulty", s.difficulty().map(Difficulty::id).orElse(null));
        n.put("count", s.count());
        if (s.pingRole().isPresent()) {
            n.put("ping_role", s.pingRole().getAsLong());
        } else {
            n.putNull("ping_role");
        }
        n.put("window_minutes", s.window().toMinutes());
        n.put("group_minimum", s.groupMinimum());
        n.put("report_day", s.reportDay().map(FlatFileDailyRepository::dayName).orElse(null));
        n.put("set_by", s.setBy());
        n.put("since", s.since().toString());
        n.put("source", s.source().id());
        return n;
    }

    static String dayName(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }

    // ---- runs ----------------------------------------------------------------------------------------

    @Override
    public void writeRun(DailyRun run) throws IOException {
        ObjectNode n = header(RUN_FORMAT);
        n.put("id", run.id());
        n.put("guild", run.guildId());
        n.put("channel", run.channelId());
        n.put("date", run.date().toString());
        ArrayNode questions = n.putArray("questions");
        run.questionIds().forEach(questions::add);
        n.put("scheduled_at", run.scheduledAt().toString());
        n.put("started_at", run.startedAt().toString());
        n.put("closes_at", run.closesAt().toString());
        n.put("late", run.late());
        n.put("status", run.status().name().toLowerCase(Locale.ROOT));
        n.put("failure", run.failure().orElse(null));
        ArrayNode answers = n.putArray("answers");
        for (RunAnswer a : run.answers()) {
            ObjectNode o = answers.addObject();
            o.put("user", a.userId());
            o.put("position", a.position());
            o.put("question", a.questionId());
            o.put("step", a.step());
            o.put("correct", a.correct());
            o.put("points", a.points());
            o.put("at", a.at().toString());
        }
        AtomicFile.write(runFile(run.id()), bytes(n));
    }

    /** Every run file; leftover temp files from a crash are deleted (they were never committed). */
    List<DailyRun> readRuns() throws IOException {
        List<DailyRun> out = new ArrayList<>();
        if (!Files.isDirectory(runs)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(runs)) {
            files = list.sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(AtomicFile.TMP)) {
                continue;
            }
            if (!name.endsWith(".json")) {
                continue;
            }
            DailyRun run = readRun(file);
            if (!(run.id() + ".json").equals(name)) {
                throw new DataFileException(
                        file, 0, "holds run " + run.id() + " but is named " + name + "; the file was left untouched");
            }
            out.add(run);
        }
        return out;
    }

    /** Deletes temp files a crash left behind; called once the real files have all been read. */
    void deleteLeftovers() throws IOException {
        AtomicFile.delete(dir.resolve(SCHEDULES + AtomicFile.TMP));
        if (Files.isDirectory(runs)) {
            try (Stream<Path> list = Files.list(runs)) {
                for (Path p : list.filter(p -> p.getFileName().toString().endsWith(AtomicFile.TMP))
                        .toList()) {
                    AtomicFile.delete(p);
                }
            }
        }
    }

    @Override
    public void deleteRun(String runId) throws IOException {
        AtomicFile.delete(runFile(runId));
    }

    private DailyRun readRun(Path file) throws IOException {
        JsonNode n = parse(file);
        FormatVersions.check(file, n, RUN_FORMAT, VERSION);
        Reader r = new Reader(file);
        List<String> questions = new ArrayList<>();
        r.array(n, "questions").forEach(q -> questions.add(q.asText()));
        List<RunAnswer> answers = new ArrayList<>();
        for (JsonNode a : r.array(n, "answers")) {
            answers.add(new RunAnswer(
                    r.longField(a, "user"),
                    r.intField(a, "position"),
                    r.text(a, "question"),
                    r.text(a, "step"),
                    r.bool(a, "correct"),
                    r.intField(a, "points"),
                    r.value(a, "at", Instant::parse)));
        }
        RunStatus status = r.value(n, "status", s -> RunStatus.valueOf(s.toUpperCase(Locale.ROOT)));
        return new DailyRun(
                r.text(n, "id"),
                new ScheduleId(r.longField(n, "guild"), r.longField(n, "channel")),
                r.value(n, "date", LocalDate::parse),
                questions,
                r.value(n, "scheduled_at", Instant::parse),
                r.value(n, "started_at", Instant::parse),
                r.value(n, "closes_at", Instant::parse),
                r.bool(n, "late"),
                status,
                r.optional(n, "failure", Function.identity()),
                answers);
    }

    // ---- shared --------------------------------------------------------------------------------------

    private static ObjectNode header(String format) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("format", format);
        n.put("version", VERSION);
        return n;
    }

    private static byte[] bytes(ObjectNode node) throws JsonProcessingException {
        return (MAPPER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode parse(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        if (content.length == 0) {
            throw new DataFileException(
                    file,
                    0,
                    "the file is empty; it is written whole, so it was damaged after "
                            + "writing. Start-up stopped and the file was left untouched: restore it from a backup or move "
                            + "it aside");
        }
        try {
            JsonNode node = MAPPER.readTree(content);
            if (node == null || !node.isObject()) {
                throw new DataFileException(
                        file, 1, "not a JSON object; start-up stopped and the file was left " + "untouched");
            }
            return node;
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new DataFileException(
                    file,
                    line,
                    "not valid JSON (" + e.getOriginalMessage() + "); it is "
                            + "written whole, so it was damaged after writing. Start-up stopped and the file was left "
                            + "untouched: restore it from a backup or move it aside",
                    e);
        }
    }

    /** Reads fields, naming the file and field in every complaint. */
    private static final class Reader {
        private final Path file;

        Reader(Path file) {
            this.file = file;
        }

        private DataFileException bad(String field, String why) {
            return new DataFileException(
                    file,
                    0,
                    "field \"" + field + "\" " + why + "; start-up stopped and the " + "file was left untouched");
        }

        JsonNode field(JsonNode n, String name) {
            JsonNode v = n.get(name);
            if (v == null || v.isNull()) {
                throw bad(name, "is missing");
            }
            return v;
        }

        Iterable<JsonNode> array(JsonNode n, String name) {
            JsonNode v = field(n, name);
            if (!v.isArray()) {
                throw bad(name, "is not a list");
            }
            return v;
        }

        long longField(JsonNode n, String name) {
            JsonNode v = field(n, name);
            if (!v.canConvertToLong() || !v.isIntegralNumber()) {
                throw bad(name, "is not a whole number (" + v + ")");
            }
            return v.longValue();
        }

        int intField(JsonNode n, String name) {
            JsonNode v = field(n, name);
            if (!v.canConvertToInt() || !v.isIntegralNumber()) {
                throw bad(name, "is not a whole number (" + v + ")");
            }
            return v.intValue();
        }

        boolean bool(JsonNode n, String name) {
            JsonNode v = field(n, name);
            if (!v.isBoolean()) {
                throw bad(name, "is not true or false (" + v + ")");
            }
            return v.booleanValue();
        }

        String text(JsonNode n, String name) {
            JsonNode v = field(n, name);
            if (!v.isTextual()) {
                throw bad(name, "is not text (" + v + ")");
            }
            return v.textValue();
        }

        <T> T value(JsonNode n, String name, Function<String, T> parse) {
            String text = text(n, name);
            try {
                return parse.apply(text);
            } catch (RuntimeException e) {
                throw bad(name, "has an unreadable value \"" + text + "\"");
            }
        }

        <T> Optional<T> optional(JsonNode n, String name, Function<String, T> parse) {
            JsonNode v = n.get(name);
            return v == null || v.isNull() ? Optional.empty() : Optional.of(value(n, name, parse));
        }

        DailySchedule schedule(JsonNode n) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (JsonNode d : array(n, "days")) {
                days.add(day(d.asText(), "days"));
            }
            Set<String> steps = new LinkedHashSet<>();
            array(n, "steps").forEach(s -> steps.add(s.asText()));
            Optional<Difficulty> difficulty =
                    optional(n, "difficulty", d -> Difficulty.fromId(d).orElseThrow());
            JsonNode role = n.get("ping_role");
            OptionalLong pingRole =
                    role == null || role.isNull() ? OptionalLong.empty() : OptionalLong.of(longField(n, "ping_role"));
            try {
                return new DailySchedule(
                        new ScheduleId(longField(n, "guild"), longField(n, "channel")),
                        value(n, "time", LocalTime::parse),
                        value(n, "zone", ZoneId::of),
                        days,
                        steps,
                        difficulty,
                        intField(n, "count"),
                        pingRole,
                        Duration.ofMinutes(longField(n, "window_minutes")),
                        intField(n, "group_minimum"),
                        optional(n, "report_day", d -> day(d, "report_day")),
                        longField(n, "set_by"),
                        value(n, "since", Instant::parse),
                        // absent in files written before server packs: both, as those schedules drew
                        optional(n, "source", s -> QuestionSource.fromId(s).orElseThrow())
                                .orElse(QuestionSource.BOTH));
            } catch (IllegalArgumentException | DateTimeException e) {
                throw new DataFileException(
                        file,
                        0,
                        "schedule " + n.path("guild") + "-" + n.path("channel") + " is not valid (" + e.getMessage()
                                + "); start-up stopped and the file was left untouched");
            }
        }

        private DayOfWeek day(String name, String field) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (dayName(d).equals(name)) {
                    return d;
                }
            }
            throw bad(field, "names no weekday (\"" + name + "\")");
        }
    }
}
