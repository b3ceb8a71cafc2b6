package org.parshell.repl.shell;

import org.parshell.protocol.message.DefineJar;
import org.parshell.protocol.message.RemoteFailure;
import org.parshell.protocol.payload.ItemsCodec;
import org.parshell.repl.api.Mapper;
import org.parshell.repl.api.Parallel;
import org.parshell.repl.api.RemoteTaskException;
import org.parshell.repl.capture.CapturedFunction;
import org.parshell.repl.capture.FunctionCapture;
import org.parshell.repl.capture.NotShippableException;
import org.parshell.repl.capture.ShippingReport;
import org.parshell.repl.pool.ChunkListener;
import org.parshell.repl.pool.FunctionCode;
import org.parshell.repl.pool.RemoteFailureException;
import org.parshell.repl.pool.RunningMap;
import org.parshell.repl.pool.WorkerInfo;
import org.parshell.repl.pool.WorkerPool;
import org.parshell.repl.startup.StartupTrace;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What {@code pmap} does in a snippet: capture the function in the current generation and run it on
 * the pool. With {@code sequential} (the {@code --sequential} option) the function is still captured,
 * so what cannot travel is refused the same way, but it is applied in order in the shell's own JVM:
 * the reference that runs on workers must agree with.
 */
final class ShellMapper implements Mapper {
    private static final int MAX_REPEATED_FRAMES = 3;
    private final WorkerPool pool;
    private final Supplier<JShellGeneration> generation;
    private final boolean sequential;
    private final TaskBatcher tasks = new TaskBatcher(this::runBatch);

    private final Reply reply;
    private volatile Translated lastCode;

    /** {@code reply} is where {@link #check} answers. */
    ShellMapper(WorkerPool pool, Supplier<JShellGeneration> generation, boolean sequential, Reply reply) {
        this.pool = pool;
        this.generation = generation;
        this.sequential = sequential;
        this.reply = reply;
    }

    @Override
    public List<Object> map(Function<?, ?> function, List<?> inputs) {
        StartupTrace.once("first-map-called");
        FunctionCapture capture = generation.get().capture();
        CapturedFunction captured = capture.capture(function, inputs);
        StartupTrace.once("first-map-captured");
        if (sequential) {
            return applyInOrder(function, inputs);
        }
        try {
            return pool.map(code(captured), new ItemsCodec(capture.codec()), inputs, Parallel.currentTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the map was cancelled");
        } catch (RemoteFailureException e) {
            throw remoteException(e);
        }
    }

    @Override
    public CompletableFuture<List<Object>> mapAsync(Function<?, ?> function, List<?> inputs) {
        if (sequential) {
            return CompletableFuture.supplyAsync(() -> map(function, inputs), Runnable::run);
        }
        return translated(start(function, inputs, null).done());
    }

    @Override
    public Iterator<Object> imap(Function<?, ?> function, List<?> inputs) {
        return sequential ? map(function, inputs).iterator() : translated(start(function, inputs, null).ordered());
    }

    @Override
    public CompletableFuture<Object> submit(Function<?, ?> function, Object input) {
        if (sequential) {
            return CompletableFuture.supplyAsync(() -> map(function, List.of(input)).get(0), Runnable::run);
        }
        return tasks.submit(function, input);
    }

    private CompletableFuture<?> runBatch(Function<?, ?> function, List<Object> inputs, TaskBatcher.ResultSink sink) {
        return translated(start(function, inputs, (from, results) -> {
            for (int i = 0; i < results.size(); i++) {
                sink.result(from + i, results.get(i));
            }
        }).done());
    }

    private RunningMap start(Function<?, ?> function, List<?> inputs, ChunkListener listener) {
        FunctionCapture capture = generation.get().capture();
        CapturedFunction captured = capture.capture(function, inputs);
        try {
            return pool.start(code(captured), new ItemsCodec(capture.codec()), inputs, listener);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("the map was cancelled");
        }
    }

    /**
     * The captured function in the pool's terms; the same object again for the same capture (a stateless lambda
     * is captured once), so that each worker connection sees at once that it has shipped this code before.
     */
    private FunctionCode code(CapturedFunction captured) {
        Translated last = lastCode;
        if (last != null && last.captured() == captured) {
            return last.code();
        }
        List<DefineJar> jars = captured.jars().stream().map(j -> new DefineJar(j.hash(), j.name(), j.bytes())).toList();
        FunctionCode code = new FunctionCode(captured.generation(), captured.bundle(), captured.payload(), jars, captured.reusableHash());
        lastCode = new Translated(captured, code);
        return code;
    }

    private record Translated(CapturedFunction captured, FunctionCode code) {
    }

    /**
     * {@code future} as a dependent stage ({@code thenApply} would give): a failure comes wrapped in a
     * {@link CompletionException}, and where the function threw on a worker it is what the user sees.
     */
    private static <T> CompletableFuture<T> translated(CompletableFuture<T> future) {
        CompletableFuture<T> seen = new CompletableFuture<>();
        future.whenComplete((value, failure) -> {
            Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
            if (cause == null) {
                seen.complete(value);
            } else {
                seen.completeExceptionally(new CompletionException(cause instanceof RemoteFailureException r ? remoteException(r) : cause));
            }
        });
        return seen;
    }

    private static Iterator<Object> translated(Iterator<Object> results) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return results.hasNext();
            }

            @Override
            public Object next() {
                try {
                    return results.next();
                } catch (RemoteFailureException e) {
                    throw remoteException(e);
                }
            }
        };
    }

    private static RemoteTaskException remoteException(RemoteFailureException e) {
        return remoteException(e.failure(), e.worker());
    }

    /** A label that is a Java name is the value's name in the answer; an expression's value is "value". */
    @Override
    public void check(Object value, String label) {
        String name = label.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*") ? label : "value";
        String answer;
        try {
            ShippingReport report = generation.get().capture().report(value, name);
            answer = "can be sent: " + report;
        } catch (NotShippableException e) {
            answer = "cannot be sent: " + e.getMessage();
        }
        reply.line(label + " " + answer);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> applyInOrder(Function<?, ?> function, List<?> inputs) {
        Function<Object, Object> fn = (Function<Object, Object>) function;
        List<Object> results = new ArrayList<>(inputs.size());
        for (Object input : inputs) {
            try {
                results.add(fn.apply(input));
            } catch (RuntimeException | Error e) {
                throw remoteException(RemoteFailure.of(e), null);
            }
        }
        return results;
    }

    /** The frames up to where parshell's own code called the function, causes included. */
    static RemoteTaskException remoteException(RemoteFailure failure, WorkerInfo worker) {
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
        RemoteTaskException cause = failure.cause() == null ? null : remoteException(failure.cause(), null);
        return new RemoteTaskException(failure, worker == null ? null : worker.address() + " pid " + worker.pid(),
                trace.toArray(StackTraceElement[]::new), cause);
    }
}
