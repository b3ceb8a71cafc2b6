package org.parshell.repl.shell;

import org.parshell.protocol.message.RemoteFailure;
import org.parshell.protocol.payload.ItemsCodec;
import org.parshell.repl.api.Mapper;
import org.parshell.repl.api.Parallel;
import org.parshell.repl.api.RemoteTaskException;
import org.parshell.repl.capture.CapturedFunction;
import org.parshell.repl.capture.FunctionCapture;
import org.parshell.repl.pool.WorkerInfo;
import org.parshell.repl.pool.WorkerPool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.function.Supplier;

/** What {@code pmap} does in a snippet: capture the function in the current generation and run it on the pool. */
final class ShellMapper implements Mapper {
    private static final int MAX_REPEATED_FRAMES = 3;
    private final WorkerPool pool;
    private final Supplier<Generation> generation;

    ShellMapper(WorkerPool pool, Supplier<Generation> generation) {
        this.pool = pool;
        this.generation = generation;
    }

    @Override
    public List<Object> map(Function<?, ?> function, List<?> inputs) {
        FunctionCapture capture = generation.get().capture();
        CapturedFunction captured = capture.capture(function);
        try {
            return pool.map(captured, new ItemsCodec(capture.codec()), inputs, ShellMapper::remoteException,
                    Parallel.currentTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the map was cancelled");
        }
    }

    /** The worker's frames up to where the worker's own code called the function. */
    private static RuntimeException remoteException(RemoteFailure failure, WorkerInfo worker) {
        List<StackTraceElement> trace = new ArrayList<>();
        int repeats = 0;
        for (RemoteFailure.Frame f : failure.frames()) {
            if (f.className().startsWith("org.parshell.")) {
                break;
            }
            StackTraceElement e = new StackTraceElement(f.className(), f.method(), f.file(), f.line());
            repeats = !trace.isEmpty() && trace.get(trace.size() - 1).equals(e) ? repeats + 1 : 0;
            if (repeats < MAX_REPEATED_FRAMES) { // a stack overflow shows its recursion, not 1024 frames of it
                trace.add(e);
            }
        }
        return new RemoteTaskException(failure, worker.address() + " pid " + worker.pid(),
                trace.toArray(StackTraceElement[]::new));
    }
}
