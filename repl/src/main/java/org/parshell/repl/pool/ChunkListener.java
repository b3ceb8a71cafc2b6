package org.parshell.repl.pool;

import java.util.List;

/** Hears of every chunk of a map whose results are in; called on the network thread, so it must be quick. */
@FunctionalInterface
public interface ChunkListener {
    /** {@code results.get(i)} is the result of input {@code from + i}. */
    void chunkDone(int from, List<Object> results);
}
