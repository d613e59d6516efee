package dev.drillbit.bench;

import dev.drillbit.bank.BankLoader;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.playground.LocalDiscord;
import dev.drillbit.playground.LocalGuild;
import dev.drillbit.playground.RateLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark, each figure beside its floor measured in the same run, and writes the results
 * table into {@code BENCHMARKS.md} (between its results markers) and {@code target/bench/results.md}.
 * {@code mvn -q -Pbench verify} runs it; so can {@code java -cp ... dev.drillbit.bench.BenchMain BASEDIR}.
 *
 * <p>Arguments: {@code BASEDIR [all|quick|postgres|limits|startup]}; {@code quick} uses minimal sizes and durations
 * and writes only under {@code target/bench} (the smoke test's mode: it checks the harness, it measures nothing);
 * {@code postgres}, {@code limits} and {@code startup} (the bank load and the recovery) run those scenarios alone
 * at full size and only print their rows.
 */
public final class BenchMain {
    static final String START = "<!-- results:start -->";
    static final String END = "<!-- results:end -->";

    private final Env env;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> details = new ArrayList<>();
    /** The flat-file store's answers/s per writer count (threads), for the PostgreSQL rows beside it. */
    private final java.util.Map<Integer, Double> flatPerWriters = new java.util.HashMap<>();

    BenchMain(Env env) {
        this.env = env;
    }

    /** The stand-in logs every interaction at INFO; at 1,000/s that is noise the floor does not pay for. */
    static ch.qos.logback.classic.Level quietStandIn(ch.qos.logback.classic.Level level) {
        ch.qos.logback.classic.Logger log =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.drillbit.playground");
        ch.qos.logback.classic.Level before = log.getLevel();
        log.setLevel(level);
        return before;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && (args[1].equals("limits") || args[1].equals("fanout"))) {
            // only the scenarios of Discord's limits (or the fan-out alone, with its timeline), printed and not
            // written to BENCHMARKS.md; a third argument sets the number of guilds
            BenchMain bench = new BenchMain(Env.of(Path.of(args[0]), false));
            quietStandIn(ch.qos.logback.classic.Level.WARN);
            int guilds = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
            String before = loadAverage();
            if (args[1].equals("fanout")) {
                bench.fanOut(guilds, true);
            } else {
                bench.limits(guilds);
            }
            System.out.println("load average before: " + before + "; after: " + loadAverage());
            bench.rows().forEach(r -> System.out.println(r.markdown()));
            System.exit(0);
        }
        if (args.length > 1 && args[1].equals("roundtrip")) {
            // the round trip alone, printed and not written to BENCHMARKS.md: rates (default 1000) and rounds
            BenchMain bench = new BenchMain(Env.of(Path.of(args[0]), false));
            quietStandIn(ch.qos.logback.classic.Level.WARN);
            List<Integer> rates = args.length > 2
                    ? java.util.Arrays.stream(args[2].split(","))
                            .map(Integer::valueOf)
                            .toList()
                    : List.of(1000);
            int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
            String before = loadAverage();
            bench.roundTrip(rates, rounds);
            System.out.println("load average before: " + before + "; after: " + loadAverage());
            bench.rows().forEach(r -> System.out.println(r.markdown()));
            bench.details.forEach(System.out::println);
            System.exit(0);
        }
        if (args.length > 1 && args[1].equals("startup")) {
            // only the bank load and the recovery (section 3's bank rows and section 5), printed and not written
            BenchMain bench = new BenchMain(Env.of(Path.of(args[0]), false));
            String loadBefore = loadAverage();
            bench.bankLoad();
            bench.recovery();
            System.out.println("Load average (1/5/15 min) before: " + loadBefore + "; after: " + loadAverage());
            bench.rows().forEach(r -> System.out.println(r.markdown()));
            System.exit(0);
        }
        boolean quick = args.length > 1 && args[1].equals("quick");
        Env env = Env.of(Path.of(args[0]), quick);
        BenchMain bench = new BenchMain(env);
        quietStandIn(ch.qos.logback.classic.Level.WARN);
        String loadBefore = loadAverage();
        Instant started = Instant.now();
        boolean onlyPostgres = args.length > 1 && args[1].equals("postgres");
        if (onlyPostgres) {
            bench.postgres(); // one scenario, full size: printed only, BENCHMARKS.md is left alone
        } else {
            bench.runAll();
        }
        String markdown = bench.markdown(started, loadBefore, loadAverage());
        if (!onlyPostgres) {
            bench.write(markdown);
        }
        System.out.println(markdown);
        System.exit(0); // JDA and the stand-in leave non-daemon threads behind
    }

    void runAll() throws Exception {
        bankLoad();
        recovery();
        recording();
        postgres();
        heap();
        startup();
        roundTrip();
        limits();
    }

    List<Row> rows() {
        return rows;
    }

    private void progress(String what) {
        if (env.quick()) {
            return; // the smoke test runs inside mvn verify: keep its output quiet
        }
        System.out.println("[bench " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + what);
        System.out.flush();
    }

    // ---- 3a: bank ----------------------------------------------------------------------------------

    void bankLoad() throws IOException, RunnerException {
        int size = env.quick() ? 100 : 10_000;
        progress("bank: generating " + size + " questions");
        Path bank = BankGenerator.generate(env.basedir().resolve("questions"), env.dir("bank-" + size), size);
        progress("bank: JMH load+validate vs parse, cold (a fresh JVM per load, as at start-up)");
        Collection<RunResult> cold = jmh(BankLoadBenchmark.class, Mode.COLD, 7, bank.toString());
        progress("bank: JMH load+validate vs parse, warm");
        Collection<RunResult> warm = jmh(BankLoadBenchmark.class, Mode.WARM, 1, bank.toString());
        double load = score(cold, "loadAndValidate", bank.toString());
        double parse = score(cold, "parseOnly", bank.toString());
        rows.add(new Row(
                String.format("load + validate a %,d-question bank, cold JVM (start-up)", size),
                load,
                parse,
                "ms",
                "Jackson parse of the same files, cold JVM",
                "≤ 1,000 ms",
                load <= 1000));
        double warmLoad = score(warm, "loadAndValidate", bank.toString());
        double warmParse = score(warm, "parseOnly", bank.toString());
        rows.add(new Row(
                String.format("load + validate a %,d-question bank, warm JVM", size),
                warmLoad,
                warmParse,
                "ms",
                "Jackson parse of the same files, warm",
                "",
                null));
    }

    // ---- 5: recovery -------------------------------------------------------------------------------

    void recovery() throws IOException, RunnerException {
        long events = env.quick() ? 2_000 : 1_000_000;
        int members = env.quick() ? 100 : 100_000;
        Path crash = env.dir("recovery-crash");
        Path clean = env.dir("recovery-clean");
        progress("recovery: writing " + events + " events through the store");
        StoreGenerator.recoveryImages(crash, clean, events, members);
        progress("recovery: JMH open vs read, cold (a fresh JVM per open, as at start-up)");
        Collection<RunResult> results = jmh(RecoveryBenchmark.class, Mode.COLD, 5, crash.toString(), clean.toString());
        double crashOpen = score(results, "open", crash.toString());
        double crashRead = score(results, "readLines", crash.toString());
        double cleanOpen = score(results, "open", clean.toString());
        double cleanRead = score(results, "readLines", clean.toString());
        rows.add(new Row(
                String.format("open a store of %,d events, all in the journal (crash image), cold JVM", events),
                crashOpen,
                crashRead,
                "ms",
                "read the files, count lines",
                "≤ 3,000 ms",
                crashOpen <= 3000));
        rows.add(new Row(
                String.format("open a store of %,d events after a clean shutdown (snapshot), cold JVM", events),
                cleanOpen,
                cleanRead,
                "ms",
                "read the files, count lines",
                "",
                null));
    }

    // ---- 2: durable recording ----------------------------------------------------------------------

    void recording() throws IOException, InterruptedException {
        int members = env.quick() ? 100 : 10_000;
        Duration warmup = Duration.ofMillis(env.quick() ? 100 : 2_000);
        Duration measure = Duration.ofMillis(env.quick() ? 200 : 2_000);
        Duration floorTime = Duration.ofMillis(env.quick() ? 200 : 1_500);
        int rounds = env.quick() ? 1 : 3;
        Path dir = env.dir("recording");
        Files.createDirectories(dir);
        DurableRecording.StoreResult last = null;
        List<Integer> counts = env.quick() ? List.of(1, 4) : List.of(1, 16, 256);
        for (int writers : counts) {
            for (DurableRecording.Waiting waiting : DurableRecording.Waiting.values()) {
                if (writers == 1 && waiting == DurableRecording.Waiting.CALLBACKS) {
                    continue; // one writer is the same either way
                }
                progress("recording: " + writers + " writers, " + waiting);
                DurableRecording.StoreResult r =
                        DurableRecording.store(dir, writers, waiting, members, warmup, measure, floorTime, rounds);
                boolean target = writers == counts.get(counts.size() - 1);
                String how = waiting == DurableRecording.Waiting.THREADS
                        ? "thread each, blocking"
                        : "callbacks, no thread each";
                rows.add(new Row(
                        String.format(
                                "durable answers, %d writer%s%s (mean batch %.1f)",
                                writers, writers == 1 ? "" : "s", writers == 1 ? "" : " (" + how + ")", r.meanBatch()),
                        r.answersPerSecond(),
                        r.floorPerSecond(),
                        "answers/s",
                        "append+fsync, same bytes, same batch",
                        target ? "≥ 50,000/s and ≥ 0.5× floor" : "",
                        target
                                ? r.answersPerSecond() >= 50_000 && r.answersPerSecond() >= 0.5 * r.floorPerSecond()
                                : null));
                details.add(String.format(
                        Locale.ROOT,
                        "| %d | %s | %,.0f | %.1f | %,.0f | %.2f× |",
                        writers,
                        waiting.name().toLowerCase(),
                        r.answersPerSecond(),
                        r.meanBatch(),
                        r.floorPerSecond(),
                        r.answersPerSecond() / r.floorPerSecond()));
                if (waiting == DurableRecording.Waiting.THREADS) {
                    last = r;
                    flatPerWriters.put(writers, r.answersPerSecond());
                }
            }
        }
        progress("recording: whole-file rewrite at " + members + " members");
        double whole = DurableRecording.wholeFileRewrite(dir.resolve("whole-file"), members, warmup, measure);
        rows.add(new Row(
                String.format(
                        "durable answers, %d writers, vs whole-file JSON rewrite (%,d members)",
                        last.writers(), members),
                last.answersPerSecond(),
                whole,
                "answers/s",
                "rewrite scores.json per answer",
                "≥ 100× rewrite",
                last.answersPerSecond() >= 100 * whole));
    }

    // ---- 4: heap -----------------------------------------------------------------------------------

    // ---- PostgreSQL -------------------------------------------------------------------------------

    void postgres() throws Exception {
        int members = env.quick() ? 100 : 10_000;
        Duration warmup = Duration.ofMillis(env.quick() ? 100 : 2_000);
        Duration measure = Duration.ofMillis(env.quick() ? 200 : 2_000);
        Duration floorTime = Duration.ofMillis(env.quick() ? 200 : 1_500);
        int rounds = env.quick() ? 1 : 3;
        List<Integer> counts = env.quick() ? List.of(1, 4) : List.of(1, 16, 256);
        progress("postgres: starting an embedded server");
        try (PostgresBench pg = PostgresBench.start()) {
            for (int writers : counts) {
                progress("postgres: recording, " + writers + " writers");
                PostgresBench.Recording r = pg.recording(writers, members, warmup, measure, floorTime, rounds);
                boolean target = writers == counts.get(counts.size() - 1);
                rows.add(new Row(
                        String.format(
                                "PostgreSQL durable answers, %d writer%s (mean batch %.1f)",
                                writers, writers == 1 ? "" : "s", r.meanBatch()),
                        r.answersPerSecond(),
                        r.floorPerSecond(),
                        "answers/s",
                        "plain batched JDBC inserts, same rows, same batch",
                        target ? "≥ 0.5× floor" : "",
                        target ? r.answersPerSecond() >= 0.5 * r.floorPerSecond() : null));
                Double flat = flatPerWriters.get(writers);
                if (flat != null) {
                    rows.add(new Row(
                            String.format(
                                    "PostgreSQL durable answers, %d writer%s, beside the flat-file store",
                                    writers, writers == 1 ? "" : "s"),
                            r.answersPerSecond(),
                            flat,
                            "answers/s",
                            "flat-file store, same writers, this run",
                            "",
                            null));
                }
            }
            int boardMembers = env.quick() ? 1_000 : 100_000;
            progress("postgres: leaderboards at " + boardMembers + " members");
            for (PostgresBench.Latency l : pg.leaderboard(boardMembers, env.quick() ? 20 : 200)) {
                rows.add(new Row(
                        String.format(
                                "PostgreSQL leaderboard p99, %s, %,d members",
                                l.period().name().toLowerCase(Locale.ROOT).replace('_', ' '), boardMembers),
                        l.p99(),
                        l.floorP99(),
                        "ms",
                        "plain top-ten query on member_scores",
                        "",
                        null));
            }
        }
    }

    void heap() throws IOException, InterruptedException {
        int sessions = env.quick() ? 100 : 10_000;
        int members = env.quick() ? 100 : 100_000;
        progress("heap: " + sessions + " sessions, " + members + " members, in a fresh JVM");
        List<String> command = new ArrayList<>(List.of(BotProcess.javaBin()));
        command.addAll(List.of(HeapScenario.JVM_OPTIONS));
        command.addAll(List.of(
                "-Dlogback.configurationFile=" + env.basedir().resolve("src/main/resources/logback.xml"),
                "-Ddrillbit.log.level=WARN",
                "-cp",
                env.benchClasspath(),
                HeapScenario.class.getName(),
                env.basedir().toString(),
                env.dir("heap-store").toString(),
                Integer.toString(sessions),
                Integer.toString(members),
                "3"));
        rows.addAll(child(command));
    }

    private List<Row> child(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<Row> found = new ArrayList<>();
        List<String> output = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(Row.MARK)) {
                    found.add(Row.decode(line));
                } else {
                    output.add(line);
                }
            }
        }
        if (process.waitFor() != 0 || found.isEmpty()) {
            throw new IllegalStateException("child failed: " + command + "\n" + String.join("\n", output));
        }
        return found;
    }

    // ---- 3b: start-up ------------------------------------------------------------------------------

    void startup() throws Exception {
        int trials = env.quick() ? 1 : 5;
        double bot = startToReady(BotProcess.Kind.DRILLBIT, trials);
        double floor = startToReady(BotProcess.Kind.FLOOR, trials);
        rows.add(new Row(
                "process start to READY (median of " + trials + ")",
                bot,
                floor,
                "ms",
                "bare JDA bot process",
                "≤ 3,000 ms",
                bot <= 3000));
    }

    private double startToReady(BotProcess.Kind kind, int trials) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            progress("start-up: " + kind + " trial " + (t + 1));
            try (LocalDiscord discord = LocalDiscord.start(RateLimits.off())) {
                LocalGuild guild = discord.guild("Bench");
                discord.channel(guild, "general");
                long[] ready = new long[1];
                var connected = discord.connected().thenRun(() -> ready[0] = System.nanoTime());
                try (BotProcess process =
                        BotProcess.start(kind, env, discord, guild, env.dir("startup-" + kind), false)) {
                    connected.get(60, TimeUnit.SECONDS);
                    ms.add((ready[0] - process.startedNanos) / 1e6);
                }
            }
        }
        ms.sort(null);
        return ms.get(ms.size() / 2);
    }

    // ---- 1: round trip -----------------------------------------------------------------------------

    void roundTrip() throws Exception {
        roundTrip(env.quick() ? List.of(20) : List.of(50, 200, 1000), env.quick() ? 1 : 10);
    }

    void roundTrip(List<Integer> rates, int rounds) throws Exception {
        // Short alternating slices: a stall of the shared machine then lands on both bots alike.
        Duration warmup = Duration.ofMillis(env.quick() ? 300 : 500);
        Duration measure = Duration.ofMillis(env.quick() ? 700 : 1_500);
        int members = env.quick() ? 20 : 1000;
        List<RoundTripLoad.Result> bot = new ArrayList<>();
        List<RoundTripLoad.Result> floor = new ArrayList<>();
        progress("round trip: starting drillbit and the floor bot");
        try (RoundTripLoad drillbitLoad = new RoundTripLoad(BotProcess.Kind.DRILLBIT, env, members);
                RoundTripLoad floorLoad = new RoundTripLoad(BotProcess.Kind.FLOOR, env, members)) {
            if (!env.quick()) {
                progress("round trip: JIT warm-up at 200/s, 10 s each");
                drillbitLoad.run(200, Duration.ZERO, Duration.ofSeconds(10));
                floorLoad.run(200, Duration.ZERO, Duration.ofSeconds(10));
            }
            for (int rate : rates) {
                RoundTripLoad.Result b = null;
                RoundTripLoad.Result f = null;
                // Alternate short slices so that both bots meet the same background load.
                for (int round = 0; round < rounds; round++) {
                    if (round == 0) {
                        progress("round trip: " + rate + "/s, " + rounds + " rounds");
                    }
                    b = RoundTripLoad.Result.merge(b, drillbitLoad.run(rate, warmup, measure));
                    f = RoundTripLoad.Result.merge(f, floorLoad.run(rate, warmup, measure));
                }
                bot.add(b);
                floor.add(f);
            }
        }
        for (int i = 0; i < rates.size(); i++) {
            RoundTripLoad.Result b = bot.get(i);
            RoundTripLoad.Result f = floor.get(i);
            int rate = rates.get(i);
            rows.add(new Row("round trip p50 @ " + rate + "/s", b.p50Ms(), f.p50Ms(), "ms", "bare JDA bot", "", null));
            boolean at200 = rate == 200;
            rows.add(new Row(
                    "round trip p99 @ " + rate + "/s",
                    b.p99Ms(),
                    f.p99Ms(),
                    "ms",
                    "bare JDA bot",
                    at200 ? "≤ 1.2× floor" : "",
                    at200 ? b.p99Ms() <= 1.2 * f.p99Ms() : null));
            if (rate == 1000 || env.quick()) {
                rows.add(new Row(
                        "round trip max @ " + rate + "/s (" + (b.late() + b.lost()) + " past 3 s of " + b.sent() + ")",
                        b.maxMs(),
                        f.maxMs(),
                        "ms",
                        "bare JDA bot",
                        "none past 3 s",
                        b.late() + b.lost() == 0 && b.maxMs() <= 3000));
            }
        }
        for (RoundTripLoad.Result r : concat(bot, floor)) {
            details.add(String.format(
                    Locale.ROOT,
                    "| %s | %d/s | %d | %d | %d | %d | %d | %.2f | %.2f | %.1f |",
                    r.kind() == BotProcess.Kind.DRILLBIT ? "drillbit" : "bare JDA bot",
                    r.rate(),
                    r.sent(),
                    r.answered(),
                    r.lost(),
                    r.late(),
                    r.errors(),
                    r.p50Ms(),
                    r.p99Ms(),
                    r.maxMs()));
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // ---- 6: Discord's limits: daily fan-out and group burst ------------------------------------------

    void limits() throws Exception {
        limits(env.quick() ? 10 : 1_000);
    }

    void limits(int guilds) throws Exception {
        fanOut(guilds, false);
        burst();
    }

    void fanOut(int guilds, boolean printTimeline) throws Exception {
        QuestionBank bank =
                new BankLoader().load(env.basedir().resolve("questions")).bank().orElseThrow();
        progress("limits: daily fan-out, " + guilds + " guilds at the same minute");
        LimitsScenarios.FanOut fan = LimitsScenarios.fanOut(env, bank, guilds);
        if (printTimeline) {
            System.out.println(fan.timeline());
        }
        rows.add(new Row(
                String.format(
                        "daily fan-out: %,d guilds at the same minute, to the last question posted (%,d requests, %d × 429)",
                        fan.guilds(), fan.requests(), fan.tooMany()),
                fan.seconds() * 1000,
                fan.floorSeconds() * 1000,
                "ms",
                "the global limit's least time for those requests",
                "≤ 1.2× floor, no 429",
                fan.seconds() <= 1.2 * fan.floorSeconds() && fan.tooMany() == 0));
    }

    void burst() throws Exception {
        QuestionBank bank =
                new BankLoader().load(env.basedir().resolve("questions")).bank().orElseThrow();
        int members = env.quick() ? 20 : 200;
        Duration spread = Duration.ofSeconds(env.quick() ? 1 : 5);
        progress("limits: group burst, " + members + " members in " + spread.toSeconds() + " s");
        LimitsScenarios.Burst burst = LimitsScenarios.burst(env, bank, members, spread);
        double p99 = burst.drillbit().getValueAtPercentile(99) / 1000.0;
        double max = burst.drillbit().getMaxValue() / 1000.0;
        rows.add(new Row(
                String.format(
                        "group burst: %d members answer within %d s, p99 to their private answer",
                        members, spread.toSeconds()),
                p99,
                burst.floor().getValueAtPercentile(99) / 1000.0,
                "ms",
                "bare JDA bot's ephemeral reply, same members and times",
                "",
                null));
        rows.add(new Row(
                String.format(
                        "group burst: %d members answer within %d s, slowest private answer",
                        members, spread.toSeconds()),
                max,
                burst.floor().getMaxValue() / 1000.0,
                "ms",
                "bare JDA bot's ephemeral reply, same members and times",
                "≤ 3,000 ms",
                max <= 3000));
        long allowed = spread.toSeconds() / 2 + 2;
        rows.add(new Row(
                String.format(
                        "group burst: edits of the public question for %d answers (%d × 429)",
                        members, burst.tooMany()),
                burst.publicEdits(),
                Double.NaN,
                "edits",
                "",
                "≤ 1 per 2 s (≤ " + allowed + ")",
                burst.publicEdits() <= allowed));
    }

    // ---- JMH ---------------------------------------------------------------------------------------

    /** COLD: one shot per fresh JVM (what start-up pays); WARM: average time after 3 s of warm-up. */
    enum Mode {
        COLD,
        WARM
    }

    private Collection<RunResult> jmh(Class<?> benchmark, Mode mode, int forks, String... dirs) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(benchmark.getName() + "\\.")
                .param("dir", dirs)
                .shouldFailOnError(true)
                .jvmArgs(
                        "-Xmx2g",
                        "-Dlogback.configurationFile=" + env.basedir().resolve("src/main/resources/logback.xml"),
                        "-Ddrillbit.log.level=WARN")
                .verbosity(env.quick() ? VerboseMode.SILENT : VerboseMode.NORMAL);
        if (env.quick()) {
            options.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(100));
        } else if (mode == Mode.WARM) {
            options.forks(forks)
                    .mode(org.openjdk.jmh.annotations.Mode.AverageTime)
                    .warmupIterations(3)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5)
                    .measurementTime(TimeValue.seconds(1));
        } else {
            options.forks(forks)
                    .mode(org.openjdk.jmh.annotations.Mode.SingleShotTime)
                    .warmupIterations(0)
                    .measurementIterations(1);
        }
        return new Runner(options.build()).run();
    }

    /** The primary score; for single shots (one per fork) the median over forks, which one slow fork cannot move. */
    private static double score(Collection<RunResult> results, String method, String dir) {
        RunResult run = results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method)
                        && dir.equals(r.getParams().getParam("dir")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no JMH result for " + method + " " + dir));
        if (run.getParams().getMode() == org.openjdk.jmh.annotations.Mode.SingleShotTime) {
            return run.getPrimaryResult().getStatistics().getPercentile(50);
        }
        return run.getPrimaryResult().getScore();
    }

    // ---- output ------------------------------------------------------------------------------------

    String markdown(Instant started, String loadBefore, String loadAfter) {
        StringBuilder md = new StringBuilder();
        long memoryGb =
                Math.round(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                                .getTotalMemorySize()
                        / (1024.0 * 1024 * 1024));
        md.append(String.format(
                Locale.ROOT,
                "Run %s (%d s): %d cores, %d GB, JDK %s (%s), %s %s. Load average "
                        + "(1/5/15 min) before: %s; after: %s.%s%n%n",
                started.truncatedTo(ChronoUnit.SECONDS),
                Duration.between(started, Instant.now()).toSeconds(),
                Runtime.getRuntime().availableProcessors(),
                memoryGb,
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                loadBefore,
                loadAfter,
                env.quick() ? " QUICK MODE: minimal sizes, not a measurement." : ""));
        md.append("| figure | drillbit | floor (same run) | ratio | target | met |\n");
        md.append("|---|---:|---:|---:|---|---|\n");
        rows.forEach(r -> md.append(r.markdown()).append('\n'));
        md.append("\nRound trip per rate (latency from intended send to callback received, ms):\n\n");
        md.append(
                "| bot | rate | sent | answered | lost (no callback in 10 s) | past 3 s | driver errors | p50 | p99 | max |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        details.stream()
                .filter(d -> d.contains("/s |"))
                .forEach(d -> md.append(d).append('\n'));
        md.append("\nDurable recording per writer count:\n\n");
        md.append(
                "| writers | waiting | store answers/s | mean batch (answers per fsync) | raw append+fsync at that batch | ratio |\n");
        md.append("|---:|---|---:|---:|---:|---:|\n");
        details.stream()
                .filter(d -> !d.contains("/s |"))
                .forEach(d -> md.append(d).append('\n'));
        return md.toString();
    }

    void write(String markdown) throws IOException {
        Path results = env.basedir().resolve("target/bench/results.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, markdown);
        if (env.quick()) {
            return;
        }
        Path doc = env.basedir().resolve("BENCHMARKS.md");
        String text = Files.exists(doc) ? Files.readString(doc) : "# Benchmarks\n\n";
        int s = text.indexOf(START);
        int e = text.indexOf(END);
        String section = START + "\n" + markdown + END;
        text = s >= 0 && e > s
                ? text.substring(0, s) + section + text.substring(e + END.length())
                : text + "\n## Results\n\n" + section + "\n";
        Files.writeString(doc, text);
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
