package org.parshell.repl.pool;

import org.parshell.protocol.codec.FrameSize;
import org.parshell.protocol.message.ChunkDone;
import org.parshell.protocol.message.ChunkFailed;
import org.parshell.protocol.message.EndJob;
import org.parshell.protocol.message.RunChunk;
import org.parshell.protocol.message.Message;
import org.parshell.protocol.message.RunJob;
import org.parshell.protocol.message.RunKnownJob;
import org.parshell.protocol.message.StartJob;
import org.parshell.protocol.payload.ItemsCodec;
import org.parshell.protocol.payload.PayloadException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One map over the pool: the inputs cut into chunks as {@link ChunkPlan} decides, each worker kept
 * busy with up to {@link #IN_FLIGHT_PER_THREAD} chunks per task thread, results decoded off the network
 * thread ({@link ResultDecoder}; small ones by the thread waiting for the map, {@link CallerInbox}) and
 * kept in place by {@link ResultAssembly}, so the list comes back in input order whatever order the chunks
 * finish in. A chunk on a worker that is lost goes back to the queue, at most {@link #MAX_ATTEMPTS}
 * times in all: a chunk that takes down every worker it meets fails the map instead of looping.
 */
final class MapJob {
    static final int IN_FLIGHT_PER_THREAD = 2;
    static final int MAX_ATTEMPTS = 3;

    private final long id;
    private final FunctionCode function;
    private final List<?> inputs;
    private final ItemsCodec items;
    private final ChunkPlan plan;
    private final ResultAssembly results;
    private final Map<Integer, ChunkPlan.Range> ranges = new HashMap<>();
    private final Map<Integer, Long> sentAt = new HashMap<>();
    private final Map<WorkerConnection, Long> lastDoneAt = new HashMap<>();
    private final Deque<Integer> pending = new ArrayDeque<>();
    private final Map<WorkerConnection, Set<Integer>> inFlight = new HashMap<>();
    private final Set<WorkerConnection> started = new HashSet<>();
    private final Set<WorkerConnection> endsByItself = new HashSet<>();
    private final Set<WorkerConnection> sentByName = new HashSet<>();
    /** The inputs of a whole job sent by the function's name, kept to send it again with the payload. */
    private byte[] wholeInputs;
    private final Map<Integer, Integer> attempts = new HashMap<>();
    private final CompletableFuture<List<Object>> done = new CompletableFuture<>();
    private final Executor caller;
    private int itemsLeft;

    /** {@code caller}, if not null, is the thread waiting for the map, lent to decode small results ({@link CallerInbox}). */
    MapJob(long id, FunctionCode function, List<?> inputs, ItemsCodec items, int totalThreads, ChunkListener listener,
           Executor caller) {
        this.id = id;
        this.caller = caller;
        this.function = function;
        this.inputs = inputs;
        this.items = items;
        this.plan = new ChunkPlan(inputs.size(), totalThreads);
        this.results = new ResultAssembly(inputs.size(), listener);
        this.itemsLeft = inputs.size();
        done.whenComplete((r, failure) -> {
            if (failure != null) {
                results.fail(failure);
            }
        });
        if (itemsLeft == 0) {
            done.complete(results.list());
        }
    }

    long id() {
        return id;
    }

    synchronized int itemsDone() {
        return inputs.size() - itemsLeft;
    }

    int itemsTotal() {
        return inputs.size();
    }

    CompletableFuture<List<Object>> done() {
        return done;
    }

    ResultAssembly results() {
        return results;
    }

    /** Sends chunks to every worker with room for more. */
    synchronized void dispatch(List<WorkerConnection> workers) {
        if (done.isDone()) {
            return;
        }
        for (WorkerConnection w : workers) {
            if (w.isLost()) {
                continue;
            }
            Set<Integer> running = inFlight.computeIfAbsent(w, k -> new HashSet<>());
            int room = w.chunksAtOnce() - running.size();
            for (; room > 0 && (!pending.isEmpty() || plan.hasNext()); room--) {
                int chunk = pending.isEmpty() ? newChunk() : pending.pop();
                ChunkPlan.Range r = ranges.get(chunk);
                byte[] encoded;
                try {
                    encoded = items.encode(inputs.subList(r.from(), r.to()));
                } catch (RuntimeException e) { // an input that cannot travel fails the map, which ends like any other
                    done.completeExceptionally(e);
                    return;
                }
                if (!FrameSize.fits(encoded.length)) {
                    done.completeExceptionally(new WorkerException(FrameSize.tooBig("the inputs of chunk " + chunk, encoded.length)));
                    return;
                }
                running.add(chunk);
                attempts.merge(chunk, 1, Integer::sum);
                sentAt.put(chunk, System.nanoTime());
                send(w, chunk, r, encoded);
                w.flush(); // on the wire while the next chunk is encoded
            }
        }
    }

    /** True when chunks are left and no worker holds any of them. */
    synchronized boolean stalled() {
        return !done.isDone() && inFlight.values().stream().allMatch(Set::isEmpty);
    }

    /**
     * A chunk's results arrived: off the network thread, which goes on receiving (on {@code decoder}'s threads,
     * or small results on the thread waiting for the map), the worker's next chunk is encoded and sent, then
     * these results are decoded.
     */
    void completed(WorkerConnection worker, ChunkDone message, List<WorkerConnection> workers, ResultDecoder decoder,
                   Runnable progress) {
        ChunkPlan.Range range;
        synchronized (this) {
            Set<Integer> running = inFlight.get(worker);
            if (running == null || !running.remove(message.chunk()) || done.isDone()) {
                return;
            }
            range = ranges.get(message.chunk());
            observe(worker, message.chunk(), range);
        }
        decoder.executorFor(message.results().length, caller).execute(() -> {
            try {
                dispatch(workers);
                keep(worker, message, range, decoder);
                progress.run();
            } catch (RuntimeException e) { // wherever it runs, a failure here is the map's
                done.completeExceptionally(e);
            }
        });
    }

    private void keep(WorkerConnection worker, ChunkDone message, ChunkPlan.Range range, ResultDecoder decoder) {
        try {
            if (!results.put(range.from(), range.to(), decoder.decode(items, message.results()))) {
                done.completeExceptionally(new WorkerException("chunk " + message.chunk() + " came back with the wrong number of results"));
                return;
            }
        } catch (PayloadException e) { // the worker is fine; these results cannot be read here, wherever they ran
            done.completeExceptionally(new WorkerException("cannot read the results of chunk " + message.chunk()
                    + " from " + worker.info().address() + ": " + WorkerText.clean(e.getMessage(), false), e));
            return;
        }
        synchronized (this) {
            worker.countChunkDone();
            itemsLeft -= range.size();
            if (itemsLeft == 0) {
                done.complete(results.list());
            }
        }
    }

    /** Believed only from the worker the chunk was sent to, while it runs there. */
    synchronized void failed(WorkerConnection worker, ChunkFailed message) {
        if (!inFlight.getOrDefault(worker, Set.of()).contains(message.chunk())) {
            return;
        }
        done.completeExceptionally(new RemoteFailureException(message.failure(), worker.info()));
    }

    /** The worker is gone: its chunks go back to the front of the queue for the others, unless they ran out of attempts. */
    void lost(WorkerConnection worker, List<WorkerConnection> workers) {
        synchronized (this) {
            Set<Integer> running = inFlight.remove(worker);
            if (running == null || done.isDone()) {
                return;
            }
            for (int chunk : running) {
                if (attempts.getOrDefault(chunk, 0) >= MAX_ATTEMPTS) {
                    ChunkPlan.Range r = ranges.get(chunk);
                    done.completeExceptionally(new WorkerException("chunk " + chunk + " (items " + r.from() + ".."
                            + (r.to() - 1) + ") was lost with its worker "
                            + MAX_ATTEMPTS + " times, last on " + worker.info().address() + " (" + worker.lostBecause()
                            + "); the map is abandoned"));
                    return;
                }
                pending.addFirst(chunk);
            }
        }
        dispatch(workers);
    }

    /** Gives up on the map (cancelled, timed out, or its caller was stopped): later results are ignored. */
    void abandon(RuntimeException why) {
        done.completeExceptionally(why);
    }

    synchronized void end(List<WorkerConnection> workers) {
        for (WorkerConnection w : started) {
            if (!w.isLost() && !endsByItself.contains(w)) {
                w.send(new EndJob(id));
                w.flush();
            }
        }
    }

    synchronized Set<WorkerConnection> startedOn() {
        return Set.copyOf(started);
    }

    private int newChunk() {
        int chunk = ranges.size();
        ranges.put(chunk, plan.next());
        return chunk;
    }

    /** The worker's time on this chunk: from when it was sent, or from the worker's previous result if that came later. */
    private void observe(WorkerConnection worker, int chunk, ChunkPlan.Range range) {
        long now = System.nanoTime();
        long sent = sentAt.remove(chunk);
        Long previous = lastDoneAt.put(worker, now);
        long since = previous == null ? sent : Math.max(sent, previous);
        plan.observed(range.size(), Math.min(now - sent, (now - since) * Math.max(1, worker.info().threads())));
    }

    /**
     * A chunk holding every input goes to a worker that has not started the job as one {@link RunJob}, which
     * the worker forgets by itself; any other chunk as a {@link RunChunk}, after a {@link StartJob} the first time.
     */
    private void send(WorkerConnection w, int chunk, ChunkPlan.Range range, byte[] encoded) {
        boolean first = started.add(w);
        if (first) {
            w.shipCode(function);
        }
        if (first && range.size() == inputs.size()) {
            endsByItself.add(w);
            w.send(wholeJob(w, encoded));
            return;
        }
        if (first) {
            held(w);
            w.send(new StartJob(id, function.generation(), function.bundle().hash(), function.payload()));
        }
        w.send(new RunChunk(id, chunk, encoded));
    }

    /** The whole job: by the function's hash where the worker holds it, else with its payload. */
    private Message wholeJob(WorkerConnection w, byte[] encoded) {
        if (function.reusableHash() != null && w.functions().holds(function.generation(), function.reusableHash())) {
            sentByName.add(w);
            wholeInputs = encoded;
            return new RunKnownJob(id, function.generation(), function.reusableHash(), encoded);
        }
        held(w);
        return new RunJob(id, function.generation(), function.bundle().hash(), function.payload(), encoded);
    }

    /** The worker gets the payload now and keeps a reusable function. */
    private void held(WorkerConnection w) {
        if (function.reusableHash() != null) {
            w.functions().sent(function.generation(), function.reusableHash());
        }
    }

    /**
     * The worker did not hold the function a {@link RunKnownJob} named (restarted or evicted): nothing ran there,
     * and the job goes again with the payload. Believed once per worker, for a job sent to it by name.
     */
    synchronized void unknownFunction(WorkerConnection worker) {
        if (done.isDone() || !inFlight.getOrDefault(worker, Set.of()).contains(RunJob.CHUNK)) {
            return;
        }
        if (!sentByName.remove(worker)) {
            done.completeExceptionally(new WorkerException(worker.info().address() + " asked for the function of job " + id
                    + " it was sent whole"));
            return;
        }
        worker.functions().forget(function.generation(), function.reusableHash());
        worker.send(wholeJob(worker, wholeInputs)); // as encoded then: this is the network thread, and writeObject is user code
        worker.flush();
    }

}
