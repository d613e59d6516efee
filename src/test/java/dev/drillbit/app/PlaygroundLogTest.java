package dev.drillbit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** In the playground a problem reaches the terminal as one line; its stack trace goes to the log file. */
class PlaygroundLogTest {
    @TempDir
    Path data;

    @Test
    void anErrorWithAStackTraceShowsAsOneLineAndIsLoggedInFull() throws Exception {
        // GIVEN the playground's logging, with the terminal collecting lines
        List<String> terminal = new CopyOnWriteArrayList<>();
        try (PlaygroundLog log = PlaygroundLog.open(data, line -> {})) {
            log.noticesTo(terminal::add);

            // WHEN JDA logs an error with an exception, and the stand-in an ordinary event
            LoggerFactory.getLogger("net.dv8tion.jda.internal.Test")
                    .error("Encountered exception in a hook", new IllegalStateException("boom"));
            LoggerFactory.getLogger("dev.drillbit.playground.Test").info("interaction 1 -> bot");
        }

        // THEN the terminal got one line naming the file, without the trace; the file has it all
        Path file = data.resolve(PlaygroundLog.FILE);
        assertThat(terminal)
                .containsExactly(
                        "! the bot logged an error: Encountered exception in a hook (details in " + file + ")");
        assertThat(Files.readString(file))
                .contains("Encountered exception in a hook")
                .contains("java.lang.IllegalStateException: boom")
                .contains("\tat ")
                .contains("interaction 1 -> bot");
    }
}
