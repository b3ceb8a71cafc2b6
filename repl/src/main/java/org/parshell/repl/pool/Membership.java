package org.parshell.repl.pool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Who is in the pool: the workers that joined (lost ones stay listed, marked, until replaced), the
 * connections still on their way, and which workers were attached by address (so they can be detached,
 * and a daemon attached again replaces its lost entry).
 */
final class Membership {
    private static final long CONNECT_WAIT_SECONDS = 60;

    private final List<WorkerConnection> workers = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<WorkerConnection>> connecting = new CopyOnWriteArrayList<>();
    private final Set<WorkerConnection> attached = ConcurrentHashMap.newKeySet();

    /**
     * A connection on its way: counted as coming until it is made; then, once its versions are checked, the
     * worker joins ({@code byAddress} when it was attached) and {@code joined} hears of it.
     */
    CompletableFuture<WorkerConnection> join(CompletableFuture<WorkerConnection> connection, boolean byAddress,
                                             Consumer<WorkerConnection> joined) {
        CompletableFuture<WorkerConnection> future = connection.thenApply(w -> {
            JoinRequirements.check(w);
            if (byAddress) {
                forgetLost(w.info().address());
                attached.add(w);
            }
            workers.add(w);
            joined.accept(w);
            return w;
        });
        connecting.add(future);
        future.whenComplete((w, e) -> connecting.remove(future));
        return future;
    }

    /** True when a live worker attached at {@code address} is in the pool. */
    boolean isAttached(String address) {
        return attached.stream().anyMatch(w -> !w.isLost() && w.info().address().equals(address));
    }

    /** The workers attached at {@code address}, or all attached ones for null. */
    List<WorkerConnection> attachedAt(String address) {
        return attached.stream().filter(w -> address == null || w.info().address().equals(address)).toList();
    }

    void remove(WorkerConnection w) {
        workers.remove(w);
        attached.remove(w);
    }

    List<WorkerConnection> all() {
        return List.copyOf(workers);
    }

    /** The workers not lost, in the order they joined (a loop, not a stream: it runs for every map and every result). */
    List<WorkerConnection> live() {
        List<WorkerConnection> live = new ArrayList<>(workers.size());
        for (WorkerConnection w : workers) {
            if (!w.isLost()) {
                live.add(w);
            }
        }
        return Collections.unmodifiableList(live);
    }

    /** The connections still being made. */
    List<CompletableFuture<WorkerConnection>> coming() {
        return List.copyOf(connecting);
    }

    /**
     * A map needs one worker to start: with none live yet, it waits (a while) for the first connection on
     * its way, not for all of them; the others join the running map as they come. Those that fail were
     * reported where they started.
     */
    void awaitFirst() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CONNECT_WAIT_SECONDS);
        while (live().isEmpty() && !connecting.isEmpty() && System.nanoTime() < deadline) {
            try {
                CompletableFuture.anyOf(coming().toArray(CompletableFuture[]::new))
                        .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                // wait for the next one
            } catch (TimeoutException e) {
                return;
            }
        }
    }

    /** A daemon attached again replaces its lost entry in {@code /workers}. */
    private void forgetLost(String address) {
        attached.removeIf(old -> old.isLost() && old.info().address().equals(address) && workers.remove(old));
    }
}
