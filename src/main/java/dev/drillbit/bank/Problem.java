package dev.drillbit.bank;

import java.nio.file.Path;

/**
 * One thing wrong with a question file, with where it is. Immutable.
 *
 * @param file the file, as given to the loader
 * @param line 1-based line, or 0 when no position is known
 * @param column 1-based column, or 0 when no position is known
 * @param path the JSON path of the offending value ({@code $} for the whole file)
 * @param message what is wrong, in words an author can act on
 */
public record Problem(Path file, int line, int column, String path, String message) {

    /** {@code file:line:column: message}, or {@code file (path): message} when no position is known. */
    public String render() {
        if (line > 0) {
            return file + ":" + line + ":" + column + ": " + message;
        }
        return file + " (" + path + "): " + message;
    }
}
