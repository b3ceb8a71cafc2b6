package org.parshell.repl.shell;

import io.netty.util.concurrent.DefaultThreadFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Turns single tasks ({@code submit(fn, x)}) into maps: tasks submitted while the previous batch was
 * being dispatched travel together, one map per run of tasks with the same function object, so ten
 * thousand tasks cost a few dozen maps rather than ten thousand. Each task still has its own future.
 * When a batch fails, its unfinished tasks run again one by one, so a task fails only by its own input.
 * Whatever a batch throws, an {@code Error} from the user's own {@code writeObject} included, fails that
 * batch's tasks and nothing else: the tasks submitted after it still run.
 */
final class TaskBatcher implements AutoCloseable {
    /** Runs one batch as a map; tells {@code onResult} of each result as its chunk comes in. */
    interface BatchRunner {
        CompletableFuture<?> run(Function<?, ?> function, List<Object> inputs, ResultSink onResult);
    }

    interface ResultSink {
        void result(int index, Object value);
    }

    private record Task(Function<?, ?> function, Object input, CompletableFuture<Object> result) {
    }

    private final BatchRunner runner;
    private final ConcurrentLinkedQueue<Task> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(new DefaultThreadFactory("parshell-submit", true));

    TaskBatcher(BatchRunner runner) {
        this.runner = runner;
    }

    CompletableFuture<Object> submit(Function<?, ?> function, Object input) {
        Task task = new Task(function, input, new CompletableFuture<>());
        queue.add(task);
        if (draining.compareAndSet(false, true)) {
            dispatcher.execute(this::drain);
        }
        return task.result();
    }

    @Override
    public void close() {
        dispatcher.shutdownNow();
    }

    private void drain() {
        while (true) {
            List<Task> batch = new ArrayList<>();
            for (Task t; (t = queue.poll()) != null; ) {
                batch.add(t);
            }
            if (batch.isEmpty()) {
                draining.set(false);
                if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            int from = 0;
            for (int i = 1; i <= batch.size(); i++) {
                if (i == batch.size() || batch.get(i).function() != batch.get(from).function()) {
                    run(batch.subList(from, i), true);
                    from = i;
                }
            }
        }
    }

    /** One map for tasks that share a function; if it fails, the tasks still open run alone. */
    private void run(List<Task> tasks, boolean retryAlone) {
        List<Object> inputs = new ArrayList<>(tasks.size());
        tasks.forEach(t -> inputs.add(t.input()));
        CompletableFuture<?> done;
        try {
            done = runner.run(tasks.get(0).function(), inputs, (index, value) -> tasks.get(index).result().complete(value));
        } catch (Throwable e) { // not only RuntimeException: anything escaping here would end drain() with draining still set
            tasks.forEach(t -> t.result().completeExceptionally(e));
            return;
        }
        done.whenComplete((r, failure) -> {
            if (failure == null) {
                return;
            }
            if (!retryAlone || tasks.size() == 1) {
                tasks.forEach(t -> t.result().completeExceptionally(unwrap(failure)));
                return;
            }
            try {
                dispatcher.execute(() -> tasks.stream().filter(t -> !t.result().isDone()).forEach(t -> run(List.of(t), false)));
            } catch (RejectedExecutionException closed) {
                tasks.forEach(t -> t.result().completeExceptionally(unwrap(failure)));
            }
        });
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
