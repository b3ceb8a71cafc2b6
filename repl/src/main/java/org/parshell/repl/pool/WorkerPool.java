package org.parshell.repl.pool;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import org.parshell.protocol.auth.SharedSecret;
import org.parshell.protocol.message.CancelJob;
import org.parshell.protocol.message.ChunkDone;
import org.parshell.protocol.message.ChunkFailed;
import org.parshell.protocol.message.Message;
import org.parshell.protocol.message.RemoteFailure;
import org.parshell.protocol.payload.ItemsCodec;
import org.parshell.repl.capture.CapturedFunction;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * The workers this shell uses, local and remote alike, and the maps running over them. Connections
 * still being made are awaited before a map starts, so a map typed right after start-up uses every
 * worker that is on its way.
 */
public final class WorkerPool implements WorkerListener, AutoCloseable {
    private static final long CONNECT_WAIT_SECONDS = 60;

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final List<WorkerConnection> workers = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<WorkerConnection>> connecting = new CopyOnWriteArrayList<>();
    private final Map<Long, MapJob> jobs = new ConcurrentHashMap<>();
    private final AtomicLong jobIds = new AtomicLong();

    /** Starts connecting; the connection joins the pool when its handshake succeeds. */
    public CompletableFuture<WorkerConnection> connect(String host, int port, SharedSecret secret) {
        CompletableFuture<WorkerConnection> future = WorkerConnection.connect(group, host, port, secret, this)
                .thenApply(w -> {
                    workers.add(w);
                    return w;
                });
        connecting.add(future);
        future.whenComplete((w, e) -> connecting.remove(future));
        return future;
    }

    /** Runs {@code function} over {@code inputs}; blocks until every result is back. */
    public List<Object> map(CapturedFunction function, ItemsCodec items, List<?> inputs,
                            BiFunction<RemoteFailure, WorkerInfo, RuntimeException> failures) throws InterruptedException {
        RunningMap running = start(function, items, inputs, null, failures);
        try {
            return running.done().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new WorkerException(e.getCause().toString(), e.getCause());
        } catch (InterruptedException e) {
            MapJob job = jobs.get(running.id());
            if (job != null) {
                cancel(job);
            }
            throw e;
        }
    }

    /**
     * Starts {@code function} over {@code inputs} and returns at once. {@code listener}, if not null, hears
     * of every chunk whose results are in. The job ends (its workers forget it) when it completes.
     */
    public RunningMap start(CapturedFunction function, ItemsCodec items, List<?> inputs,
                            ChunkListener listener,
                            BiFunction<RemoteFailure, WorkerInfo, RuntimeException> failures) throws InterruptedException {
        awaitConnecting();
        List<WorkerConnection> live = live();
        if (live.isEmpty()) {
            throw new WorkerException("no workers: start the shell with --workers N or attach one with /attach HOST");
        }
        int threads = live.stream().mapToInt(w -> w.info().threads()).sum();
        MapJob job = new MapJob(jobIds.incrementAndGet(), function, inputs, items, threads, listener, failures);
        jobs.put(job.id(), job);
        job.done().whenComplete((r, e) -> {
            jobs.remove(job.id());
            job.end(live);
        });
        job.dispatch(live);
        return new RunningMap(job, job.results());
    }

    public List<WorkerConnection> workers() {
        return List.copyOf(workers);
    }

    public List<WorkerConnection> live() {
        return workers.stream().filter(w -> !w.isLost()).toList();
    }

    @Override
    public void received(WorkerConnection worker, Message message) {
        if (message instanceof ChunkDone m) {
            MapJob job = jobs.get(m.jobId());
            if (job != null) {
                job.completed(worker, m, live());
            }
        } else if (message instanceof ChunkFailed m) {
            MapJob job = jobs.get(m.jobId());
            if (job != null) {
                job.failed(worker, m);
            }
        }
    }

    @Override
    public void lost(WorkerConnection worker, String why) {
        worker.markLost(why);
        jobs.values().forEach(job -> job.lost(worker, live()));
    }

    @Override
    public void close() {
        workers.forEach(WorkerConnection::close);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private void cancel(MapJob job) {
        for (WorkerConnection w : job.startedOn()) {
            w.send(new CancelJob(job.id()));
            w.flush();
        }
    }

    private void awaitConnecting() throws InterruptedException {
        for (CompletableFuture<WorkerConnection> f : List.copyOf(connecting)) {
            try {
                f.get(CONNECT_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // reported where the connection was started; the map runs on the workers that made it
            }
        }
    }
}
