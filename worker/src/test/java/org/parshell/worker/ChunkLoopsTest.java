package org.parshell.worker;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunkLoopsTest {
    public static final class Squared implements Function<Object, Object> {
        @Override
        public Object apply(Object x) {
            int v = (Integer) x;
            return v * v;
        }
    }

    public static final class Named implements Function<Object, Object> {
        @Override
        public Object apply(Object x) {
            return "n" + x;
        }
    }

    /** An Integer for even inputs, a String for odd ones. */
    public static final class EvenInts implements Function<Object, Object> {
        @Override
        public Object apply(Object x) {
            int v = ((Number) x).intValue();
            return v % 2 == 0 ? (Object) v : "odd " + v;
        }
    }

    @Test
    void eachFunctionClassHasALoopOfItsOwnAClassApartFromTheTemplate() {
        ChunkLoop squared = ChunkLoops.of(new Squared());
        assertSame(squared, ChunkLoops.of(new Squared()), "the same class, the same loop");
        ChunkLoop named = ChunkLoops.of(new Named());
        assertNotSame(squared, named);
        assertNotEquals(squared.getClass(), named.getClass(), "each a class of its own, so profiled apart");
        assertTrue(squared.getClass().isHidden(), squared.getClass().getName());
        assertNotEquals(ChunkLoopTemplate.class, squared.getClass());
    }

    @Test
    void intResultsComeBackAsAnIntArray() throws InterruptedException {
        Function<Object, Object> fn = new Squared();
        assertArrayEquals(new int[] {0, 1, 4, 9, 16}, (int[]) ChunkLoops.of(fn).apply(fn, new int[] {0, 1, 2, 3, 4}));
        assertArrayEquals(new int[] {9, 49}, (int[]) ChunkLoops.of(fn).apply(fn, new Object[] {3, 7}));
    }

    @Test
    void otherResultsComeBackAsObjectsInOrder() throws InterruptedException {
        Function<Object, Object> named = new Named();
        assertArrayEquals(new Object[] {"n1", "n2"}, (Object[]) ChunkLoops.of(named).apply(named, new int[] {1, 2}));
        assertArrayEquals(new Object[] {"na"}, (Object[]) ChunkLoops.of(named).apply(named, new Object[] {"a"}));
        assertArrayEquals(new Object[] {"n5"}, (Object[]) ChunkLoops.of(named).apply(named, new long[] {5L}));
        assertEquals(0, ((Object[]) ChunkLoops.of(named).apply(named, new int[0])).length);
    }

    @Test
    void aResultThatIsNoIntegerAfterIntegersKeepsTheIntegersBefore() throws InterruptedException {
        Function<Object, Object> fn = new EvenInts();
        Object[] expected = {0, "odd 1", 2, "odd 3", 4};
        assertArrayEquals(expected, (Object[]) ChunkLoops.of(fn).apply(fn, new int[] {0, 1, 2, 3, 4}));
        assertArrayEquals(expected, (Object[]) ChunkLoops.of(fn).apply(fn, new Object[] {0, 1, 2, 3, 4}));
        assertArrayEquals(new Object[] {"odd 1", 2}, (Object[]) ChunkLoops.of(fn).apply(fn, new double[] {1.0, 2.0}));
    }

    @Test
    void anInterruptStopsTheLoopBetweenTwoItems() {
        AtomicInteger calls = new AtomicInteger();
        Function<Object, Object> interrupting = x -> {
            calls.incrementAndGet();
            Thread.currentThread().interrupt();
            return x;
        };
        assertThrows(InterruptedException.class, () -> ChunkLoops.of(interrupting).apply(interrupting, new int[] {1, 2, 3}));
        assertEquals(1, calls.get(), "the loop checks before the next item");
        assertThrows(InterruptedException.class, () -> ChunkLoops.of(interrupting).apply(interrupting, new Object[] {"a", "b"}));
        assertEquals(2, calls.get());
        Thread.interrupted();
    }
}
