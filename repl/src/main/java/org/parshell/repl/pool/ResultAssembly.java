package org.parshell.repl.pool;

import org.parshell.protocol.payload.ItemsCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/**
 * A map's results, kept per chunk as decoded from its payload ({@link ResultSegment}), in whatever order
 * the chunks come back; the finished list reads them in place. It knows how far the results are complete
 * from the start, so they can be read in input order while later chunks still run, and it tells a
 * {@link ChunkListener} of every chunk.
 */
final class ResultAssembly {
    private final int size;
    private final ChunkListener listener;
    private final TreeMap<Integer, ResultSegment> segments = new TreeMap<>();
    private int prefix;
    private Throwable failure;

    ResultAssembly(int size, ChunkListener listener) {
        this.size = size;
        this.listener = listener;
    }

    /** Keeps a chunk's decoded results (see {@link ItemsCodec#decodeArray}); false if they are not exactly {@code to - from} items. */
    boolean put(int from, int to, Object decoded) {
        ResultSegment segment = new ResultSegment(from, decoded);
        if (segment.size() != to - from) {
            return false;
        }
        synchronized (this) {
            segments.put(from, segment);
            for (ResultSegment next; prefix < size && (next = segments.get(prefix)) != null; ) {
                prefix += next.size();
            }
            notifyAll();
        }
        if (listener != null) {
            listener.chunkDone(from, segment);
        }
        return true;
    }

    synchronized void fail(Throwable t) {
        if (failure == null) {
            failure = t;
        }
        notifyAll();
    }

    /** Every result in input order; call once every chunk is in. */
    synchronized List<Object> list() {
        return new ResultList(new ArrayList<>(segments.values()), size);
    }

    int size() {
        return size;
    }

    /** The result at {@code index}, waiting until every result before it is in too. */
    synchronized Object await(int index) throws InterruptedException {
        if (index >= size) {
            throw new NoSuchElementException();
        }
        while (index >= prefix) {
            if (failure != null) {
                throw failure instanceof RuntimeException r ? r
                        : failure instanceof CancellationException c ? c : new CompletionException(failure);
            }
            wait();
        }
        ResultSegment s = segments.floorEntry(index).getValue();
        return s.get(index - s.from());
    }
}
