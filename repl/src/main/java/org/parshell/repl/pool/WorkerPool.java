package org.parshell.repl.pool;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import org.parshell.protocol.auth.SharedSecret;
import org.parshell.protocol.codec.FrameSize;
import org.parshell.protocol.message.CancelJob;
import org.parshell.protocol.message.ChunkDone;
import org.parshell.protocol.message.ChunkFailed;
import org.parshell.protocol.message.Message;
import org.parshell.protocol.message.RemoteFailure;
import org.parshell.protocol.payload.ItemsCodec;
import org.parshell.repl.capture.CapturedFunction;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The workers this shell uses, local and remote alike, and the maps running over them. A map typed
 * while no worker is ready yet waits for the first one on its way; each later one takes a share of
 * the maps running when it joins.
 */
public final class WorkerPool implements WorkerListener, AutoCloseable {
    private static final long CONNECT_WAIT_SECONDS = 60;
    private static final long REPLACEMENT_GRACE_MILLIS = 2000;

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final ResultDecoder decoder = new ResultDecoder();
    private final List<WorkerConnection> workers = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<WorkerConnection>> connecting = new CopyOnWriteArrayList<>();
    private final Map<Long, MapJob> jobs = new ConcurrentHashMap<>();
    private final AtomicLong jobIds = new AtomicLong();
    private volatile MapProgress progress = MapProgress.NONE;
    private final RemoteAccess remote;
    private final Set<WorkerConnection> attached = ConcurrentHashMap.newKeySet();
    private final List<Consumer<WorkerConnection>> lossListeners = new CopyOnWriteArrayList<>();

    public WorkerPool() {
        this(RemoteAccess.plain());
    }

    public WorkerPool(RemoteAccess remote) {
        this.remote = remote;
    }

    /** Starts connecting to a local worker; the connection joins the pool when its handshake succeeds. */
    public CompletableFuture<WorkerConnection> connect(String host, int port, SharedSecret secret) {
        return connect(host, CompletableFuture.completedFuture(port), secret);
    }

    /**
     * Connects once {@code port} is known (a local worker still starting): maps wait for it from now on,
     * and a map whose workers all died waits for it rather than failing.
     */
    public CompletableFuture<WorkerConnection> connect(String host, CompletableFuture<Integer> port, SharedSecret secret) {
        return join(port.thenCompose(p -> WorkerConnection.connect(group, host, p, secret, null, this,
                new HostPort(host, p).toString(), WorkerInfo.LOCAL)), false);
    }

