package dev.drillbit.bench;

import dev.drillbit.app.Bot;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.config.Config;
import dev.drillbit.discord.AnswerAction;
import dev.drillbit.discord.ShardManagerFactory;
import dev.drillbit.playground.InteractionHandle;
import dev.drillbit.playground.LocalChannel;
import dev.drillbit.playground.LocalDiscord;
import dev.drillbit.playground.LocalGuild;
import dev.drillbit.playground.LocalMember;
import dev.drillbit.playground.LocalMessage;
import dev.drillbit.playground.LocalRole;
import dev.drillbit.playground.RateLimits;
import dev.drillbit.testsupport.ManualTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.HdrHistogram.Histogram;

/**
 * The two scenarios of Discord's limits, each against the stand-in with Discord's rate limits on and the
 * real bot in this JVM (it needs the bot's clock in hand, as the end-to-end tests do):
 *
 * <ul>
 *   <li><b>Daily fan-out</b>: {@code guilds} study groups with a daily quiz of four questions at the same
 *       minute; from the tick that reaches it to the last question posted. Its floor is computed from the
 *       stand-in's limits: every request of the fan-out counts towards the global limit, which admits
 *       {@code globalPerSecond} a second, so {@code requests / globalPerSecond} seconds is the least time
 *       any bot could take to make them.
 *   <li><b>Group burst</b>: {@code members} members answer one group question within {@code spread},
 *       open loop (each at its intended time, however the bot is doing); from each intended time to the
 *       member's private answer. Its floor is the bare JDA bot ({@link FloorBot}, in this JVM too)
 *       answering the same members' commands, at the same times, with an ephemeral "ok".
 * </ul>
 *
 * Not thread-safe: one scenario at a time.
 */
final class LimitsScenarios {
    private static final int QUESTIONS = 4;
    private static final Duration WAIT = Duration.ofMinutes(10);

    private LimitsScenarios() {}

    /** The fan-out's outcome. */
    record FanOut(int guilds, long requests, long tooMany, double seconds, double floorSeconds, String timeline) {}

    /** One request as the stand-in answered it: when (nanoTime), its status, and its route. */
    private record Served(long nanos, int status, String route) {}

    /** The burst's outcome: latencies in microseconds, and the edits of the public question message. */
    record Burst(int members, Histogram drillbit, Histogram floor, int publicEdits, long tooMany) {}

    static FanOut fanOut(Env env, QuestionBank bank, int guilds) throws Exception {
        ManualTime time = ManualTime.at("2026-11-23T09:00:00Z");
        try (LocalDiscord discord = LocalDiscord.start(RateLimits.discord())) {
            List<LocalGuild> all = new ArrayList<>();
            List<LocalMember> admins = new ArrayList<>();
            List<LocalChannel> rooms = new ArrayList<>();
            List<LocalRole> roles = new ArrayList<>();
            for (int i = 0; i < guilds; i++) {
                LocalGuild guild = discord.guild("Study group " + i);
                all.add(guild);
                admins.add(discord.member(guild, "admin " + i, true));
                rooms.add(discord.channel(guild, "daily"));
                roles.add(discord.role(guild, "learners", 0));
            }
            Bot bot = startBot(env, bank, discord, "fan-out", time, time);
            try {
                discord.awaitCommand(all.get(0), "daily", Duration.ofSeconds(60));
                for (int i = 0; i < guilds; i++) {
                    discord.slash(
                                    admins.get(i),
                                    rooms.get(i),
                                    "daily set",
                                    Map.of(
                                            "channel",
                                            rooms.get(i),
                                            "time",
                                            "10:00",
                                            "timezone",
                                            "UTC",
                                            "steps",
                                            "internet",
                                            "count",
                                            QUESTIONS,
                                            "role",
                                            roles.get(i),
                                            "window",
                                            6))
                            .awaitReply(Duration.ofSeconds(30));
                }
                Map<Long, Long> questionPosted = new ConcurrentHashMap<>();
                CountDownLatch allPosted = new CountDownLatch(guilds * QUESTIONS);
                discord.onMessage(posted -> {
                    if (!posted.edit()
                            && posted.channel() != null
                            && posted.channel().isThread()
                            && !posted.message().customIds().isEmpty()
                            && questionPosted.putIfAbsent(posted.message().id(), System.nanoTime()) == null) {
                        allPosted.countDown();
                    }
                });
                java.util.Queue<Served> served = new java.util.concurrent.ConcurrentLinkedQueue<>();
                discord.onRequest((request, status) -> served.add(new Served(
                        System.nanoTime(),
                        status,
                        request.method() + " " + request.route().orElse("?"))));
                long requestsBefore = discord.requests().size();
                long tooManyBefore = discord.rateLimited().size();
                Instant ten = time.instant()
                        .atZone(ZoneOffset.UTC)
                        .toLocalDate()
                        .atTime(10, 0)
                        .toInstant(ZoneOffset.UTC);
                time.advance(Duration.between(time.instant(), ten));
                long start = System.nanoTime();
                bot.tick();
                if (!allPosted.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("fan-out: " + allPosted.getCount() + " questions not posted");
                }
                long last = questionPosted.values().stream()
                        .mapToLong(Long::longValue)
                        .max()
                        .orElseThrow();
                long requests = discord.requests().size() - requestsBefore;
                for (LocalChannel room : rooms) {
                    long intros = discord.messages(room).stream()
                            .filter(m -> m.content().contains("Daily quiz"))
                            .count();
                    if (intros != 1) {
                        throw new IllegalStateException("fan-out: " + intros + " announcements in a room, not 1");
                    }
                }
                return new FanOut(
                        guilds,
                        requests,
                        discord.rateLimited().size() - tooManyBefore,
                        (last - start) / 1e9,
                        (double) requests / discord.rateLimits().globalPerSecond(),
                        timeline(List.copyOf(served), start, last));
            } finally {
                bot.close();
            }
        }
    }

