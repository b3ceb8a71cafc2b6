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
 * never the network thread, so that decoding one chunk overlaps with receiving the next. A payload small
 * enough to decode in less time than a thread hop takes (a one-item map's) is decoded by the thread
 * waiting for the map, if one is ({@link CallerInbox}), which must wake up for it anyway.
 */
final class ResultDecoder implements AutoCloseable {
    /** Below this many bytes a payload is decoded by the thread waiting for the map. */
    static final int CALLER_BYTES = 512;

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

    /** Where the handling of a result payload of {@code bytes} bytes runs; {@code caller} is the map's waiting thread, or null. */
    Executor executorFor(int bytes, Executor caller) {
        return bytes < CALLER_BYTES && caller != null ? caller : threads;
    }

    /** The decode threads. */
    Executor threads() {
        return threads;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
