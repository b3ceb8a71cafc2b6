package org.parshell.worker;

import java.util.function.Function;

/**
 * Applies a function to every input of a chunk. Its implementations are copies of one template
 * ({@link ChunkLoopTemplate}), one per function class ({@link ChunkLoops}), so that the JIT profiles each
 * function's loop apart from every other function's.
 */
interface ChunkLoop {
    /**
     * The results of {@code fn} over {@code inputs} (an array as {@code ItemsCodec.decodeArray} gives it): an
     * {@code int[]} when every result is an {@code Integer}, else an {@code Object[]}.
     *
     * @throws InterruptedException when the thread is interrupted between two items (the chunk was cancelled)
     */
    Object apply(Function<Object, Object> fn, Object inputs) throws InterruptedException;
}