    /**
     * The fan-out's requests over time, as the stand-in answered them: the first and last after the tick,
     * requests per second, the 429s and when, and the gaps of more than 100 ms between two requests.
     */
    private static String timeline(List<Served> served, long start, long last) {
        StringBuilder out = new StringBuilder();
        List<Served> after = served.stream().filter(s -> s.nanos() >= start).toList();
        if (after.isEmpty()) {
            return "no requests";
        }
        out.append(String.format(
                "first request %.3f s after the tick, last question %.3f s, %d requests answered (%d × 429)%n",
                (after.get(0).nanos() - start) / 1e9,
                (last - start) / 1e9,
                after.size(),
                after.stream().filter(s -> s.status() == 429).count()));
        int seconds = (int) ((after.get(after.size() - 1).nanos() - start) / 1_000_000_000L) + 1;
        int[] perSecond = new int[seconds];
        for (Served s : after) {
            perSecond[(int) ((s.nanos() - start) / 1_000_000_000L)]++;
        }
        out.append("requests per second:");
        for (int i = 0; i < seconds; i++) {
            out.append(i % 20 == 0 ? String.format("%n  %4d s:", i) : "")
                    .append(' ')
                    .append(perSecond[i]);
        }
        out.append(System.lineSeparator());
        Map<String, Long> byRoute = new java.util.TreeMap<>();
        after.forEach(s -> byRoute.merge(s.route() + " " + s.status(), 1L, Long::sum));
        out.append("by route and status: ").append(byRoute).append(System.lineSeparator());
        for (Served s : after) {
            if (s.status() == 429) {
                out.append(String.format("  429 at %.3f s: %s%n", (s.nanos() - start) / 1e9, s.route()));
            }
        }
        long previous = after.get(0).nanos();
        for (Served s : after) {
            if (s.nanos() - previous > TimeUnit.MILLISECONDS.toNanos(100)) {
                out.append(String.format(
                        "  gap of %.3f s before %.3f s%n", (s.nanos() - previous) / 1e9, (s.nanos() - start) / 1e9));
            }
            previous = s.nanos();
        }
        return out.toString();
    }

    static Burst burst(Env env, QuestionBank bank, int members, Duration spread) throws Exception {
        Histogram drillbit = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        Histogram floor = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
        int edits;
        long tooMany;
        try (LocalDiscord discord = LocalDiscord.start(RateLimits.discord())) {
            LocalGuild guild = discord.guild("Burst");
            LocalMember starter = discord.member(guild, "starter", true);
            List<LocalMember> crowd = crowd(discord, guild, members);
            Bot bot = startBot(
                    env,
                    bank,
                    discord,
                    "burst",
                    Clock.systemUTC(),
                    com.github.benmanes.caffeine.cache.Ticker.systemTicker());
            try {
                discord.awaitCommand(guild, "quiz", Duration.ofSeconds(60));
                LocalMessage question = clickableGroupQuestion(discord, guild, starter);
                String button = question.customIds().stream()
                        .filter(id -> id.endsWith(":" + AnswerAction.choice(0).code())
                                || id.endsWith(":" + AnswerAction.TRUE.code()))
                        .findFirst()
                        .orElseThrow();
                List<InteractionHandle> handles =
                        drive(crowd, spread, drillbit, m -> discord.click(m, question, button));
                settle(handles);
                // let the heartbeat show the last tally (at most one edit per 2 s)
                LocalChannel where = discord.channels().stream()
                        .filter(c -> c.id() == question.channelId())
                        .findFirst()
                        .orElseThrow();
                LocalMessage last = discord.awaitMessage(
                        where,
                        m -> m.id() == question.id() && m.embeds().toString().contains(members + " members"),
                        Duration.ofSeconds(30));
                edits = last.revision();
                tooMany = discord.rateLimited().size();
            } finally {
                bot.close();
            }
        }
        try (LocalDiscord discord = LocalDiscord.start(RateLimits.discord())) {
            LocalGuild guild = discord.guild("Burst");
            LocalChannel room = discord.channel(guild, "group");
            List<LocalMember> crowd = crowd(discord, guild, members);
            ShardManager shards = ShardManagerFactory.build(
                    discord.botToken(),
                    Optional.of(discord.restBaseUrl()),
                    Optional.of(discord.gatewayUrl()),
                    List.of(new FloorBot()));
            try {
                shards.getShardById(0).awaitReady();
                discord.awaitCommand(guild, "quiz", Duration.ofSeconds(60));
                settle(drive(crowd, spread, floor, m -> discord.slash(m, room, "quiz start")));
            } finally {
                shards.getShards().forEach(JDA::shutdownNow);
                shards.shutdown();
            }
        }
        return new Burst(members, drillbit, floor, edits, tooMany);
    }

