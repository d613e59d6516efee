package dev.drillbit.playground;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real bot, unchanged, against the embedded local Discord stand-in, with a person playing one or more
 * members from a terminal. Each input line is a slash command in Discord's syntax or a playground command
 * ({@code click}, {@code select}, {@code type}, {@code as}, {@code channel}, {@code clock}, {@code attach}, {@code help},
 * {@code quit}); everything the bot posts is printed as numbered text. Bad input gets one line starting
 * with {@code !} and the session goes on. Not thread-safe: one person types at a time; the bot's messages
 * arrive on other threads and are printed under a lock.
 */
public final class Playground implements AutoCloseable {
    private static final Pattern STEP = Pattern.compile("(\\d+)([dhms])");
    private static final Duration QUIET = Duration.ofMillis(250);
    /**
     * How long the bot must stay silent after the clock moved: the work a move sets off (closing a daily run
     * reads the thread before it posts) starts later than an interaction's answer does.
     */
    private static final Duration CLOCK_QUIET = Duration.ofSeconds(1);

    private static final Duration SETTLE_MAX = Duration.ofSeconds(10);
    private static final Duration TARGET_WAIT = Duration.ofSeconds(3);
    private static final Duration DEFERRED_MAX = Duration.ofSeconds(30);

    /** The bot as the playground sees it: moved on after the clock changes, closed at the end. */
    public interface BotProcess extends AutoCloseable {
        /** Runs the bot's clock-driven work now. */
        void tick();

        @Override
        void close();
    }

    /** Starts the real bot against the stand-in, with commands registered in {@code guild}. */
    @FunctionalInterface
    public interface BotStarter {
        BotProcess start(LocalDiscord discord, LocalGuild guild, PlaygroundClock clock) throws Exception;
    }

    private final LocalDiscord discord;
    /** A role the playground's server has for study groups to ping, as in {@code /daily set role:study-group}. */
    static final String STUDY_ROLE = "study-group";

    private final PlaygroundClock clock;
    private final BotProcess bot;
    private volatile java.util.function.Consumer<String> sink;
    private final Path attachments;
    private final LocalGuild guild;
    private final PlaygroundWorld world;
    private final MessageText text;
    private final Map<String, LocalMember> members = new LinkedHashMap<>();
    private final Map<Long, Integer> numbers = new ConcurrentHashMap<>();
    private final List<Long> numbered = new ArrayList<>();
    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, Boolean> admins = new HashMap<>();
    private final java.util.Set<Long> firstShown = ConcurrentHashMap.newKeySet();
    private LocalMember me;
    private LocalChannel here;
    private PendingModal modal;
    private final PlaygroundAttachments files = new PlaygroundAttachments();
    private boolean quit;

    /** A form the bot opened, being filled one {@code type} at a time. */
    private record PendingModal(
            LocalMember member, InteractionHandle opener, JsonNode form, Map<String, String> filled) {}

    private Playground(LocalDiscord discord, PlaygroundClock clock, BotStarter starter, PrintWriter out, Path dataDir)
            throws Exception {
        this.discord = discord;
        this.clock = clock;
        this.sink = line -> {
            out.println(line);
            out.flush();
        };
        this.attachments = dataDir.resolve("attachments");
        this.world = PlaygroundWorld.load(dataDir);
        this.guild = world.isNew() ? discord.guild("Playground") : discord.guild("Playground", world.guildId());
        if (world.isNew()) {
            world.guild(guild.id());
        }
        this.text = new MessageText(this::name, clock);
        names.put(discord.botUser().id(), discord.botUser().name());
        world.channels().forEach((name, id) -> discord.channel(guild, name, id));
        world.roles().forEach((name, id) -> discord.role(guild, name, 0, id));
        if (!world.roles().containsKey(STUDY_ROLE)) {
            world.role(STUDY_ROLE, discord.role(guild, STUDY_ROLE, 0).id()); // for /daily set role:study-group
        }
        world.members().forEach((name, m) -> remember(discord.member(guild, name, m.admin(), m.id()), m.admin()));
        this.here = channelNamed("general");
        this.me = Optional.ofNullable(members.get("you")).orElseGet(() -> member("you", true));
        discord.onMessage(this::print);
        this.bot = starter.start(discord, guild, clock);
    }

