package dev.drillbit.bank;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads and validates a question directory: {@code roadmap.json} plus one {@code <step>.json} pack per
 * step. Every problem in every file is collected, so one run shows an author all of them. Stateless and
 * thread-safe.
 */
public final class BankLoader {

    /** The outcome of a load: a bank when there are no problems, otherwise every problem found. */
    public record Result(Optional<QuestionBank> bank, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * A pack uploaded on its own (a server's pack): what it holds when it has no problem, otherwise every
     * problem, each naming {@code name} as its file. Checked exactly as a pack in a question folder is, except
     * that the file's name says nothing about its step. Immutable.
     */
    public record Upload(Optional<String> step, List<Question> questions, List<Problem> problems) {
        public Upload {
            questions = List.copyOf(questions);
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Checks one uploaded pack ({@code bytes}, strict UTF-8 JSON in the published pack schema). */
    public Upload checkUpload(String name, byte[] bytes) {
        Path file = Path.of(name.isBlank() ? "pack.json" : name);
        List<Problem> problems = new ArrayList<>();
        Optional<FileCheck> parsed = parse(file, bytes, problems);
        if (parsed.isEmpty()) {
            return new Upload(Optional.empty(), List.of(), problems);
        }
        FileCheck check = parsed.get();
        PackFile.Pack read = PackFile.read(check, null);
        List<Question> questions = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Question question : read.questions()) {
            if (!ids.add(question.id())) {
                check.problem(
                        findLast(check, question.id()),
                        "question id \"" + question.id() + "\" is used twice in this pack; ids must be unique");
            } else {
                questions.add(question);
            }
        }
        return problems.isEmpty()
                ? new Upload(read.step(), questions, problems)
                : new Upload(Optional.empty(), List.of(), problems);
    }

    private static String findLast(FileCheck check, String id) {
        var list = check.root().path("questions");
        for (int i = list.size() - 1; i >= 0; i--) {
            if (id.equals(list.get(i).path("id").asText())) {
                return "$.questions[" + i + "].id";
            }
        }
        return "$";
    }

    public Result load(Path dir) {
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new Problem(
                    dir,
                    0,
                    0,
                    "$",
                    "no such directory; point questionsDir or the command line"
                            + " at the folder that holds roadmap.json"));
            return new Result(Optional.empty(), problems);
        }
        Path roadmapPath = dir.resolve(RoadmapFile.NAME);
        List<RoadmapStep> steps = new ArrayList<>();
        java.util.Set<String> known = new java.util.HashSet<>();
        if (!Files.isRegularFile(roadmapPath)) {
            problems.add(new Problem(roadmapPath, 0, 0, "$", "missing: every question folder needs its roadmap"));
        } else {
            parse(roadmapPath, problems).map(RoadmapFile::read).ifPresent(roadmap -> {
                steps.addAll(roadmap.steps());
                known.addAll(roadmap.declaredIds());
            });
        }

        List<Question> questions = new ArrayList<>();
        Map<String, Path> idOwners = new HashMap<>();
        List<Path> packs = packs(dir, problems);
        try (ReadAhead ahead = new ReadAhead(packs)) {
            checkPacks(packs, ahead, known, idOwners, questions, problems);
        }
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        return new Result(Optional.of(new QuestionBank(steps, questions)), problems);
    }

    private static void checkPacks(
            List<Path> packs,
            ReadAhead ahead,
            java.util.Set<String> known,
            Map<String, Path> idOwners,
            List<Question> questions,
            List<Problem> problems) {
        for (Path pack : packs) {
            String name = pack.getFileName().toString();
            String expectedStep = name.substring(0, name.length() - ".json".length());
            Optional<FileCheck> parsed = ahead.next().check(pack, problems);
            if (parsed.isEmpty()) {
                continue;
            }
            FileCheck check = parsed.get();
            PackFile.Pack read = PackFile.read(check, expectedStep);
            if (read.step().isPresent() && !known.contains(read.step().get()) && !known.isEmpty()) {
                check.problem(
                        "$.step",
                        "the pack is for step \"" + read.step().get()
                                + "\", which roadmap.json does not have; add the step there or fix the name");
                continue;
            }
            for (int i = 0; i < read.questions().size(); i++) {
                Question question = read.questions().get(i);
                Path owner = idOwners.putIfAbsent(question.id(), pack);
                if (owner != null) {
                    check.problem(
                            findId(check, question.id()),
                            "question id \"" + question.id() + "\" is already used in " + owner
                                    + "; ids must be unique across the bank");
                } else {
                    questions.add(question);
                }
            }
        }
    }

    private static String findId(FileCheck check, String id) {
        var list = check.root().path("questions");
        for (int i = 0; i < list.size(); i++) {
            if (id.equals(list.get(i).path("id").asText())) {
                return "$.questions[" + i + "].id";
            }
        }
        return "$";
    }

    private static List<Path> packs(Path dir, List<Problem> problems) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().equals(RoadmapFile.NAME))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(new Problem(dir, 0, 0, "$", "cannot list the folder: " + e.getMessage()));
            return List.of();
        }
    }

    /**
     * What the reading thread made of one pack: its bytes and, for a good file, its tree; or why it could not
     * be read. Immutable.
     */
    private record Read(byte[] bytes, Optional<LocatedJson> good, IOException failure, Throwable crash) {
        /** The file's check, or empty with its problems recorded: as {@link #parse(Path, List)} would. */
        Optional<FileCheck> check(Path file, List<Problem> problems) {
            if (crash instanceof RuntimeException e) {
                throw e;
            }
            if (crash instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                problems.add(new Problem(file, 0, 0, "$", "cannot read the file: " + failure.getMessage()));
                return Optional.empty();
            }
            if (good.isPresent()) {
                return Optional.of(new FileCheck(file, good.get(), problems));
            }
            return parse(file, bytes, problems); // the slow way, which says exactly what is wrong
        }

        static Read of(Path file) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                return new Read(null, Optional.empty(), e, null);
            }
            int start = bomLength(bytes);
            Optional<LocatedJson> good = Utf8.wellFormed(bytes, start, bytes.length)
                    ? LocatedJson.parseGood(bytes, start)
                    : Optional.empty();
            return new Read(bytes, good, null, null);
        }
    }

    /**
     * Reads and parses the packs on a second thread, one or two ahead of the checks, which take about as
     * long again: start-up loads the bank once, cold, and has more than one core. The checks run on the
     * caller's thread, in file order, so problems are found and listed exactly as on one thread. Not
     * thread-safe; one per load.
     */
    private static final class ReadAhead implements AutoCloseable {
        private final java.util.concurrent.BlockingQueue<Read> reads;
        private final java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();

        ReadAhead(List<Path> files) {
            reads = new java.util.concurrent.ArrayBlockingQueue<>(Math.max(1, Math.min(2, files.size())));
            if (files.isEmpty()) {
                return;
            }
            Thread reader = new Thread(
                    () -> {
                        for (Path file : files) {
                            Read read;
                            try {
                                read = Read.of(file);
                            } catch (Throwable e) { // thrown on the caller's thread, as on one thread
                                read = new Read(null, Optional.empty(), null, e);
                            }
                            try {
                                while (!reads.offer(read, 10, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                                    if (stop.get()) {
                                        return;
                                    }
                                }
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "bank-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** Stops the reading thread if the checks ended early (a failure); it holds nothing open. */
        @Override
        public void close() {
            stop.set(true);
            reads.clear();
        }

        /** The next file's read, in the order given. */
        Read next() {
            try {
                return reads.take();
            } catch (InterruptedException e) {
                stop.set(true);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading the question bank", e);
            }
        }
    }

    /** Reads a file as strict UTF-8 JSON; on failure records the problem and returns empty. */
    private static Optional<FileCheck> parse(Path file, List<Problem> problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(new Problem(file, 0, 0, "$", "cannot read the file: " + e.getMessage()));
            return Optional.empty();
        }
        return parse(file, bytes, problems);
    }

    private static Optional<FileCheck> parse(Path file, byte[] bytes, List<Problem> problems) {
        int start = bomLength(bytes);
        if (Utf8.wellFormed(bytes, start, bytes.length)) {
            Optional<LocatedJson> good = LocatedJson.parseGood(bytes, start);
            if (good.isPresent()) {
                return Optional.of(new FileCheck(file, good.get(), problems));
            }
        }
        // Something is wrong with the file: decode and parse it the slow way, which says exactly what.
        Optional<String> text = utf8(file, bytes, problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().isBlank()) {
            problems.add(new Problem(file, 0, 0, "$", "the file is empty; it must hold a JSON object"));
            return Optional.empty();
        }
        try {
            LocatedJson json = LocatedJson.parse(text.get());
            return Optional.of(new FileCheck(file, json, problems));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            problems.add(new Problem(
                    file, Math.max(line, 0), Math.max(column, 0), "$", "malformed JSON: " + e.getOriginalMessage()));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(new Problem(file, 0, 0, "$", "cannot read the file: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static int bomLength(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                ? 3
                : 0;
    }

    private static Optional<String> utf8(Path file, byte[] bytes, List<Problem> problems) {
        int start = bomLength(bytes);
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            problems.add(new Problem(
                    file,
                    line,
                    offset - lineStart + 1,
                    "$",
                    String.format(
                            "the file is not UTF-8: byte 0x%02X at offset %d cannot be decoded; save the file as UTF-8",
                            bytes[offset] & 0xFF, offset)));
            return Optional.empty();
        }
        try {
            decoder.flush(out);
        } catch (IllegalStateException e) {
            throw new AssertionError(e);
        }
        out.flip();
        return Optional.of(out.toString());
    }
}
