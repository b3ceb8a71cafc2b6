package org.parshell.repl.pool;

import org.junit.jupiter.api.Test;
import org.parshell.protocol.payload.ItemsCodec;
import org.parshell.protocol.payload.PayloadCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResultAssemblyTest {
    private final ItemsCodec codec = new ItemsCodec(PayloadCodec.forLoader(getClass().getClassLoader()));

    @Test
    void chunksArrivingOutOfOrderReadBackInInputOrderWithMixedKinds() {
        List<String> heard = new ArrayList<>();
        ResultAssembly a = new ResultAssembly(6, (from, results) -> heard.add(from + ":" + results));
        a.put(4, 6, codec.decodeArray(codec.encode(List.of("x", "y"))));
        a.put(0, 2, codec.decodeArray(codec.encode(List.of(10, 11))));
        a.put(2, 4, codec.decodeArray(codec.encode(List.of(12L, 13L))));
        assertEquals(List.of(10, 11, 12L, 13L, "x", "y"), a.list());
        assertEquals(List.of("4:[x, y]", "0:[10, 11]", "2:[12, 13]"), heard);
    }

    @Test
    void aPayloadWithTheWrongCountIsRefused() {
        ResultAssembly a = new ResultAssembly(3, null);
        assertFalse(a.put(0, 3, codec.decodeArray(codec.encode(List.of(1, 2)))));
    }

    @Test
    void orderedReadsWaitForEveryEarlierChunk() throws Exception {
        ResultAssembly a = new ResultAssembly(4, null);
        a.put(2, 4, codec.decodeArray(codec.encode(List.of(2, 3))));
        CompletableFuture<Object> first = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                first.complete(a.await(2));
            } catch (Throwable e) {
                first.completeExceptionally(e);
            }
        }, "ordered-reader");
        reader.start();
        awaitBlocked(reader);
        assertFalse(first.isDone(), "result 2 waits for results 0 and 1");
        a.put(0, 2, codec.decodeArray(codec.encode(List.of(0, 1))));
        assertEquals(2, first.get(30, TimeUnit.SECONDS));
        assertEquals(0, a.await(0));
    }

    /** Until the thread is parked (in await), not a fixed time that may or may not be long enough. */
    private static void awaitBlocked(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() > deadline || !t.isAlive()) {
                throw new AssertionError("the reader never waited: " + t.getState());
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void orderedReadsThrowTheMapsFailure() {
        ResultAssembly a = new ResultAssembly(2, null);
        a.fail(new IllegalStateException("boom"));
        assertThrows(IllegalStateException.class, () -> a.await(0));
    }

    @Test
    void theListFindsEveryIndexWhateverTheOrderOfReads() {
        ResultAssembly a = new ResultAssembly(10, null);
        a.put(0, 1, codec.decodeArray(codec.encode(List.of(0))));
        a.put(1, 7, codec.decodeArray(codec.encode(List.of(1, 2, 3, 4, 5, 6))));
        a.put(7, 10, codec.decodeArray(codec.encode(List.of(7.0, 8.0, 9.0))));
        List<Object> list = a.list();
        assertEquals(9.0, list.get(9));
        assertEquals(0, list.get(0));
        assertEquals(5, list.get(5));
        assertEquals(7.0, list.get(7));
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(10));
    }
}