    /** Starts the stand-in, with Discord's rate limits, and the bot; {@code dataDir} receives attachments. */
    public static Playground start(BotStarter starter, PrintWriter out, Path dataDir, PlaygroundClock clock)
            throws Exception {
        return start(starter, out, dataDir, clock, RateLimits.discord());
    }

    /** Starts the stand-in with these rate limits, and the bot; {@code dataDir} receives attachments. */
    public static Playground start(
            BotStarter starter, PrintWriter out, Path dataDir, PlaygroundClock clock, RateLimits limits)
            throws Exception {
        LocalDiscord discord = LocalDiscord.start(limits); // Discord keeps real time; only the bot's clock moves
        try {
            return new Playground(discord, clock, starter, out, dataDir);
        } catch (Exception | Error e) {
            discord.close();
            throw e;
        }
    }

    public String banner() {
        return "drillbit playground: the real bot on a local stand-in for Discord. You are \"" + me.name()
                + "\" (Manage Server) in #" + here.name() + " of \"" + guild.name() + "\".\n"
                + "Try /quiz start count:3, then click A. Type help for every command, quit to leave.";
    }

    public String prompt() {
        return me.name() + " " + where(here) + "> ";
    }

    public boolean quitRequested() {
        return quit;
    }

    public LocalDiscord discord() {
        return discord;
    }

    public LocalGuild guild() {
        return guild;
    }

    public LocalMember member() {
        return me;
    }

    public LocalChannel channel() {
        return here;
    }

