package org.parshell.repl.pool;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/** A map that has started on the pool: its results as a future list, or one by one in input order as they arrive. */
public final class RunningMap {
    private final MapJob job;
    private final ResultAssembly results;
    private final Runnable cancel;

    RunningMap(MapJob job, ResultAssembly results, Runnable cancel) {
        this.job = job;
        this.results = results;
        this.cancel = cancel;
    }

    /** Cancels the map on every worker unless it is over; its future then fails. */
    public void cancelUnlessDone() {
        cancel.run();
    }

    /** Completes with every result in input order, or with the map's failure. */
    public CompletableFuture<List<Object>> done() {
        return job.done();
    }

    /** The results in input order; {@code next()} waits for its result, and throws the map's failure if it failed. */
    public Iterator<Object> ordered() {
        return new Iterator<>() {
            private int index;

            @Override
            public boolean hasNext() {
                return index < results.size();
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                try {
                    return results.await(index++);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted while waiting for result " + (index - 1));
                }
            }
        };
    }

    long id() {
        return job.id();
    }
}
