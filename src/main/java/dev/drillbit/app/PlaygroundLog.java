package dev.drillbit.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The playground's terminal is for the conversation: while a {@code PlaygroundLog} is open, everything the
 * bot, JDA and the stand-in log goes to a file in the playground's data folder, and a warning or error
 * shows in the terminal as one line that points at the file, never as a stack trace. Closing it puts the
 * console logging back. Thread-safe.
 */
final class PlaygroundLog implements AutoCloseable {
    static final String FILE = "playground.log";

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    private final Level previousLevel = root.getLevel();
    private final FileAppender<ILoggingEvent> file;
    private final Notices notices;

    private PlaygroundLog(Path logFile, Consumer<String> untilTerminal) {
        LoggerContext context = root.getLoggerContext();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            detached.add(it.next());
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n");
        encoder.start();
        file = new FileAppender<>();
        file.setContext(context);
        file.setName("playground-file");
        file.setFile(logFile.toString());
        file.setAppend(true);
        file.setEncoder(encoder);
        file.start();
        notices = new Notices(logFile, untilTerminal);
        notices.setContext(context);
        notices.setName("playground-notices");
        notices.start();
        root.addAppender(file);
        root.addAppender(notices);
        detached.forEach(root::detachAppender);
        root.setLevel(Level.INFO);
    }

    /**
     * Sends logging to {@code dataDir/playground.log}; warnings and errors also reach {@code untilTerminal}
     * as one line each until {@link #noticesTo} names the terminal.
     */
    static PlaygroundLog open(Path dataDir, Consumer<String> untilTerminal) {
        return new PlaygroundLog(dataDir.resolve(FILE), untilTerminal);
    }

    /** From now on the one-line notices go to {@code lines} (the playground's terminal). */
    void noticesTo(Consumer<String> lines) {
        notices.target = lines;
    }

    @Override
    public void close() {
        detached.forEach(root::addAppender);
        root.detachAppender(file);
        root.detachAppender(notices);
        root.setLevel(previousLevel);
        file.stop();
        notices.stop();
    }

    /** Turns each warning or error into one line for the person at the terminal. */
    private static final class Notices extends AppenderBase<ILoggingEvent> {
        private final Path logFile;
        private volatile Consumer<String> target;

        Notices(Path logFile, Consumer<String> target) {
            this.logFile = logFile;
            this.target = target;
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (!event.getLevel().isGreaterOrEqual(Level.WARN)) {
                return;
            }
            String message = event.getFormattedMessage();
            String first = message == null
                    ? ""
                    : message.lines().findFirst().orElse("").strip();
            String what = event.getLevel() == Level.ERROR ? "an error" : "a warning";
            target.accept("! the bot logged " + what + ": " + first + " (details in " + logFile + ")");
        }
    }
}
