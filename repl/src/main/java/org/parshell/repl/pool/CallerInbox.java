package org.parshell.repl.pool;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The thread that waits for a map, lent to the map as an executor: a chunk's small results are decoded
 * there, not on the network thread that received them, and not on a decode thread, which would be one
 * more thread to wake on the way to the caller. Once the caller stops waiting, whatever is still to run,
 * and whatever comes later, runs on {@code fallback}.
 */
final class CallerInbox implements Executor {
    private static final Runnable WAKE = () -> {
    };

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final Executor fallback;
    private volatile boolean closed;

    CallerInbox(Executor fallback) {
        this.fallback = fallback;
    }

    @Override
    public void execute(Runnable work) {
        if (closed) {
            fallback.execute(work);
            return;
        }
        queue.add(work);
        if (closed && queue.remove(work)) { // the caller left meanwhile: it will not see this
            fallback.execute(work);
        }
    }

    /**
     * Runs what is handed to this executor until {@code done} completes, and returns its value; throws
     * {@link TimeoutException} once {@code timeout} (null for none) has passed first.
     */
    <T> T await(CompletableFuture<T> done, Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        done.whenComplete((value, failure) -> queue.add(WAKE));
        long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        try {
            while (!done.isDone()) {
                Runnable work = timeout == null ? queue.take() : queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (work == null) {
                    throw new TimeoutException();
                }
                work.run();
            }
            return done.get();
        } finally {
            closed = true;
            for (Runnable left; (left = queue.poll()) != null; ) {
                if (left != WAKE) {
                    fallback.execute(left);
                }
            }
        }
    }
}
