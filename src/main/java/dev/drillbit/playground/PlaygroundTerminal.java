package dev.drillbit.playground;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Feeds a {@link Playground} one line at a time: interactively through JLine (line editing, history, Tab
 * completion), or from a pipe or file for scripted transcripts, optionally echoing each line. Runs on
 * the caller's thread.
 */
public final class PlaygroundTerminal {
    private PlaygroundTerminal() {}

    /** Runs lines from {@code input} until it ends or {@code quit}; returns whether every line was accepted. */
    public static boolean script(Playground playground, BufferedReader input, PrintWriter out, boolean echo)
            throws IOException {
        boolean allAccepted = true;
        String line;
        while (!playground.quitRequested() && (line = input.readLine()) != null) {
            if (echo) {
                out.println(playground.prompt() + line);
                out.flush();
            }
            allAccepted &= playground.execute(line);
        }
        return allAccepted;
    }

    /** An interactive session on the system terminal. */
    public static void interactive(Playground playground, PrintWriter out) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("drillbit")
                    .completer(new PlaygroundCompleter(playground))
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
            playground.printTo(reader::printAbove);
            while (!playground.quitRequested()) {
                String line;
                try {
                    line = reader.readLine(playground.prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return;
                }
                playground.execute(line);
            }
        }
    }
}
