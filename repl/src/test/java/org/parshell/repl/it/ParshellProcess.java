package org.parshell.repl.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code scripts/parshell} (or {@code scripts/parshell-worker}) as a separate process,
 * the way a user does, and collects what it prints.
 */
public final class ParshellProcess implements AutoCloseable {
    public static final Path ROOT = findRoot();

    private final Process process;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Thread reader;

    private ParshellProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::drain, "parshell-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code scripts/<script> args...} with standard error merged into standard output. */
    public static ParshellProcess start(String script, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("scripts").resolve(script).toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        return new ParshellProcess(pb.start());
    }

    /** Like {@link #start(String, String...)}, with these variables added to the environment. */
    public static ParshellProcess start(java.util.Map<String, String> environment, String script, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("scripts").resolve(script).toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().putAll(environment);
        return new ParshellProcess(pb.start());
    }

    /** Runs the shell on {@code input} as standard input and waits for it to exit. */
    public static Result runShell(String input, String... args) throws Exception {
        try (ParshellProcess p = start("parshell", args)) {
            p.write(input);
            p.closeInput();
            return p.await(120);
        }
    }

    public void write(String text) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write(text.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    public void closeInput() throws IOException {
        process.getOutputStream().close();
    }

    public Result await(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("parshell did not exit within " + seconds + " s; output so far:\n" + output());
        }
        reader.join(5000);
        return new Result(process.exitValue(), output());
    }

    /** Waits until the output contains {@code text}. */
    public String awaitOutput(String text, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String out = output();
            if (out.contains(text)) {
                return out;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + text + "' within " + seconds + " s; output:\n" + output());
    }

    /**
     * Types {@code /workers} every half second until a row of its output matches {@code row}: workers join
     * behind the prompt, and a map starts on the first one ready without waiting for the others.
     */
    public String awaitWorker(java.util.regex.Pattern row, long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            write("/workers\n");
            Thread.sleep(500);
            String out = output();
            if (row.matcher(out).find()) {
                return out;
            }
        }
        throw new AssertionError("no worker row matching " + row + " within " + seconds + " s; output:\n" + output());
    }

    public Process process() {
        return process;
    }

    public synchronized String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void drain() {
        byte[] buffer = new byte[8192];
        try (InputStream in = process.getInputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (this) {
                    output.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    /** How the process ended. */
    public record Result(int exitCode, String output) {
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("scripts").resolve("parshell"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the project root (with scripts/parshell) above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
