package dev.drillbit.storage.flatfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads a file as newline-terminated lines without decoding them to strings, tracking each line's number
 * and byte offset. A last line without its newline is reported separately: that is where a crash cut a
 * write short. Not thread-safe; one per read.
 */
final class LineScanner {

    /** Receives each complete line (newline excluded). */
    interface LineSink {
        void line(byte[] buf, int off, int len, long lineNumber, long offset) throws IOException;
    }

    /**
     * How a file ended.
     *
     * @param lines complete lines read
     * @param completeBytes bytes up to and including the last newline
     * @param tailBytes bytes after the last newline (a torn write), 0 when the file ends with a newline
     */
    record End(long lines, long completeBytes, long tailBytes) {}

    private LineScanner() {}

    /** Scans at most {@code limit} bytes of {@code file} ({@link Long#MAX_VALUE} for all of it). */
    static End scan(Path file, long limit, LineSink sink) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                InputStream in = Channels.newInputStream(channel)) {
            byte[] buf = new byte[1 << 16];
            int start = 0;
            int end = 0;
            long bufOffset = 0; // file offset of buf[0]
            long lineNumber = 0;
            long remaining = limit;
            while (true) {
                if (end == buf.length) {
                    if (start > 0) {
                        System.arraycopy(buf, start, buf, 0, end - start);
                        bufOffset += start;
                        end -= start;
                        start = 0;
                    } else {
                        buf = Arrays.copyOf(buf, buf.length * 2);
                    }
                }
                int want = (int) Math.min(buf.length - end, remaining);
                int n = want == 0 ? -1 : in.read(buf, end, want);
                if (n < 0) {
                    break;
                }
                remaining -= n;
                int scanFrom = end;
                end += n;
                for (int i = scanFrom; i < end; i++) {
                    if (buf[i] == '\n') {
                        lineNumber++;
                        sink.line(buf, start, i - start, lineNumber, bufOffset + start);
                        start = i + 1;
                    }
                }
            }
            long complete = bufOffset + start;
            return new End(lineNumber, complete, end - start);
        }
    }
}
