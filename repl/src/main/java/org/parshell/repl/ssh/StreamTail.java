package org.parshell.repl.ssh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/** Reads a process's standard error on a thread of its own and keeps its last lines for error messages. */
final class StreamTail {
    private static final int LINES = 6;

    private final Deque<String> last = new ArrayDeque<>();
    private final Thread reader;

    private StreamTail(InputStream in, Consumer<String> each) {
        reader = new Thread(() -> read(in, each), "parshell-ssh-stderr");
        reader.setDaemon(true);
        reader.start();
    }

    static StreamTail of(InputStream in) {
        return new StreamTail(in, line -> { });
    }

    /** Also hands every line to {@code each} as it comes. */
    static StreamTail of(InputStream in, Consumer<String> each) {
        return new StreamTail(in, each);
    }

    /** The last lines, after waiting briefly for the stream to end (the process has exited). */
    String text() {
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (last) {
            return String.join("\n", last);
        }
    }

    private void read(InputStream in, Consumer<String> each) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                synchronized (last) {
                    last.addLast(line.length() > 300 ? line.substring(0, 300) + "..." : line);
                    if (last.size() > LINES) {
                        last.removeFirst();
                    }
                }
                each.accept(line);
            }
        } catch (IOException e) {
            // the process is gone
        }
    }
}