    /** Starts connecting to the worker daemon at {@code where}, with the shared secret file and TLS settings. */
    public CompletableFuture<WorkerConnection> attach(HostPort where) {
        boolean already = attached.stream().anyMatch(w -> !w.isLost() && w.info().address().equals(where.toString()));
        if (already) {
            return CompletableFuture.failedFuture(new WorkerException(where + " is attached already"));
        }
        try {
            return join(WorkerConnection.connect(group, where.host(), where.port(), remote.secret(where), remote.tls(), this), true);
        } catch (WorkerException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Connects to a worker started over ssh, once the loopback port of its bridge is known; it is named
     * {@code address} ({@code ssh://...}) and can be detached by that name.
     */
    public CompletableFuture<WorkerConnection> attachStarted(String address, CompletableFuture<Integer> loopbackPort,
                                                             SharedSecret secret) {
        return join(loopbackPort.thenCompose(p -> WorkerConnection.connect(group, "127.0.0.1", p, secret, null, this,
                address, WorkerInfo.SSH)), true);
    }

    /**
     * Takes the attached workers at {@code target} ({@code HOST[:PORT]}, or {@code all}) out of the
     * pool; the chunks they were running go to the others. Returns the workers detached.
     */
    public List<WorkerConnection> detach(String target) {
        String address = target.strip().equals("all") ? null : WorkerAddress.normalize(target);
        List<WorkerConnection> detached = attached.stream()
                .filter(w -> address == null || w.info().address().equals(address))
                .toList();
        for (WorkerConnection w : detached) {
            lost(w, "detached");
            workers.remove(w);
            attached.remove(w);
            w.close();
        }
        return detached;
    }

    /** A daemon attached again replaces its lost entry in {@code /workers}. */
    private void forgetLost(String address) {
        attached.removeIf(old -> old.isLost() && old.info().address().equals(address) && workers.remove(old));
    }

    private CompletableFuture<WorkerConnection> join(CompletableFuture<WorkerConnection> connection, boolean remote) {
        CompletableFuture<WorkerConnection> future = connection.thenApply(w -> {
            JoinRequirements.check(w);
            if (remote) {
                forgetLost(w.info().address());
                attached.add(w);
            }
            workers.add(w);
            jobs.values().forEach(job -> job.dispatch(live()));
            return w;
        });
        connecting.add(future);
        future.whenComplete((w, e) -> connecting.remove(future));
        return future;
    }

    /** Runs {@code function} over {@code inputs}; blocks until every result is back. */
    public List<Object> map(CapturedFunction function, ItemsCodec items, List<?> inputs,
                            BiFunction<RemoteFailure, WorkerInfo, RuntimeException> failures) throws InterruptedException {
        return map(function, items, inputs, failures, null);
    }

    /**
     * Runs {@code function} over {@code inputs}; blocks until every result is back, or until
     * {@code timeout} (null for none) has passed. However the wait ends, even by {@code Thread.stop}
     * of the caller (JShell's stop), a map that is not done is cancelled on every worker.
     */
    public List<Object> map(CapturedFunction function, ItemsCodec items, List<?> inputs,
                            BiFunction<RemoteFailure, WorkerInfo, RuntimeException> failures,
                            Duration timeout) throws InterruptedException {
        RunningMap running = start(function, items, inputs, null, failures);
        try {
            return timeout == null ? running.done().get() : running.done().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WorkerException w) {
                w.setStackTrace(new Throwable().getStackTrace()); // made on an I/O thread; the caller's frames say more
            }
            throw e.getCause() instanceof RuntimeException r ? r : new WorkerException(e.getCause().toString(), e.getCause());
        } catch (TimeoutException e) {
            throw new MapTimeoutException("the map did not finish within " + describe(timeout) + "; it was cancelled on every worker");
        } finally {
            running.cancelUnlessDone();
        }
    }

    /**
     * Starts {@code function} over {@code inputs} and returns at once. {@code listener}, if not null, hears
     * of every chunk whose results are in. The job ends (its workers forget it) when it completes;
     * {@link RunningMap#cancelUnlessDone()} ends it early on every worker.
     */
    public RunningMap start(CapturedFunction function, ItemsCodec items, List<?> inputs,
                            ChunkListener listener,
                            BiFunction<RemoteFailure, WorkerInfo, RuntimeException> failures) throws InterruptedException {
        awaitConnecting();
        List<WorkerConnection> live = live();
        if (live.isEmpty()) {
            throw new WorkerException("no workers: start the shell with --workers N or attach one with /attach HOST");
        }
        if (!FrameSize.fits(function.payload().length)) {
            throw new WorkerException(FrameSize.tooBig("the function and the variables it reads", function.payload().length));
        }
        int threads = live.stream().mapToInt(w -> w.info().threads()).sum();
        MapJob job = new MapJob(jobIds.incrementAndGet(), function, inputs, items, threads, listener, failures);
        jobs.put(job.id(), job);
        MapProgress progress = this.progress;
        progress.started(job.id(), inputs.size());
        job.done().whenComplete((r, e) -> {
            jobs.remove(job.id());
            job.end(live());
            progress.ended(job.id());
        });
        job.dispatch(live);
        return new RunningMap(job, job.results(), () -> {
            if (!job.done().isDone()) {
                cancel(job); // before abandon(), whose completion sends EndJob: a worker cancels only a job it still knows
                job.abandon(new WorkerException("the map was cancelled"));
            }
        });
    }

    /** Who hears how far each map is (one listener; the terminal's progress bar). */
    public void onProgress(MapProgress listener) {
        progress = listener == null ? MapProgress.NONE : listener;
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
                MapProgress progress = this.progress;
                job.completed(worker, m, live(), decoder, () -> progress.advanced(job.id(), job.itemsDone(), job.itemsTotal()));
            }
        } else if (message instanceof ChunkFailed m) {
            MapJob job = jobs.get(m.jobId());
            if (job != null) {
                job.failed(worker, new ChunkFailed(m.jobId(), m.chunk(), WorkerText.failure(m.failure())));
            }
        }
    }

    @Override
    public void lost(WorkerConnection worker, String why) {
        if (!worker.markLost(why)) {
            return;
        }
        worker.close();
        for (MapJob job : jobs.values()) {
            job.lost(worker, live());
            abandonIfStalled(job);
        }
        lossListeners.forEach(l -> l.accept(worker));
    }

    /** Called with each worker the pool loses, after its chunks went back to the queue. */
    public void onLoss(Consumer<WorkerConnection> listener) {
        lossListeners.add(listener);
    }

    /**
     * A map whose chunks nobody holds fails unless a worker is on its way (a local one being replaced).
     * The connection may close before the dead process is noticed, so the verdict waits a moment first.
     */
    private void abandonIfStalled(MapJob job) {
        abandonIfStalled(job, false);
    }

    private void abandonIfStalled(MapJob job, boolean waited) {
        if (!job.stalled() || !live().isEmpty()) {
            return;
        }
        List<CompletableFuture<WorkerConnection>> coming = List.copyOf(connecting);
        if (!coming.isEmpty()) {
            CompletableFuture.allOf(coming.toArray(CompletableFuture[]::new))
                    .whenComplete((v, e) -> abandonIfStalled(job, false));
        } else if (!waited) {
            CompletableFuture.runAsync(() -> abandonIfStalled(job, true),
                    CompletableFuture.delayedExecutor(REPLACEMENT_GRACE_MILLIS, TimeUnit.MILLISECONDS));
        } else {
            job.abandon(new WorkerException("no worker is left to run the map"));
        }
    }

    @Override
    public void close() {
        workers.forEach(WorkerConnection::close);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        decoder.close();
    }

    private void cancel(MapJob job) {
        for (WorkerConnection w : job.startedOn()) {
            if (!w.isLost()) {
                w.send(new CancelJob(job.id()));
                w.flush();
            }
        }
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * A map needs one worker to start: with none live yet, it waits for the first connection on its way
     * (the others join the running map as they come, see {@link #join}), not for all of them.
     */
    private void awaitConnecting() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CONNECT_WAIT_SECONDS);
        while (live().isEmpty() && !connecting.isEmpty() && System.nanoTime() < deadline) {
            try {
                CompletableFuture.anyOf(connecting.toArray(CompletableFuture[]::new))
                        .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                // reported where the connection was started; wait for the next one
            } catch (TimeoutException e) {
                return;
            }
        }
    }
}
