package org.parshell.repl.shell;

import org.parshell.protocol.message.RemoteFailure;
import org.parshell.protocol.payload.ItemsCodec;
import org.parshell.repl.api.Mapper;
import org.parshell.repl.api.RemoteTaskException;
import org.parshell.repl.capture.CapturedFunction;
import org.parshell.repl.capture.FunctionCapture;
import org.parshell.repl.pool.ChunkListener;
import org.parshell.repl.pool.RunningMap;
import org.parshell.repl.pool.WorkerInfo;
import org.parshell.repl.pool.WorkerPool;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/** What {@code pmap} does in a snippet: capture the function in the current generation and run it on the pool. */
final class ShellMapper implements Mapper {
    private final WorkerPool pool;
    private final Supplier<Generation> generation;
    private final TaskBatcher tasks = new TaskBatcher(this::runBatch);

    ShellMapper(WorkerPool pool, Supplier<Generation> generation) {
        this.pool = pool;
        this.generation = generation;
    }

    @Override
    public List<Object> map(Function<?, ?> function, List<?> inputs) {
        FunctionCapture capture = generation.get().capture();
        CapturedFunction captured = capture.capture(function);
        try {
            return pool.map(captured, new ItemsCodec(capture.codec()), inputs, ShellMapper::remoteException);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the map was cancelled");
        }
    }

    @Override
    public CompletableFuture<List<Object>> mapAsync(Function<?, ?> function, List<?> inputs) {
        return start(function, inputs, null).done().thenApply(results -> results);
    }

    @Override
    public Iterator<Object> imap(Function<?, ?> function, List<?> inputs) {
        return start(function, inputs, null).ordered();
    }

    @Override
    public CompletableFuture<Object> submit(Function<?, ?> function, Object input) {
        return tasks.submit(function, input);
    }

    private CompletableFuture<?> runBatch(Function<?, ?> function, List<Object> inputs, TaskBatcher.ResultSink sink) {
        return start(function, inputs, (from, results) -> {
            for (int i = 0; i < results.size(); i++) {
                sink.result(from + i, results.get(i));
            }
        }).done();
    }

    private RunningMap start(Function<?, ?> function, List<?> inputs, ChunkListener listener) {
        FunctionCapture capture = generation.get().capture();
        CapturedFunction captured = capture.capture(function);
        try {
            return pool.start(captured, new ItemsCodec(capture.codec()), inputs, listener, ShellMapper::remoteException);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the map was cancelled");
        }
    }

    /** The worker's frames up to where the worker's own code called the function. */
    private static RuntimeException remoteException(RemoteFailure failure, WorkerInfo worker) {
        List<StackTraceElement> trace = new ArrayList<>();
        for (RemoteFailure.Frame f : failure.frames()) {
            if (f.className().startsWith("org.parshell.")) {
                break;
            }
            trace.add(new StackTraceElement(f.className(), f.method(), f.file(), f.line()));
        }
        return new RemoteTaskException(failure, worker.address() + " pid " + worker.pid(),
                trace.toArray(StackTraceElement[]::new));
    }
}
