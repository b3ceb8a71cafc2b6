package org.parshell.repl.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real terminal: a detached tmux session of its own running a command, driven with send-keys and read with capture-pane. */
final class TmuxSession implements AutoCloseable {
    private final String name;

    private TmuxSession(String name) {
        this.name = name;
    }

    static TmuxSession start(String command) throws Exception {
        String name = "parshell-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        tmux("new-session", "-d", "-s", name, "-x", "200", "-y", "50", command);
        return new TmuxSession(name);
    }

    /** Types {@code text} literally, then Enter. */
    void typeLine(String text) throws Exception {
        tmux("send-keys", "-t", name, "-l", text);
        tmux("send-keys", "-t", name, "Enter");
    }

    void sendKey(String key) throws Exception {
        tmux("send-keys", "-t", name, key);
    }

    String screen() throws Exception {
        return tmux("capture-pane", "-p", "-S", "-200", "-t", name);
    }

    /** How many times {@code text} is on the screen (and in its scroll-back). */
    long occurrences(String text) throws Exception {
        String s = screen();
        long n = 0;
        for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + text.length())) {
            n++;
        }
        return n;
    }

    String awaitScreen(String text, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String s = screen();
            if (s.contains(text)) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + text + "' on the terminal within " + seconds + " s:\n" + screen());
    }

    /** The pid of the process running in the session's pane. */
    long panePid() throws Exception {
        return Long.parseLong(tmux("list-panes", "-t", name, "-F", "#{pane_pid}").strip());
    }

    @Override
    public void close() throws Exception {
        try {
            ProcessHandle.of(panePid()).ifPresent(p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            });
        } catch (Exception | AssertionError e) {
            // the session is already gone
        }
        new ProcessBuilder("tmux", "kill-session", "-t", name).start().waitFor(10, TimeUnit.SECONDS);
    }

    private static String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("tmux");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("tmux " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }
}
