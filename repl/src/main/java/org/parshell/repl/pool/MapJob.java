package org.parshell.repl.pool;

import org.parshell.protocol.codec.FrameSize;
import org.parshell.protocol.message.ChunkDone;
import org.parshell.protocol.message.ChunkFailed;
import org.parshell.protocol.message.DefineBundle;
import org.parshell.protocol.message.EndJob;
import org.parshell.protocol.message.RunChunk;
import org.parshell.protocol.message.StartJob;
import org.parshell.protocol.payload.ItemsCodec;
import org.parshell.protocol.payload.PayloadException;
import org.parshell.repl.capture.CapturedFunction;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * One map over the pool: the inputs cut into chunks, each worker kept busy with up to
 * {@link #IN_FLIGHT_PER_THREAD} chunks per task thread, results written into place as they come,
 * so the list comes back in input order whatever order the chunks finish in. A chunk on a worker
 * that is lost goes back to the queue, at most {@link #MAX_ATTEMPTS} times in all: a chunk that
 * takes down every worker it meets fails the map instead of looping.
 */
final class MapJob {
    static final int IN_FLIGHT_PER_THREAD = 2;
    static final int MAX_ATTEMPTS = 3;
    private static final int CHUNKS_PER_THREAD = 4;

    private final long id;
    private final CapturedFunction function;
    private final List<?> inputs;
    private final ItemsCodec items;
    private final int chunkSize;
    private final Object[] results;
    private final Deque<Integer> pending = new ArrayDeque<>();
    private final Map<WorkerConnection, Set<Integer>> inFlight = new HashMap<>();
    private final Set<WorkerConnection> started = new HashSet<>();
    private final Map<Integer, Integer> attempts = new HashMap<>();
    private final BiFunction<org.parshell.protocol.message.RemoteFailure, WorkerInfo, RuntimeException> failures;
    private final CompletableFuture<List<Object>> done = new CompletableFuture<>();
    private int chunksLeft;
    private int itemsDone;

    MapJob(long id, CapturedFunction function, List<?> inputs, ItemsCodec items, int totalThreads,
           BiFunction<org.parshell.protocol.message.RemoteFailure, WorkerInfo, RuntimeException> failures) {
        this.id = id;
        this.function = function;
        this.inputs = inputs;
        this.items = items;
        this.failures = failures;
        this.results = new Object[inputs.size()];
        int chunks = Math.max(1, totalThreads * CHUNKS_PER_THREAD);
        this.chunkSize = Math.max(1, (inputs.size() + chunks - 1) / chunks);
        for (int start = 0, c = 0; start < inputs.size(); start += chunkSize, c++) {
            pending.add(c);
        }
        chunksLeft = pending.size();
        if (chunksLeft == 0) {
            done.complete(List.of());
        }
    }

    long id() {
        return id;
    }

    synchronized int itemsDone() {
        return itemsDone;
    }

    int itemsTotal() {
        return inputs.size();
    }

    CompletableFuture<List<Object>> done() {
        return done;
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
            int room = w.info().threads() * IN_FLIGHT_PER_THREAD - running.size();
            boolean sent = false;
            for (; room > 0 && !pending.isEmpty(); room--) {
                int chunk = pending.pop();
                byte[] encoded = items.encode(slice(chunk));
                if (!FrameSize.fits(encoded.length)) {
                    done.completeExceptionally(new WorkerException(FrameSize.tooBig("the inputs of chunk " + chunk, encoded.length)));
                    return;
                }
                start(w);
                running.add(chunk);
                attempts.merge(chunk, 1, Integer::sum);
                w.send(new RunChunk(id, chunk, encoded));
                sent = true;
            }
            if (sent) {
                w.flush();
            }
        }
    }

    /** True when chunks are left and no worker holds any of them. */
    synchronized boolean stalled() {
        return !done.isDone() && inFlight.values().stream().allMatch(Set::isEmpty);
    }

    void completed(WorkerConnection worker, ChunkDone message, List<WorkerConnection> workers) {
        Object[] chunkResults;
        try {
            chunkResults = items.decode(message.results());
        } catch (PayloadException e) { // the worker is fine; these results cannot be read here, wherever they ran
            done.completeExceptionally(new WorkerException("cannot read the results of chunk " + message.chunk()
                    + " from " + worker.info().address() + ": " + e.getMessage(), e));
            return;
        }
        synchronized (this) {
            Set<Integer> running = inFlight.get(worker);
            if (running == null || !running.remove(message.chunk()) || done.isDone()) {
                return;
            }
            System.arraycopy(chunkResults, 0, results, message.chunk() * chunkSize, chunkResults.length);
            worker.countChunkDone();
            itemsDone += chunkResults.length;
            if (--chunksLeft == 0) {
                done.complete(Arrays.asList(results));
                return;
            }
        }
        dispatch(workers);
    }

    synchronized void failed(WorkerConnection worker, ChunkFailed message) {
        done.completeExceptionally(failures.apply(message.failure(), worker.info()));
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
                    done.completeExceptionally(new WorkerException("chunk " + chunk + " (items " + chunk * chunkSize + ".."
                            + (Math.min(inputs.size(), (chunk + 1) * chunkSize) - 1) + ") was lost with its worker "
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
            if (!w.isLost()) {
                w.send(new EndJob(id));
                w.flush();
            }
        }
    }

    synchronized Set<WorkerConnection> startedOn() {
        return Set.copyOf(started);
    }

    private void start(WorkerConnection w) {
        if (started.add(w)) {
            w.sendJars(function.generation(), function.jars());
            if (w.needsBundle(function.bundle().hash())) {
                w.send(new DefineBundle(function.generation(), function.bundle().hash(), function.bundle().classes()));
            }
            w.send(new StartJob(id, function.generation(), function.bundle().hash(), function.payload()));
        }
    }

    private List<?> slice(int chunk) {
        int from = chunk * chunkSize;
        return inputs.subList(from, Math.min(inputs.size(), from + chunkSize));
    }
}
