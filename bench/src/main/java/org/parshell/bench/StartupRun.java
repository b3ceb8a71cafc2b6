package org.parshell.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One fresh process, timed from just before it is started: until a text shows in its output (a first
 * result, or a prompt, which ends no line), and until it exits. The {@code parshell-startup STEP
 * EPOCH_MICROS [DETAIL]} lines the shell prints when traced are kept, as seconds since the start.
 */
final class StartupRun {
    static final String TRACE_VARIABLE = "PARSHELL_STARTUP_TRACE";
    private static final String TRACE_PREFIX = "parshell-startup ";
    private static final long TIMEOUT_SECONDS = 120;

    /** A traced step: when it happened (seconds since the start) and what came with it. */
    record Step(String name, double seconds, String detail) {
    }

    private final double shownSeconds;
    private final double exitSeconds;
    private final List<Step> steps;

    private StartupRun(double shownSeconds, double exitSeconds, List<Step> steps) {
        this.shownSeconds = shownSeconds;
        this.exitSeconds = exitSeconds;
        this.steps = steps;
    }

    /**
     * Starts {@code command} in {@code root} with {@code environment} added, writes {@code input}, waits until
     * {@code shown} is in its output, then writes {@code then} and closes its input and waits for its end.
     */
    static StartupRun time(Path root, List<String> command, Map<String, String> environment, String input,
                           String shown, String then) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        long startMicros = micros(Instant.now());
        long start = System.nanoTime();
        Process p = builder.start();
        try {
            OutputStream in = p.getOutputStream();
            write(in, input);
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            double shownAt = readUntil(p.getInputStream(), output, shown, start, String.join(" ", command));
            write(in, then);
            in.close();
            p.getInputStream().transferTo(output);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException(String.join(" ", command) + " did not exit within " + TIMEOUT_SECONDS + " s");
            }
            double exitAt = (System.nanoTime() - start) / 1e9;
            return new StartupRun(shownAt, exitAt, steps(output.toString(StandardCharsets.UTF_8), startMicros));
        } finally {
            if (p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    /**
     * {@code shell} run at a terminal of its own (util-linux {@code script} makes one; it is 0 columns wide
     * unless told), as a person starts it.
     */
    static List<String> atTerminal(String shell) {
        return List.of("script", "-qfec", "stty cols 120 rows 40; exec " + shell, "/dev/null");
    }

    double shownSeconds() {
        return shownSeconds;
    }

    double exitSeconds() {
        return exitSeconds;
    }

    /** The first traced step of that name (and detail, when not null), in seconds since the start; NaN if none. */
    double step(String name, String detail) {
        return steps.stream().filter(s -> s.name().equals(name) && (detail == null || s.detail().startsWith(detail)))
                .mapToDouble(Step::seconds).findFirst().orElse(Double.NaN);
    }

    /** The detail {@code key=value} of the first step of that name, as a number; NaN if none. */
    double detail(String name, String key) {
        return detail(name, null, key);
    }

    /**
     * The value of {@code key=value} among the words of the detail of the first step of that name whose detail
     * starts with {@code detail} (any, when null), as a number; NaN if none.
     */
    double detail(String name, String detail, String key) {
        for (Step s : steps) {
            if (s.name().equals(name) && (detail == null || s.detail().startsWith(detail))) {
                for (String word : s.detail().split(" ")) {
                    if (word.startsWith(key + "=")) {
                        return Double.parseDouble(word.substring(key.length() + 1));
                    }
                }
            }
        }
        return Double.NaN;
    }

    private static double readUntil(InputStream out, ByteArrayOutputStream seen, String text, long start, String what)
            throws IOException {
        byte[] buffer = new byte[8192];
        for (int n; (n = out.read(buffer)) >= 0; ) {
            seen.write(buffer, 0, n);
            if (seen.toString(StandardCharsets.UTF_8).contains(text)) {
                return (System.nanoTime() - start) / 1e9;
            }
        }
        throw new IOException(what + " ended without printing `" + text.strip() + "`; it printed:\n" + seen.toString(StandardCharsets.UTF_8));
    }

    private static List<Step> steps(String output, long startMicros) {
        List<Step> steps = new ArrayList<>();
        for (String line : output.split("[\r\n]+")) {
            int at = line.indexOf(TRACE_PREFIX);
            if (at < 0) {
                continue;
            }
            String[] parts = line.substring(at + TRACE_PREFIX.length()).trim().split(" ", 3);
            if (parts.length >= 2 && parts[1].matches("[0-9]+")) {
                steps.add(new Step(parts[0], (Long.parseLong(parts[1]) - startMicros) / 1e6, parts.length > 2 ? parts[2] : ""));
            }
        }
        return steps;
    }

    private static void write(OutputStream in, String text) throws IOException {
        if (!text.isEmpty()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
            in.flush();
        }
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
    }

    static Map<String, String> traced() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(TRACE_VARIABLE, "1");
        return env;
    }
}
