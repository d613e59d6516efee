package dev.drillbit.bench;

import dev.drillbit.playground.LocalDiscord;
import dev.drillbit.playground.LocalGuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A bot in its own JVM, logged in to a {@link LocalDiscord} running in this one: drillbit exactly as
 * production starts it ({@code Main run}, from the shaded jar when it was built, otherwise from this
 * classpath) or the {@link FloorBot}. Both get the same JVM options. Not thread-safe.
 */
final class BotProcess implements AutoCloseable {
    enum Kind {
        DRILLBIT,
        FLOOR
    }

    static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseG1GC");

    private final Process process;
    final long startedNanos;

    private BotProcess(Process process, long startedNanos) {
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /**
     * @param profile record a JFR profile to {@code workDir/<kind>.jfr} (both bots alike, so the overhead is
     *     the same on both sides of a comparison)
     */
    static BotProcess start(Kind kind, Env env, LocalDiscord discord, LocalGuild guild, Path workDir, boolean profile)
            throws IOException {
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>(List.of(javaBin()));
        command.addAll(JVM_OPTIONS);
        if (profile) {
            command.add("-XX:FlightRecorderOptions:stackdepth=256"); // JDA's stacks are deep: keep the bot's frames
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + workDir.resolve(kind.name().toLowerCase() + ".jfr"));
        }
        // Production's logback.xml for both (INFO to stderr, JDA at WARN), not the tests' logback-test.xml.
        command.add("-Dlogback.configurationFile=" + env.basedir().resolve("src/main/resources/logback.xml"));
        if (kind == Kind.DRILLBIT) {
            Path config = workDir.resolve("config.json");
            Files.writeString(config, """
                    {"questionsDir": "%s", "dataDir": "%s",
                     "discord": {"devGuildIds": [%d], "restBaseUrl": "%s", "gatewayUrl": "%s"}}
                    """.formatted(
                            env.basedir().resolve("questions"),
                            workDir.resolve("data"),
                            guild.id(),
                            discord.restBaseUrl(),
                            discord.gatewayUrl()));
            command.addAll(List.of(
                    "-cp", env.productClasspath(), "dev.drillbit.app.Main", "run", "--config", config.toString()));
        } else {
            command.addAll(List.of(
                    "-cp",
                    env.benchClasspath(),
                    FloorBot.class.getName(),
                    discord.restBaseUrl(),
                    discord.gatewayUrl()));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(
                        workDir.resolve(kind.name().toLowerCase() + ".out").toFile())
                .redirectError(
                        workDir.resolve(kind.name().toLowerCase() + ".err").toFile());
        builder.environment().put("DISCORD_TOKEN", discord.botToken());
        long started = System.nanoTime();
        return new BotProcess(builder.start(), started);
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
