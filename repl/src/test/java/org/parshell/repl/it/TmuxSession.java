package org.parshell.repl.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** A real terminal: a detached tmux session running one command, driven with send-keys and read with capture-pane. */
final class TmuxSession implements AutoCloseable {
    private final String name;

    private TmuxSession(String name) {
        this.name = name;
    }

    static boolean available() {
        try {
            return run(List.of("tmux", "-V")).startsWith("tmux");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Starts {@code command} (a shell command line) in a 200x50 terminal. */
    static TmuxSession start(String command) throws IOException, InterruptedException {
        String name = "parshell-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        run(List.of("tmux", "new-session", "-d", "-s", name, "-x", "200", "-y", "50", command));
        return new TmuxSession(name);
    }

    /** Types {@code text} literally (no key names). */
    void type(String text) throws IOException, InterruptedException {
        // tmux reads a ';' that ends an argument as the end of its command, unless escaped
        String literal = text.endsWith(";") ? text.substring(0, text.length() - 1) + "\\;" : text;
        run(List.of("tmux", "send-keys", "-t", name, "-l", literal));
    }

    /** Types {@code text}, then Enter. */
    void typeLine(String text) throws IOException, InterruptedException {
        type(text);
        press("Enter");
    }

    /** How many times {@code text} is on the screen (and in its scroll-back). */
    long occurrences(String text) throws IOException, InterruptedException {
        String s = screen();
        long n = 0;
        for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + text.length())) {
            n++;
        }
        return n;
    }

    /** The process tmux started in the pane. */
    long panePid() throws IOException, InterruptedException {
        return Long.parseLong(run(List.of("tmux", "list-panes", "-t", name, "-F", "#{pane_pid}")).strip());
    }

    /** Presses keys by tmux's names: Enter, Tab, Up, C-r, C-d, BTab. */
    void press(String... keys) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "send-keys", "-t", name));
        command.addAll(List.of(keys));
        run(command);
    }

    /** What the terminal shows now, with its scrollback. */
    String screen() throws IOException, InterruptedException {
        return run(List.of("tmux", "capture-pane", "-p", "-J", "-S", "-1000", "-t", name));
    }

    /** Only the visible part of the terminal. */
    String visible() throws IOException, InterruptedException {
        return run(List.of("tmux", "capture-pane", "-p", "-J", "-t", name));
    }

    String awaitScreen(Pattern pattern, long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = alive() ? screen() : screen;
            if (pattern.matcher(screen).find()) {
                return screen;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no /" + pattern + "/ on the terminal within " + seconds + " s; it shows:\n" + screen);
    }

    String awaitScreen(String text, long seconds) throws IOException, InterruptedException {
        return awaitScreen(Pattern.compile(Pattern.quote(text)), seconds);
    }

    /** Waits until the number of prompts on the screen reaches {@code count}. */
    String awaitPrompts(int count, long seconds) throws IOException, InterruptedException {
        return awaitScreen(Pattern.compile("(?s)(.*?^parshell> ){" + count + "}", Pattern.MULTILINE), seconds);
    }

    boolean alive() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("tmux", "has-session", "-t", name).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    boolean awaitExit(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (!alive()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (alive()) {
            run(List.of("tmux", "kill-session", "-t", name));
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("tmux did not answer: " + command);
        }
        return out;
    }
}
