package org.parshell.repl.shell;

import org.parshell.repl.capture.ClassPath;
import org.parshell.repl.capture.CodecWarmUp;
import org.parshell.repl.startup.StartupTrace;

import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;

/**
 * A session's first JShell, started on a thread of its own as soon as the shell knows where its output goes:
 * JShell's compiler takes about a second to warm up, the longest step before a first result, so it starts
 * before the worker pool and the local workers are made, and the prompt does not wait for it. Then that thread
 * warms the generation's codec up, while the first snippet compiles. It carries the class path that the
 * session's later generations share.
 */
public final class FirstGeneration {
    private final ClassPath classPath = new ClassPath();
    private final CompletableFuture<JShellGeneration> ready = new CompletableFuture<>();

    private FirstGeneration() {
    }

    public static FirstGeneration start(PrintStream out) {
        FirstGeneration first = new FirstGeneration();
        Thread starter = new Thread(() -> first.run(out), "parshell-jshell-start");
        starter.setDaemon(true);
        starter.start();
        return first;
    }

    private void run(PrintStream out) {
        JShellGeneration generation;
        try {
            generation = JShellGeneration.start(1, out, out, classPath);
        } catch (Throwable e) {
            ready.completeExceptionally(e);
            return;
        }
        ready.complete(generation);
        StartupTrace.mark("jshell-ready");
        CodecWarmUp.run(generation.capture().codec());
        StartupTrace.mark("codec-warm");
    }

    ClassPath classPath() {
        return classPath;
    }

    CompletableFuture<JShellGeneration> ready() {
        return ready;
    }
}
