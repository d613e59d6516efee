package dev.drillbit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.drillbit.playground.LocalChannel;
import dev.drillbit.playground.LocalDiscord;
import dev.drillbit.playground.LocalGuild;
import dev.drillbit.playground.LocalMember;
import dev.drillbit.playground.LocalMessage;
import dev.drillbit.testsupport.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path dir;

    @Test
    void withoutATokenItSaysHowToGetOneAndExitsTwo() throws Exception {
        // The test JVM must not have a token of its own for this to mean anything: skipped (not passed) if it has.
        assumeTrue(System.getenv("DISCORD_TOKEN") == null, "DISCORD_TOKEN is set in this environment");
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{}");
        StringWriter err = new StringWriter();

        int code = Main.run(
                new String[] {"run", "--config", config.toString()},
                new PrintWriter(new StringWriter()),
                new PrintWriter(err));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("No bot token. Create an application at" + " https://discord.com/developers/applications");
    }

    @Test
    @DisplayName(
            "storage on a PostgreSQL nobody answers at: start-up stops with one line naming it, never the password")
    void anUnreachableDatabaseStopsStartUpWithOneLine() throws Exception {
        Files.writeString(
                dir.resolve("config.json"),
                "{\"discord\": {\"token\": \"x\"}, \"storage\": {\"type\":"
                        + " \"postgres\", \"url\": \"jdbc:postgresql://127.0.0.1:1/drillbit\", \"user\": \"drillbit\","
                        + " \"password\": \"pw-in-file\"}}");
        StringWriter err = new StringWriter();

        int code = Main.run(
                new String[] {"run", "--config", dir.resolve("config.json").toString()},
                new PrintWriter(new StringWriter()),
                new PrintWriter(err));

        assertThat(code).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString().strip())
                .startsWith("drillbit did not start: cannot connect to PostgreSQL at "
                        + "jdbc:postgresql://127.0.0.1:1/drillbit as drillbit: ")
                .doesNotContain("\n")
                .doesNotContain("pw-in-file");
    }

    @Test
    void aBrokenBankStopsStartUpWithTheValidatorsMessages() throws Exception {
        Files.writeString(
                dir.resolve("config.json"),
                "{\"questionsDir\": \"" + dir.resolve("nowhere") + "\"," + " \"discord\": {\"token\": \"x\"}}");
        StringWriter err = new StringWriter();

        int code = Main.run(
                new String[] {"run", "--config", dir.resolve("config.json").toString()},
                new PrintWriter(new StringWriter()),
                new PrintWriter(err));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("nowhere ($): no such directory")
                .contains("drillbit did not start: fix the question files above");
    }

    @Test
    @DisplayName("run, started in a folder without questions/ and with its guild id written as a string, reaches"
            + " READY on the shipped bank and answers slash commands")
    void runConnectsToTheEndpointsOfItsConfigFileAndAnswersSlashCommands() throws Exception {
        try (LocalDiscord discord = LocalDiscord.start()) {
            LocalGuild guild = discord.guild("Study Group");
            LocalChannel general = discord.channel(guild, "general");
            LocalMember alice = discord.member(guild, "alice", false);
            Path config = dir.resolve("config.json");
            Files.writeString(config, """
                    {"dataDir": "%s", "discord": {"token": "%s", "devGuildIds": ["%d"],
                     "restBaseUrl": "%s", "gatewayUrl": "%s"}}
                    """.formatted(
                    dir.resolve("data"), discord.botToken(), guild.id(), discord.restBaseUrl(), discord.gatewayUrl()));
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process bot = new ProcessBuilder(List.of(
                            java,
                            "-cp",
                            absoluteClassPath(),
                            "dev.drillbit.app.Main",
                            "run",
                            "--config",
                            config.toString()))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("bot.log").toFile())
                    .start();
            try {
                awaitCommand(discord, guild, dir.resolve("bot.log"));
                LocalMessage roadmap = discord.slash(alice, general, "roadmap").awaitReply(Duration.ofSeconds(10));
                assertThat(roadmap.embeds().path(0).path("title").asText()).isEqualTo("The backend roadmap");
            } finally {
                bot.destroy();
                assertThat(bot.waitFor(20, TimeUnit.SECONDS))
                        .as("stops on SIGTERM")
                        .isTrue();
            }
            String log = Files.readString(dir.resolve("bot.log"));
            assertThat(log).contains("drillbit is running").doesNotContain(discord.botToken());
        }
    }

    /** The test's class path with every entry absolute, since the child runs in another folder. */
    private static String absoluteClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** Waits for the child bot to register /quiz; a cold JVM on a busy machine may take a while. */
    private static void awaitCommand(LocalDiscord discord, LocalGuild guild, Path log) throws Exception {
        try {
            discord.awaitCommand(guild, "quiz", Duration.ofSeconds(90));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the bot's log:\n" + Files.readString(log), e);
        }
    }

    private Path damagedData() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path journal = data.resolve("journal-000000000001.jsonl");
        Files.copy(Fixtures.resource("progress/damaged-middle/journal-000000000001.jsonl"), journal);
        return journal;
    }

    @Test
    @DisplayName("a damaged data file stops run with exit 1, naming the file and line, and is left as it was")
    void aDamagedDataFileStopsStartUp() throws Exception {
        Path journal = damagedData();
        byte[] before = Files.readAllBytes(journal);
        Files.writeString(
                dir.resolve("config.json"),
                "{\"questionsDir\": \"" + Fixtures.resource("bank/good") + "\", \"dataDir\": \"" + dir.resolve("data")
                        + "\", \"discord\": {\"token\": \"x\"}}");
        StringWriter err = new StringWriter();

        int code = Main.run(
                new String[] {"run", "--config", dir.resolve("config.json").toString()},
                new PrintWriter(new StringWriter()),
                new PrintWriter(err));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString())
                .startsWith(journal + ":3: ")
                .contains("drillbit did not start: a data file in " + dir.resolve("data") + " is damaged")
                .contains("repair-data --data " + dir.resolve("data"));
        assertThat(Files.readAllBytes(journal)).isEqualTo(before);
        assertThat(Files.list(dir.resolve("data")).map(p -> p.getFileName().toString()))
                .doesNotContain("snapshot.jsonl")
                .noneMatch(n -> n.contains("damaged"));
    }

    @Test
    @DisplayName("repair-data prints what it kept, where the original went and every dropped line")
    void repairDataReportsWhatItDid() throws Exception {
        Path journal = damagedData();
        StringWriter out = new StringWriter();

        int code = Main.run(
                new String[] {"repair-data", "--data", dir.resolve("data").toString()},
                new PrintWriter(out),
                new PrintWriter(new StringWriter()));

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains(journal + ": kept 2 events, dropped 1 line; the original was moved aside to " + journal
                        + ".damaged-")
                .contains("  dropped " + journal + ":3 (byte offset 228): ")
                .contains("Repaired 1 file in " + dir.resolve("data") + ". The bot can start again.");
        StringWriter again = new StringWriter();
        assertThat(Main.run(
                        new String[] {
                            "repair-data", "--data", dir.resolve("data").toString()
                        },
                        new PrintWriter(again),
                        new PrintWriter(new StringWriter())))
                .isZero();
        assertThat(again.toString())
                .isEqualTo("Nothing to repair in " + dir.resolve("data") + ": every data file reads cleanly.\n");
    }
}