    private static List<LocalMember> crowd(LocalDiscord discord, LocalGuild guild, int members) {
        List<LocalMember> crowd = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            crowd.add(discord.member(guild, "member " + i, false));
        }
        return crowd;
    }

    /** Sends each member's interaction at its intended time, spread evenly; records intended → private answer. */
    private static List<InteractionHandle> drive(
            List<LocalMember> crowd,
            Duration spread,
            Histogram micros,
            java.util.function.Function<LocalMember, InteractionHandle> send) {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long step = spread.toNanos() / crowd.size();
        List<InteractionHandle> handles = new ArrayList<>();
        for (int i = 0; i < crowd.size(); i++) {
            long intended = start + i * step;
            LockSupport.parkNanos(intended - System.nanoTime());
            InteractionHandle handle = send.apply(crowd.get(i));
            handle.reply().thenRun(() -> {
                synchronized (micros) {
                    micros.recordValue(Math.max(0, (System.nanoTime() - intended) / 1000));
                }
            });
            handles.add(handle);
        }
        return handles;
    }

    private static void settle(List<InteractionHandle> handles) {
        for (InteractionHandle handle : handles) {
            handle.awaitReply(Duration.ofSeconds(30));
        }
    }

    /**
     * Starts group quizzes of one question, each in a channel of its own, until one shows a question
     * answered with one click (a letter or True).
     */
    private static LocalMessage clickableGroupQuestion(LocalDiscord discord, LocalGuild guild, LocalMember starter) {
        for (int attempt = 0; attempt < 20; attempt++) {
            LocalChannel room = discord.channel(guild, "group-" + attempt);
            int threadsBefore = threads(discord, room).size();
            discord.slash(starter, room, "quiz start", Map.of("mode", "group", "count", 1))
                    .awaitReply(Duration.ofSeconds(30));
            LocalChannel where = newThread(discord, room, threadsBefore);
            LocalMessage question = discord.awaitMessage(
                    where,
                    m -> m.embeds().path(0).path("title").asText().startsWith("Question")
                            && !m.customIds().isEmpty(),
                    Duration.ofSeconds(30));
            boolean oneClick = question.customIds().stream()
                    .anyMatch(id -> id.endsWith(":" + AnswerAction.choice(0).code())
                            || id.endsWith(":" + AnswerAction.TRUE.code()));
            if (oneClick) {
                return question;
            }
        }
        throw new IllegalStateException("no one-click question in 20 group quizzes");
    }

    private static List<LocalChannel> threads(LocalDiscord discord, LocalChannel room) {
        return discord.channels().stream()
                .filter(c -> c.isThread() && c.parentId() == room.id())
                .toList();
    }

    /** The thread a group quiz opened beyond the {@code before} there were; the room if none came. */
    private static LocalChannel newThread(LocalDiscord discord, LocalChannel room, int before) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            List<LocalChannel> threads = threads(discord, room);
            if (threads.size() > before) {
                return threads.get(threads.size() - 1);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return room;
    }

    private static Bot startBot(
            Env env,
            QuestionBank bank,
            LocalDiscord discord,
            String name,
            Clock clock,
            com.github.benmanes.caffeine.cache.Ticker ticker)
            throws Exception {
        Path data = env.dir("limits-" + name);
        Files.createDirectories(data);
        try (var old = Files.list(data)) {
            if (old.findAny().isPresent()) {
                data = Files.createTempDirectory(data, "run");
            }
        }
        Config defaults = Config.defaults();
        Config config = new Config(
                defaults.questionsDir(),
                data.toString(),
                defaults.quiz(),
                new Config.Discord(null, List.of(), discord.restBaseUrl(), discord.gatewayUrl()),
                Config.Storage.FLATFILE);
        return Bot.start(config, bank, discord.botToken(), Bot.Endpoints.of(config), clock, ticker)
                .awaitReady();
    }
}
