package org.parshell.repl.pool;

import io.netty.util.concurrent.DefaultThreadFactory;
import org.parshell.protocol.payload.ItemsCodec;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one place where the shell turns a worker's result bytes into objects, and the threads that do it:
 * off the network thread, so that decoding one chunk overlaps with receiving the next. A payload of packed
 * numbers small enough to decode in less time than a thread hop takes (a one-item map's) is decoded where it
 * arrived; objects never are, however small: their classes' {@code readObject} is code typed at the prompt, and
 * it may block, loop or run out of memory, which must not happen on the thread that serves every connection.
 */
final class ResultDecoder implements AutoCloseable {
    /** Below this many bytes a payload is decoded on the thread that received it. */
    static final int INLINE_BYTES = 512;

    private final ExecutorService threads;

    ResultDecoder() {
        int n = Math.max(2, Runtime.getRuntime().availableProcessors());
        threads = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new DefaultThreadFactory("parshell-decode", true));
        ((ThreadPoolExecutor) threads).allowCoreThreadTimeOut(true);
    }

    /** The items of a chunk's results, as they travelled (see {@link ItemsCodec#decodeArray}). */
    Object decode(ItemsCodec codec, byte[] payload) {
        return codec.decodeArray(payload);
    }

    /** Where the handling of a result {@code payload} runs. */
    Executor executorFor(byte[] payload) {
        return payload.length < INLINE_BYTES && ItemsCodec.isPacked(payload) ? Runnable::run : threads;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
