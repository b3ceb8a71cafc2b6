package org.parshell.repl.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real {@code scripts/parshell-worker} daemon in its own process, on a free port (it binds port 0
 * and the test reads the port from its log), so tests running at the same time never collide.
 */
final class WorkerDaemon implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+):(\\d+).* pid (\\d+)");

    private final Process process;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final Thread reader;
    private final String host;
    private final int port;
    private final long pid;

    private WorkerDaemon(Process process) throws InterruptedException {
        this.process = process;
        this.reader = new Thread(this::drain, "parshell-worker-log");
        reader.setDaemon(true);
        reader.start();
        Matcher m = LISTENING.matcher(awaitLog("listening on ", 120));
        if (!m.find()) {
            throw new AssertionError("no listening line in:\n" + log());
        }
        host = m.group(1);
        port = Integer.parseInt(m.group(2));
        pid = Long.parseLong(m.group(3));
    }

    /** Starts a daemon on 127.0.0.1, any free port, with two task threads. */
    static WorkerDaemon start(Path secretFile, String... more) throws IOException, InterruptedException {
        return startWith(List.of(), "127.0.0.1", secretFile, more);
    }

    /** Starts a daemon on {@code bind}:{@code port} with two task threads, and {@code environment} added to its own. */
    static WorkerDaemon startOn(java.util.Map<String, String> environment, String bind, int port, Path secretFile, String... more)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ParshellProcess.ROOT.resolve("scripts").resolve("parshell-worker").toString(),
                "--bind", bind, "--port", String.valueOf(port), "--threads", "2", "--secret-file", secretFile.toString()));
        command.addAll(List.of(more));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ParshellProcess.ROOT.toFile()).redirectErrorStream(true);
        pb.environment().putAll(environment);
        return new WorkerDaemon(pb.start());
    }

    /** Starts {@code command}, which must start a worker daemon that logs where it listens. */
    static WorkerDaemon startCommand(List<String> command) throws IOException, InterruptedException {
        return new WorkerDaemon(new ProcessBuilder(command).directory(ParshellProcess.ROOT.toFile())
                .redirectErrorStream(true).start());
    }

    /**
     * Starts {@code WorkerMain} with {@code first} ahead of the worker's jar and libraries on its class
     * path (classes or resources a test puts there), on 127.0.0.1, any free port, two task threads.
     */
    static WorkerDaemon startWithFirstOnClassPath(Path first, Path secretFile) throws IOException, InterruptedException {
        Path worker = ParshellProcess.ROOT.resolve("worker/target");
        String jar;
        try (var jars = java.nio.file.Files.list(worker)) {
            jar = jars.map(Path::toString).filter(p -> p.matches(".*/parshell-worker-[^/]*\\.jar") && !p.endsWith("-tests.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no worker jar in " + worker));
        }
        String classPath = String.join(java.io.File.pathSeparator, first.toString(), jar, worker.resolve("lib") + "/*");
        return startCommand(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + ParshellProcess.ROOT.resolve("scripts/jvm.options"), "-cp", classPath, "org.parshell.worker.WorkerMain",
                "--bind", "127.0.0.1", "--port", "0", "--threads", "2", "--secret-file", secretFile.toString()));
    }

    /** {@code prefix} runs before the script, e.g. {@code ip netns exec NAME}. */
    static WorkerDaemon startWith(List<String> prefix, String bind, Path secretFile, String... more)
            throws IOException, InterruptedException {
        return startWith(prefix, bind, 2, secretFile, more);
    }

    /** Starts a daemon on 127.0.0.1, any free port, with {@code threads} task threads. */
    static WorkerDaemon startThreads(int threads, Path secretFile) throws IOException, InterruptedException {
        return startWith(List.of(), "127.0.0.1", threads, secretFile);
    }

    private static WorkerDaemon startWith(List<String> prefix, String bind, int threads, Path secretFile, String... more)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.add(ParshellProcess.ROOT.resolve("scripts").resolve("parshell-worker").toString());
        command.addAll(List.of("--bind", bind, "--port", "0", "--threads", String.valueOf(threads),
                "--secret-file", secretFile.toString()));
        command.addAll(List.of(more));
        return new WorkerDaemon(new ProcessBuilder(command).directory(ParshellProcess.ROOT.toFile())
                .redirectErrorStream(true).start());
    }

    /** What to type after {@code --attach} or {@code /attach}. */
    String address() {
        return host + ":" + port;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    long pid() {
        return pid;
    }

    Process process() {
        return process;
    }

    synchronized String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    String awaitLog(String text, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (log().contains(text)) {
                return log();
            }
            if (!process.isAlive() && !reader.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the worker did not log '" + text + "' within " + seconds + " s; log:\n" + log());
    }

    /** How {@code "PIDS " + new TreeSet<>(pids)} prints when every item ran on one of these two daemons and each ran some. */
    static String pidsLine(WorkerDaemon a, WorkerDaemon b) {
        return "PIDS [" + Math.min(a.pid(), b.pid()) + ", " + Math.max(a.pid(), b.pid()) + "]";
    }

    /** A shell with the right secret attaches and gets results computed in this daemon's process. */
    void assertServesAShell(Path secretFile, String... moreShellArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("--workers", "0", "--attach", address(), "--secret-file", secretFile.toString()));
        args.addAll(List.of(moreShellArgs));
        ParshellProcess.Result ok = ParshellProcess.runShell(
                "System.out.println(\"OK \" + pmap(x -> x * 3 + \":\" + ProcessHandle.current().pid(), List.of(1, 2)));\n",
                args.toArray(String[]::new));
        assertEquals(0, ok.exitCode(), ok.output() + "\nworker log:\n" + log());
        assertTrue(ok.output().contains("OK [3:" + pid + ", 6:" + pid + "]"), ok.output() + "\nworker log:\n" + log());
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        byte[] buffer = new byte[8192];
        try (InputStream in = process.getInputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (this) {
                    log.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }
}