    /** Runs one line; returns false when it was refused (and says why on one line). */
    public boolean execute(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return true;
        }
        try {
            InputLine input = InputLine.parse(trimmed);
            String word = input.first().toLowerCase(Locale.ROOT);
            if (word.startsWith("/")) {
                InputLine.Slash slash = input.slash();
                String name = slash.path().split(" ")[0];
                InteractionHandle handle = discord.slash(
                        me,
                        here,
                        slash.path(),
                        files.fill(discord.command(guild, name), slash.path(), slash.options()));
                settle(handle);
                formOpened(handle);
                return true;
            }
            switch (word) {
                case "click" -> click(input);
                case "select" -> select(input);
                case "type" -> type(input.rest());
                case "as" -> as(input);
                case "channel" -> channel(input.rest());
                case "dm" -> dm(input);
                case "clock" -> clock(input.rest());
                case "attach" -> say(files.attach(discord, input.rest()));
                case "help" -> say(HELP);
                case "quit", "exit" -> quit = true;
                default ->
                    throw new IllegalArgumentException("unknown command \"" + input.first()
                            + "\"; slash commands start with /, and help lists the rest");
            }
            return true;
        } catch (IllegalArgumentException | IllegalStateException e) {
            say("! " + e.getMessage());
            return false;
        } catch (AssertionError e) {
            say("! the bot did not answer in time: " + e.getMessage());
            return false;
        }
    }

    private static final String HELP = """
            Slash commands, as in Discord:  /quiz start step:sql count:5   /roadmap   /help
              (options are name:value; quote values with spaces: step:"two words"; Tab completes)
            click [N] <label>      press a button, e.g. click A, click Next question, click 3 B
            select [N] <value>     choose in a select menu
            type <text>            fill the open form's next field; it is sent when all are filled
                                   (\\n starts a new line, for fields that take one entry a line)
            as <name> [admin]      play another member (created on first use; admin = Manage Server)
            channel <name>         switch channel or thread (created on first use)
            dm                     switch to your DM with the bot (channel <name> goes back)
            attach <file>          pick a local file for the next command that takes one (/pack import)
            clock +90s | +2h | +1d | 2026-12-01T09:00
                                   move the bot's clock forward (question timers and daily quizzes follow it)
            help, quit""";

    private void click(InputLine input) {
        Target target = target(input, "click", "label");
        LocalMessage message = target.message()
                .orElseGet(() -> awaitLatestWith(m -> button(m, target.label()).isPresent())
                        .orElseThrow(() -> new IllegalArgumentException(
                                "no message you can see has a button \"" + target.label() + "\"")));
        JsonNode button = button(message, target.label())
                .orElseThrow(() -> new IllegalArgumentException(
                        "message " + numberOf(message) + " has no button \"" + target.label() + "\""));
        if (button.path("disabled").asBoolean()) {
            throw new IllegalArgumentException("that button is disabled");
        }
        InteractionHandle handle =
                discord.click(me, message, button.path("custom_id").asText());
        settle(handle);
        formOpened(handle);
    }

    /** When the bot answered with a form (a button's, or a slash command's such as /suggest), holds it open. */
    private void formOpened(InteractionHandle handle) {
        InteractionHandle.Callback callback = handle.callback().getNow(null);
        if (callback != null && callback.type() == 9) {
            modal = new PendingModal(me, handle, callback.data(), new LinkedHashMap<>());
            say("form \"" + callback.data().path("title").asText() + "\" is open: "
                    + String.join(", ", fields(callback.data()).values()) + ". Fill it with: type <text>");
        }
    }

    private void select(InputLine input) {
        Target target = target(input, "select", "value");
        LocalMessage message = target.message()
                .orElseGet(() -> awaitLatestWith(m -> menu(m).isPresent())
                        .orElseThrow(() -> new IllegalArgumentException("no message you can see has a select menu")));
        JsonNode menu = menu(message)
                .orElseThrow(
                        () -> new IllegalArgumentException("message " + numberOf(message) + " has no select menu"));
        settle(discord.select(me, message, menu.path("custom_id").asText(), target.label()));
    }

    private record Target(Optional<LocalMessage> message, String label) {}

    private Target target(InputLine input, String verb, String what) {
        List<String> words = input.words().subList(1, input.words().size());
        if (words.isEmpty()) {
            throw new IllegalArgumentException(verb + " needs a " + what + ", e.g. " + verb + " A");
        }
        if (words.size() > 1 && words.get(0).matches("\\d+")) {
            int number = Integer.parseInt(words.get(0));
            LocalMessage message =
                    message(number).orElseThrow(() -> new IllegalArgumentException("there is no message " + number));
            return new Target(Optional.of(message), String.join(" ", words.subList(1, words.size())));
        }
        return new Target(Optional.empty(), String.join(" ", words));
    }

    private Optional<LocalMessage> message(int number) {
        synchronized (numbered) {
            return number < 1 || number > numbered.size()
                    ? Optional.empty()
                    : discord.message(numbered.get(number - 1));
        }
    }

    /**
     * The newest message the member can see that {@code has} what they want to press, waiting briefly for
     * the bot to post it: a busy bot may still be on its way (a group quiz's first question follows its
     * thread), as a person at a real client would wait.
     */
    private Optional<LocalMessage> awaitLatestWith(java.util.function.Predicate<LocalMessage> has) {
        long deadline = System.nanoTime() + TARGET_WAIT.toNanos();
        Optional<LocalMessage> found = latestWith(has);
        while (found.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = latestWith(has);
        }
        return found;
    }

    private Optional<LocalMessage> latestWith(java.util.function.Predicate<LocalMessage> has) {
        List<Long> ids;
        synchronized (numbered) {
            ids = List.copyOf(numbered);
        }
        for (int i = ids.size() - 1; i >= 0; i--) {
            Optional<LocalMessage> message = discord.message(ids.get(i));
            if (message.isPresent() && message.get().visibleTo(me.user()) && has.test(message.get())) {
                return message;
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> button(LocalMessage message, String label) {
        List<JsonNode> buttons = new ArrayList<>();
        message.components()
                .forEach(row -> row.path("components").forEach(c -> {
                    if (c.path("type").asInt() == 2) {
                        buttons.add(c);
                    }
                }));
        String wanted = label.toLowerCase(Locale.ROOT);
        Optional<JsonNode> exact = buttons.stream()
                .filter(b -> b.path("label").asText().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<JsonNode> prefixed = buttons.stream()
                .filter(b -> b.path("label").asText().toLowerCase(Locale.ROOT).startsWith(wanted))
                .toList();
        return prefixed.size() == 1 ? Optional.of(prefixed.get(0)) : Optional.empty();
    }

    private static Optional<JsonNode> menu(LocalMessage message) {
        for (JsonNode row : message.components()) {
            for (JsonNode component : row.path("components")) {
                if (component.path("type").asInt() == 3) {
                    return Optional.of(component);
                }
            }
        }
        return Optional.empty();
    }

    /** Text inputs of a modal, custom id to label, in order. */
    private static Map<String, String> fields(JsonNode form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (JsonNode top : form.path("components")) {
            if (top.path("type").asInt() == 18) {
                fields.put(
                        top.path("component").path("custom_id").asText(),
                        top.path("label").asText());
            } else {
                top.path("components")
                        .forEach(c -> fields.put(
                                c.path("custom_id").asText(), c.path("label").asText()));
            }
        }
        return fields;
    }

    private void type(String value) {
        if (modal == null) {
            throw new IllegalArgumentException("no form is open; a button such as \"Type your answer\" opens one");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("type needs the text to put in the form");
        }
        if (modal.member() != me) {
            throw new IllegalArgumentException(
                    "the open form belongs to " + modal.member().name() + "; switch back with: as "
                            + modal.member().name());
        }
        Map<String, String> fields = fields(modal.form());
        String next = fields.keySet().stream()
                .filter(k -> !modal.filled().containsKey(k))
                .findFirst()
                .orElseThrow();
        // A terminal line cannot hold a line break; \n stands for one, as in a form's paragraph field.
        modal.filled().put(next, value.replace("\\n", "\n"));
        if (modal.filled().size() < fields.size()) {
            say("filled \"" + fields.get(next) + "\"; next: "
                    + fields.get(fields.keySet().stream()
                            .filter(k -> !modal.filled().containsKey(k))
                            .findFirst()
                            .orElseThrow()));
            return;
        }
        PendingModal sending = modal;
        modal = null;
        settle(discord.submitModal(
                me, sending.opener(), sending.form().path("custom_id").asText(), sending.filled()));
    }

    private void as(InputLine input) {
        List<String> words = input.words();
        if (words.size() < 2
                || words.size() > 3
                || words.size() == 3 && !words.get(2).equalsIgnoreCase("admin")) {
            throw new IllegalArgumentException("write: as <name>, or as <name> admin");
        }
        String name = words.get(1);
        boolean admin = words.size() == 3;
        LocalMember existing = members.get(name.toLowerCase(Locale.ROOT));
        if (existing != null && admin && !isAdmin(existing)) {
            throw new IllegalArgumentException(
                    name + " already exists without Manage Server; pick a new name for" + " an admin");
        }
        me = existing != null ? existing : member(name, admin);
        if (here.isDirect()) {
            here = discord.openDirect(me.user()); // each member has their own DM with the bot
        }
        say("you are now " + me.name() + (isAdmin(me) ? " (Manage Server)" : ""));
    }

    private boolean isAdmin(LocalMember member) {
        return admins.getOrDefault(member.id(), false);
    }

    private LocalMember member(String name, boolean admin) {
        LocalMember member = discord.member(guild, name, admin);
        world.member(name, member.id(), admin);
        return remember(member, admin);
    }

    private LocalMember remember(LocalMember member, boolean admin) {
        members.put(member.name().toLowerCase(Locale.ROOT), member);
        names.put(member.id(), member.name());
        admins.put(member.id(), admin);
        return member;
    }

    /** The guild's channel or thread of that name, or a new text channel (remembered for next time). */
    private LocalChannel channelNamed(String wanted) {
        return discord.channels().stream()
                .filter(c -> c.guildId() == guild.id() && c.name().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseGet(() -> {
                    LocalChannel created = discord.channel(guild, wanted);
                    world.channel(created.name(), created.id());
                    return created;
                });
    }

    private void channel(String name) {
        String wanted = name.startsWith("#") ? name.substring(1) : name;
        if (wanted.isBlank()) {
            throw new IllegalArgumentException("write: channel <name>");
        }
        here = channelNamed(wanted);
        say("you are in #" + here.name());
    }

    /**
     * {@code dm}: switches to the member's DM with the bot (opened on first use), where the solo commands
     * work as through a user install; {@code channel <name>} goes back to the server.
     */
    private void dm(InputLine input) {
        if (input.words().size() != 1) {
            throw new IllegalArgumentException("write: dm (then channel <name> to go back)");
        }
        here = discord.openDirect(me.user());
        say("you are in your DM with " + discord.botUser().name() + "; channel general takes you back");
    }

    /** How a channel is named in the transcript: {@code #general}, or {@code DM with you}. */
    private String where(LocalChannel channel) {
        return channel == null
                ? "#?"
                : channel.isDirect() ? "DM with " + name(channel.recipientId()) : "#" + channel.name();
    }

    private void clock(String when) {
        String value = when.strip();
        if (value.startsWith("+")) {
            Matcher parts = STEP.matcher(value.substring(1));
            Duration by = Duration.ZERO;
            int end = 0;
            while (parts.find() && parts.start() == end) {
                long amount = Long.parseLong(parts.group(1));
                by = by.plus(
                        switch (parts.group(2)) {
                            case "d" -> Duration.ofDays(amount);
                            case "h" -> Duration.ofHours(amount);
                            case "m" -> Duration.ofMinutes(amount);
                            default -> Duration.ofSeconds(amount);
                        });
                end = parts.end();
            }
            if (end != value.length() - 1 || by.isZero()) {
                throw new IllegalArgumentException("write the step like +90s, +15m, +2h, +1d or +1d2h");
            }
            clock.advance(by);
        } else if (value.startsWith("-")) {
            throw new IllegalArgumentException("the clock only moves forward");
        } else {
            clock.advanceTo(instant(value));
        }
        say("the clock is now " + clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        bot.tick();
        quiet(CLOCK_QUIET);
    }

    private static Instant instant(String value) {
        try {
            return value.endsWith("Z")
                    ? Instant.parse(value)
                    : LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("write the time like 2026-12-01T09:00 (UTC) or +1d");
        }
    }

    /**
     * Waits for the bot to answer the interaction (for a deferred one, its real answer), then for its
     * follow-on work to finish.
     */
    private void settle(InteractionHandle handle) {
        int type = handle.awaitCallback(SETTLE_MAX).type();
        if (type == 5 || type == 6) {
            handle.awaitReply(DEFERRED_MAX); // a deferred answer: wait for the real one, not just "thinking…"
        }
        quiet();
    }

    /** Returns once the bot has sent nothing for a moment (at most {@link #SETTLE_MAX}). */
    private void quiet() {
        quiet(QUIET);
    }

    /** Returns once the bot has sent nothing for {@code silence} (at most {@link #SETTLE_MAX}). */
    private void quiet(Duration silence) {
        long deadline = System.nanoTime() + SETTLE_MAX.toNanos();
        int seen = discord.requests().size();
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            int now = discord.requests().size();
            if (now != seen) {
                seen = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince >= silence.toNanos()) {
                return;
            }
        }
    }

    private void print(Posted posted) {
        LocalMessage message = posted.message();
        if (message.isLoading()) {
            return; // "drillbit is thinking…": the answer it is waiting for follows as an edit
        }
        boolean firstTime = firstShown.add(message.id());
        boolean edit = posted.edit() && !firstTime;
        int number;
        synchronized (numbered) {
            Integer known = numbers.get(message.id());
            if (known == null) {
                numbered.add(message.id());
                known = numbered.size();
                numbers.put(message.id(), known);
            }
            number = known;
        }
        List<String> lines = text.render(number, where(posted.channel()), message, edit, saved(number, message));
        synchronized (this) {
            lines.forEach(sink);
        }
    }

    private List<String> saved(int number, LocalMessage message) {
        List<String> files = new ArrayList<>();
        for (JsonNode attachment : message.attachments()) {
            String name = attachment.path("filename").asText("file");
            Optional<byte[]> bytes = discord.requests().stream()
                    .flatMap(r -> r.files().stream())
                    .filter(f -> f.filename().equals(name))
                    .reduce((a, b) -> b)
                    .map(RecordedRequest.FilePart::bytes);
            if (bytes.isEmpty()) {
                files.add(name);
                continue;
            }
            try {
                Files.createDirectories(attachments);
                Path file = attachments.resolve(number + "-" + name.replaceAll("[^A-Za-z0-9._-]", "_"));
                Files.write(file, bytes.get());
                files.add(name + " (saved to " + file + ")");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private int numberOf(LocalMessage message) {
        return numbers.getOrDefault(message.id(), 0);
    }

    private String name(long id) {
        return names.getOrDefault(
                id,
                discord.channels().stream()
                        .filter(c -> c.id() == id)
                        .map(LocalChannel::name)
                        .findFirst()
                        .or(() -> discord.roles(guild).stream()
                                .filter(r -> r.id() == id)
                                .map(LocalRole::name)
                                .findFirst())
                        .orElse(Long.toString(id)));
    }

    private void say(String line) {
        synchronized (this) {
            sink.accept(line);
        }
    }

    /** Shows the person one line from outside the conversation, such as a problem the bot logged. */
    public void notice(String line) {
        say(line);
    }

    /** Sends everything the playground prints to {@code lines} from now on (one call per line). */
    public void printTo(java.util.function.Consumer<String> lines) {
        this.sink = lines;
    }

    @Override
    public void close() {
        try {
            bot.close();
        } finally {
            discord.close();
        }
    }
}
