package org.parshell.repl.api;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** What {@link Parallel} calls to run a map: the shell's worker pool, installed when the shell starts. */
public interface Mapper {
    List<Object> map(Function<?, ?> function, List<?> inputs);

    /** Tells the user whether {@code value} ({@code label}: the expression it came from) could travel to a worker, and what it would take or why not. */
    void check(Object value, String label);

    /** Starts the map and returns at once; the future completes with the results in input order. */
    CompletableFuture<List<Object>> mapAsync(Function<?, ?> function, List<?> inputs);

    /** Starts the map and returns the results in input order, each as soon as it and those before it are in. */
    Iterator<Object> imap(Function<?, ?> function, List<?> inputs);

    /** One task: {@code function} applied to {@code input} on a worker. */
    CompletableFuture<Object> submit(Function<?, ?> function, Object input);
}
