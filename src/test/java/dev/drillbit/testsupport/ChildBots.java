package dev.drillbit.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Bot processes for a test: each a child JVM running {@link ChildBot} on this JVM's class path, its log
 * kept in a file beside its config ({@link Child#log()}). Stopped gracefully or killed with SIGKILL.
 */
public final class ChildBots {
    private ChildBots() {}

    /** One running bot process. */
    public static final class Child implements AutoCloseable {
        private final Process process;
        private final PrintWriter commands;
        private final BlockingQueue<String> said = new LinkedBlockingQueue<>();
        private final Path log;
        private final int metricsPort;

        private Child(Process process, Path log, Duration timeout) throws IOException, InterruptedException {
            this.process = process;
            this.log = log;
            this.commands =
                    new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
            Thread reader = new Thread(this::read, "childbot-" + process.pid());
            reader.setDaemon(true);
            reader.start();
            String ready = await("ready ", timeout);
            this.metricsPort = Integer.parseInt(ready.substring("ready ".length()));
        }

        private void read() {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(ChildBot.SAYS)) {
                        said.add(line.substring(ChildBot.SAYS.length()));
                    } else {
                        Files.writeString(
                                log,
                                line + "\n",
                                StandardCharsets.UTF_8,
                                StandardOpenOption.CREATE,
                                StandardOpenOption.APPEND);
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }

        private String await(String prefix, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                String line = said.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError("the bot process " + process.pid() + " did not say \"" + prefix
                            + "\" within " + timeout + (process.isAlive() ? "" : " (it exited)") + "; its log: "
                            + log);
                }
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        }

        public long pid() {
            return process.pid();
        }

        /** The port of its health and metrics endpoint; 0 when metrics are off. */
        public int metricsPort() {
            return metricsPort;
        }

        public Path log() {
            return log;
        }

        /** Moves its clock on and lets the bot act on the new time once. */
        public void advance(Duration by) throws InterruptedException {
            commands.println("advance " + by);
            await("ok", BotHarness.TIMEOUT);
        }

        /** SIGKILL: no shutdown hook, nothing flushed, as when a host dies. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        /** Stops the bot as a graceful shutdown would. */
        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                commands.println("stop");
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    /**
     * Starts a bot process with {@code config} (written to a file in {@code folder}) and {@code environment},
     * its clock at {@code now}; returns once every shard it runs is connected.
     */
    public static Child start(
            Path folder, String name, String config, Map<String, String> environment, java.time.Instant now)
            throws IOException, InterruptedException {
        Path file = folder.resolve(name + ".json");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Xshare:auto",
                        "-XX:TieredStopAtLevel=1",
                        "-Xmx256m",
                        "-Dlogback.configurationFile=logback-childbot.xml",
                        ChildBot.class.getName(),
                        file.toString(),
                        now.toString()))
                .redirectErrorStream(true);
        pb.environment().putAll(environment);
        Path log = folder.resolve(name + "-" + System.nanoTime() + ".log");
        try {
            return new Child(pb.start(), log, Duration.ofSeconds(120)); // a JVM, JDA and Flyway on a slow machine
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
