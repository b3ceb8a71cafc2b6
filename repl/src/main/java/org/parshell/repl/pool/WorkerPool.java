package org.parshell.repl.pool;

import io.netty.channel.EventLoopGroup;
import org.parshell.protocol.auth.SharedSecret;
import org.parshell.protocol.Transport;
import org.parshell.protocol.codec.FrameSize;
import org.parshell.protocol.message.CancelJob;
import org.parshell.protocol.message.ChunkDone;
import org.parshell.protocol.message.ChunkFailed;
import org.parshell.protocol.message.UnknownFunction;
import org.parshell.protocol.message.Message;
import org.parshell.protocol.payload.ItemsCodec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The workers this shell uses, local and remote alike ({@link Membership}), and the maps running over
 * them: it routes each worker's results to its map, hands a lost worker's chunks to the others, and
 * blocks a caller until its map is done. A map typed while no worker is ready yet waits for the first
 * one on its way; each later one takes a share of the maps running when it joins.
 */
public final class WorkerPool implements WorkerListener, AutoCloseable {
    private static final long REPLACEMENT_GRACE_MILLIS = 2000;

    private final EventLoopGroup group = Transport.group(1, "parshell-pool-io");
    private final ResultDecoder decoder = new ResultDecoder();
    private final Membership members = new Membership();
    private final Map<Long, MapJob> jobs = new ConcurrentHashMap<>();
    private final AtomicLong jobIds = new AtomicLong();
    private volatile MapProgress progress = MapProgress.NONE;
    private final RemoteAccess remote;
    private final List<Consumer<WorkerConnection>> lossListeners = new CopyOnWriteArrayList<>();

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
        return join(port.thenCompose(p -> WorkerConnection.connect(group,
                WorkerEndpoint.at(new HostPort(host, p), WorkerInfo.LOCAL), secret, null, this)), false);
    }

    /**
     * Starts connecting to the worker daemon at {@code where}, with the shared secret file and TLS
     * settings: its certificate must be for {@code name} (the name typed, when {@code where} is one of
     * the addresses it resolves to); it runs {@code slots} chunks of this shell at once (0: as many as
     * it has task threads).
     */
    public CompletableFuture<WorkerConnection> attach(HostPort where, String name, int slots) {
        if (members.isAttached(where.toString())) {
            return CompletableFuture.failedFuture(new WorkerException(where + " is attached already"));
        }
        try {
            WorkerEndpoint endpoint = new WorkerEndpoint(where, where.toString(), WorkerInfo.DAEMON, name, slots);
            return join(WorkerConnection.connect(group, endpoint, remote.secret(where), remote.tls(), this), true);
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
        return join(loopbackPort.thenCompose(p -> WorkerConnection.connect(group,
                new WorkerEndpoint(new HostPort("127.0.0.1", p), address, WorkerInfo.SSH, "127.0.0.1", 0), secret, null, this)), true);
    }

    /**
     * Takes the attached workers at {@code target} ({@code HOST[:PORT]}, or {@code all}) out of the
     * pool; the chunks they were running go to the others. Returns the workers detached.
     */
    public List<WorkerConnection> detach(String target) {
        String address = target.strip().equals("all") ? null : WorkerAddress.normalize(target);
        List<WorkerConnection> detached = members.attachedAt(address);
        for (WorkerConnection w : detached) {
            lost(w, "detached");
            members.remove(w);
            w.close();
        }
        return detached;
    }

    /** A worker that joins takes chunks of the maps running. */
    private CompletableFuture<WorkerConnection> join(CompletableFuture<WorkerConnection> connection, boolean byAddress) {
        return members.join(connection, byAddress, w -> jobs.values().forEach(job -> job.dispatch(live())));
    }

    /**
     * Runs {@code function} over {@code inputs}; blocks until every result is back, or until
     * {@code timeout} (null for none) has passed. However the wait ends, even by {@code Thread.stop}
     * of the caller (JShell's stop), a map that is not done is cancelled on every worker. A function that
     * threw on a worker fails the map with a {@link RemoteFailureException}.
     */
    public List<Object> map(FunctionCode function, ItemsCodec items, List<?> inputs, Duration timeout)
            throws InterruptedException {
        CallerInbox caller = new CallerInbox(decoder.threads());
        RunningMap running = start(function, items, inputs, null, caller);
        try {
            return caller.await(running.done(), timeout);
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
    public RunningMap start(FunctionCode function, ItemsCodec items, List<?> inputs, ChunkListener listener)
            throws InterruptedException {
        return start(function, items, inputs, listener, null);
    }

    private RunningMap start(FunctionCode function, ItemsCodec items, List<?> inputs, ChunkListener listener, Executor caller)
            throws InterruptedException {
        members.awaitFirst();
        List<WorkerConnection> live = live();
        if (live.isEmpty()) {
            throw new WorkerException("no workers: start the shell with --workers N or attach one with /attach HOST");
        }
        if (!FrameSize.fits(function.payload().length)) {
            throw new WorkerException(FrameSize.tooBig("the function and the variables it reads", function.payload().length));
        }
        int threads = 0;
        for (WorkerConnection w : live) {
            threads += w.info().threads();
        }
        MapJob job = new MapJob(jobIds.incrementAndGet(), function, inputs, items, threads, listener, caller);
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
        return members.all();
    }

    /** How many connections are still on their way (started, not yet joined or failed). */
    public int coming() {
        return members.coming().size();
    }

    public List<WorkerConnection> live() {
        return members.live();
    }

    @Override
    public void received(WorkerConnection worker, Message message) {
        if (message instanceof ChunkDone m) {
            MapJob job = jobs.get(m.jobId());
            if (job != null) {
                MapProgress progress = this.progress;
                job.completed(worker, m, live(), decoder, () -> progress.advanced(job.id(), job.itemsDone(), job.itemsTotal()));
            }
        } else if (message instanceof UnknownFunction m) {
            MapJob job = jobs.get(m.jobId());
            if (job != null) {
                job.unknownFunction(worker);
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
        List<CompletableFuture<WorkerConnection>> coming = members.coming();
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
        members.all().forEach(WorkerConnection::close);
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
}
