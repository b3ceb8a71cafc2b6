package org.parshell.worker;

import io.netty.util.concurrent.DefaultThreadFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Deals with cancelled chunks whose function ignores the interrupt (a busy loop): after a grace
 * period such a thread is stopped with {@code Thread.stop}, as JShell's own local execution stops a
 * snippet on JDK 17. Where {@code Thread.stop} no longer works (JDK 20 and later) the task pool gets
 * one more thread instead, so the worker keeps its capacity while the stuck thread spins.
 */
final class StuckTasks {
    static final long GRACE_MILLIS = 1000;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            new DefaultThreadFactory("parshell-stuck-tasks", true));
    private final ThreadPoolExecutor pool;

    StuckTasks(ThreadPoolExecutor pool) {
        this.pool = pool;
    }

    /** Interrupts the task now and, if its function is still running after the grace period, stops it. */
    void cancel(ChunkTask task) {
        task.cancel(true);
        timer.schedule(() -> stopIfStuck(task), GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    @SuppressWarnings({"deprecation", "removal"})
    private void stopIfStuck(ChunkTask task) {
        Thread thread = task.stuckIn();
        if (thread == null) {
            return;
        }
        try {
            thread.stop();
            WorkerLog.info("stopped " + thread.getName() + ": its cancelled function ignored the interrupt");
        } catch (UnsupportedOperationException e) {
            synchronized (pool) {
                pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
                pool.setCorePoolSize(pool.getCorePoolSize() + 1);
            }
            WorkerLog.info(thread.getName() + " ignores its interrupt and cannot be stopped on this JDK; "
                    + "added a task thread in its place (" + pool.getCorePoolSize() + " now)");
        }
    }

    void close() {
        timer.shutdownNow();
    }
}
