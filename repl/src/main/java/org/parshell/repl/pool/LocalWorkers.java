package org.parshell.repl.pool;

import org.parshell.protocol.HandshakeWarmUp;
import org.parshell.protocol.ReadyLine;
import org.parshell.protocol.auth.SharedSecret;
import org.parshell.repl.startup.StartupTrace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Worker JVMs on this machine, children of the shell. Each gets the shell's class path and
 * {@code --add-opens} flags, reads a fresh secret from its standard input and keeps that pipe
 * open: when the shell dies, even by {@code kill -9}, the pipe closes and the worker exits.
 * What a worker prints on standard output (the user's {@code println}s) is passed on to ours; what
 * befalls a worker is told to a {@link Listener}, for the shell to say.
 */
public final class LocalWorkers implements AutoCloseable {
    /** What happens to local workers that the user hears of. */
    public interface Listener {
        /** Worker {@code worker} never joined the pool; its standard error is in {@code log}. */
        void didNotStart(int worker, Throwable why, Path log);

        /** Worker {@code worker} exited (with {@code exitStatus}, or "unknown"), and another is starting in its place. */
        void replacing(int worker, long pid, String exitStatus);

        /** No process could be started in place of one that exited. */
        void cannotReplace(IOException why);
    }

    private static final String WORKER_MAIN = "org.parshell.worker.WorkerMain";

    /** The class-data archive a worker JVM maps at start (see scripts/launch.sh), if any. */
    static final String CDS_ARCHIVE = "parshell.worker.cds";
    /** Where a worker JVM writes the class-data archive of what it loaded, when it exits (the launcher's training run). */
    static final String CDS_DUMP = "parshell.worker.cds-dump";
    private static final long EXIT_WAIT_SECONDS = 2;
    /** Writing an archive at exit takes seconds on a busy machine; a worker killed meanwhile leaves half a file. */
    private static final long DUMPING_EXIT_WAIT_SECONDS = 120;

    private static final int MAX_REPLACEMENTS = 16;
    private static final String LOOPBACK = "127.0.0.1";

    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private final AtomicInteger replacements = new AtomicInteger();
    private volatile boolean closing;
    private final SharedSecret secret = SharedSecret.random();
    private final Path logDirectory;
    private final PrintStream out;
    private final Listener listener;

    public LocalWorkers(PrintStream out, Listener listener) throws IOException {
        this.out = out;
        this.listener = listener;
        this.logDirectory = Files.createTempDirectory("parshell-" + ProcessHandle.current().pid() + "-");
    }

    /**
     * Starts {@code count} workers, each with {@code threads} task threads, without waiting for them.
     * A worker that dies, or that the pool gives up on, is replaced, up to {@link #MAX_REPLACEMENTS} times in all.
     */
    public void start(int count, int threads, WorkerPool pool) throws IOException {
        // a lost local worker (silent, or its connection broke) is of no more use: end it, and it is replaced
        // (not while closing: a worker that ends on end of input drops its connection first, and may be writing its archive)
        pool.onLoss(w -> processes.stream()
                .filter(p -> !closing)
                .filter(p -> w.info().address().startsWith(LOOPBACK + ":") && p.pid() == w.info().pid())
                .findFirst()
                .ifPresent(Process::destroyForcibly));
        if (count > 0) {
            HandshakeWarmUp.start(); // while the workers' JVMs start
        }
        for (int i = 1; i <= count; i++) {
            startOne(i, threads, pool);
        }
    }

    private void startOne(int n, int threads, WorkerPool pool) throws IOException {
        if (closing) { // the shell left before the first prompt's start of its workers
            return;
        }
        Path log = logDirectory.resolve("worker-" + n + ".log");
        Process p = new ProcessBuilder(command(threads))
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        processes.add(p);
        StartupTrace.mark("worker-spawned", "worker=" + n);
        OutputStream stdin = p.getOutputStream();
        stdin.write((secret.toHex() + "\n").getBytes(StandardCharsets.US_ASCII));
        stdin.flush();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            relay(p, port);
            replace(p, n, threads, pool);
        }, "parshell-worker-" + n + "-stdout");
        reader.setDaemon(true);
        reader.start();
        port.thenRun(() -> StartupTrace.mark("worker-listening", traced(n, p)));
        pool.connect(LOOPBACK, port, secret).whenComplete((worker, e) -> {
            if (e == null) {
                StartupTrace.mark("worker-ready", traced(n, p));
            } else if (!closing) { // a worker still connecting when the shell leaves is ended with it: no news
                listener.didNotStart(n, e, log);
            }
        });
    }

    private static String traced(int n, Process p) {
        return ("worker=" + n + " " + StartupTrace.processorTime(p.pid())).strip();
    }

    private void replace(Process dead, int n, int threads, WorkerPool pool) {
        if (closing || replacements.incrementAndGet() > MAX_REPLACEMENTS) {
            return;
        }
        processes.remove(dead);
        listener.replacing(n, dead.pid(), exitStatus(dead));
        try {
            startOne(n, threads, pool);
        } catch (IOException e) {
            listener.cannotReplace(e);
        }
    }

    /** A worker exits by itself when its standard input ends; one that does not in time is ended. */
    @Override
    public void close() {
        closing = true;
        processes.forEach(LocalWorkers::endInput);
        long wait = System.getProperty(CDS_DUMP) != null ? DUMPING_EXIT_WAIT_SECONDS : EXIT_WAIT_SECONDS;
        for (Process p : processes) {
            try {
                if (!p.waitFor(wait, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroy();
                    if (!p.waitFor(EXIT_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        deleteLogs();
    }

    private static void endInput(Process p) {
        try {
            p.getOutputStream().close();
        } catch (IOException e) {
            p.destroy(); // the pipe is broken already: the worker is going or gone
        }
    }

    private void relay(Process p, CompletableFuture<Integer> port) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!port.isDone() && ReadyLine.is(line)) {
                    port.complete(ReadyLine.port(line));
                } else {
                    out.println(line);
                }
            }
        } catch (IOException | NumberFormatException e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IOException("the worker exited with status " + exitStatus(p)));
    }

    private static String exitStatus(Process p) {
        try {
            return String.valueOf(p.waitFor());
        } catch (InterruptedException e) {
            return "unknown";
        }
    }

    private static List<String> command(int threads) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("--sun-misc-unsafe-memory-access")) {
                command.add(arg);
            }
        }
        command.addAll(classDataFlags());
        command.add("-XX:+UseParallelGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(WORKER_MAIN);
        command.add("--local");
        command.add("--threads=" + threads);
        return command;
    }

    /**
     * Class-data sharing, as the launcher asks for it: map the archive made for workers, or make it. Logging of
     * the cds tags is off, so an archive the JVM cannot use (another JDK, changed jars) is passed over in silence.
     */
    private static List<String> classDataFlags() {
        String dump = System.getProperty(CDS_DUMP);
        String archive = System.getProperty(CDS_ARCHIVE);
        if (dump != null) {
            return List.of("-Xlog:cds=off,cds+dynamic=off", "-XX:ArchiveClassesAtExit=" + dump);
        }
        return archive == null ? List.of() : List.of("-Xlog:cds=off,cds+dynamic=off", "-XX:SharedArchiveFile=" + archive);
    }

    private void deleteLogs() {
        try (var files = Files.list(logDirectory)) {
            files.forEach(f -> f.toFile().delete());
            Files.deleteIfExists(logDirectory);
        } catch (IOException e) {
            // logs left in the temporary directory do no harm
        }
    }
}
