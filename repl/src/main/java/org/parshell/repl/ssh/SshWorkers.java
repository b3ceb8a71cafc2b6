package org.parshell.repl.ssh;

import io.netty.util.concurrent.DefaultThreadFactory;
import org.parshell.protocol.auth.SharedSecret;
import org.parshell.repl.pool.WorkerConnection;
import org.parshell.repl.pool.WorkerPool;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Workers this shell starts on other hosts over ssh. Each host is prepared and started on a thread
 * of its own, so a slow or failing host holds up no other. A worker the pool loses or detaches has
 * its ssh client ended, and every one is ended when the shell closes. What the user hears of is told to a
 * {@link Listener}, for the shell to say.
 */
public final class SshWorkers implements AutoCloseable {
    /** What happens on the way to an ssh worker that the user hears of. */
    public interface Listener {
        /** {@code count} jars the host lacked were copied to its {@code directory}. */
        void copiedJars(SshTarget target, int count, String directory);
    }

    private static final String WORKER_MAIN = "org.parshell.worker.WorkerMain";

    private final WorkerPool pool;
    private final PrintStream out;
    private final Listener listener;
    private final Map<String, SshWorker> running = new ConcurrentHashMap<>();
    private final ExecutorService starters = Executors.newCachedThreadPool(new DefaultThreadFactory("parshell-ssh-start", true));
    private volatile RemoteJars jars;

    /** What the workers print goes to {@code out}. */
    public SshWorkers(WorkerPool pool, PrintStream out, Listener listener) {
        this.pool = pool;
        this.out = out;
        this.listener = listener;
        pool.onLoss(w -> {
            SshWorker worker = running.remove(w.info().address());
            if (worker != null) {
                worker.stop();
            }
        });
    }

    /** Copies the jars the host lacks, starts a worker there with a fresh secret, and connects to it. */
    public CompletableFuture<WorkerConnection> start(SshTarget target) {
        String name = target.toString();
        SshWorker existing = running.get(name);
        if (existing != null && existing.isAlive()) {
            return CompletableFuture.failedFuture(new IOException(name + " is attached already"));
        }
        SharedSecret secret = SharedSecret.random();
        CompletableFuture<SshWorker> started = CompletableFuture.supplyAsync(() -> launch(target, secret), starters);
        return pool.attachStarted(name, started.thenCompose(SshWorker::port), secret)
                .whenComplete((w, e) -> {
                    if (e != null) {
                        started.thenAccept(SshWorker::stop);
                    }
                });
    }

    private SshWorker launch(SshTarget target, SharedSecret secret) {
        try {
            SshCommand ssh = new SshCommand(target);
            RemoteJars jars = jars();
            int copied = jars.sync(ssh);
            if (copied > 0) {
                listener.copiedJars(target, copied, RemoteJars.DIRECTORY.replace("$HOME", "~"));
            }
            SshWorker worker = SshWorker.start(target, ssh, workerCommand(target, jars), secret, out);
            running.put(target.toString(), worker);
            return worker;
        } catch (IOException e) {
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    private RemoteJars jars() throws IOException {
        RemoteJars j = jars;
        if (j == null) {
            j = RemoteJars.ofClassPath(System.getProperty("java.class.path"));
            jars = j;
        }
        return j;
    }

    @Override
    public void close() {
        running.values().forEach(SshWorker::stop);
        running.clear();
        starters.shutdownNow();
    }

    private static String workerCommand(SshTarget target, RemoteJars jars) {
        List<String> command = new ArrayList<>();
        command.add("exec");
        command.add(target.java() == null ? "java" : target.java());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens")) {
                command.add(arg.replace("--add-opens ", "--add-opens="));
            }
        }
        command.add("-XX:+UseParallelGC");
        command.add("-cp");
        command.add(jars.remoteClassPath());
        command.add(WORKER_MAIN);
        command.add("--stdio");
        if (target.threads() > 0) {
            command.add("--threads=" + target.threads());
        }
        return String.join(" ", command);
    }
}
