package org.parshell.protocol.payload;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A result payload cannot make the shell allocate more than a small multiple of its own size: a length
 * read off the stream (of an array, a collection's or map's capacity, a string, a number's bytes) that
 * the rest of the payload cannot fill is refused before anything is allocated for it. Measured with the
 * JVM's count of the bytes this thread allocates, for lengths the heap could serve (so an unbounded
 * reader would allocate them and pass every other check).
 */
class BoundedAllocationTest {
    /** Large enough to be tens of megabytes, small enough that an unbounded reader gets them from the heap. */
    private static final int DECLARED = 20_000_000;
    private static final long ALLOWED_BYTES = 4L * 1024 * 1024;

    private final ClassLoader loader = getClass().getClassLoader();
    private final PayloadCodec shell = PayloadCodec.forLoader(loader, new ResultClassFilter(loader));
    private final PayloadCodec worker = PayloadCodec.forLoader(loader);

    @Test
    void honestValuesOfEveryKindStillDecode() {
        int n = HostilePayloads.markedLength();
        Object[] values = {new long[n], new int[3][n], new Object[]{new String[]{"x"}}, "a".repeat(n), "ünïcødé €",
                new ArrayList<>(ints(n)), new HashSet<>(ints(n)), new HashMap<>(map(n)), new LinkedHashMap<>(map(n)),
                new TreeMap<>(map(n)), new ConcurrentHashMap<>(map(n)), new ArrayDeque<>(ints(n)),
                new CopyOnWriteArrayList<>(ints(n)), List.of(1, 2, 3), Map.of("k", 1), BigInteger.ONE.shiftLeft(8 * n - 2),
                BitSet.valueOf(new long[]{5, 7}), new StringBuilder("sb"), new ArrayList<>(), new HashMap<>(), "",
                new boolean[n], new char[n], new double[n], new byte[0]};
        Object[] decoded = (Object[]) shell.decode(worker.encode(values));
        assertEquals(values.length, decoded.length);
        for (int i = 0; i < values.length; i++) {
            assertEquals(describe(values[i]), describe(decoded[i]), "item " + i);
        }
        AtomicIntegerArray atomic = new AtomicIntegerArray(new int[]{1, 2, 3}); // through Java serialization
        assertEquals(atomic.toString(), ((Object[]) shell.decode(worker.encode(new Object[]{atomic})))[0].toString());
    }

    @Test
    void anArrayBeyondThePayloadIsRefusedBeforeItIsAllocated() {
        refused(HostilePayloads.declaring(new Object[]{new long[HostilePayloads.markedLength()]}, DECLARED), "an array long[]");
        refused(HostilePayloads.declaring(new Object[]{new Object[HostilePayloads.markedLength()]}, DECLARED), "an array Object[]");
    }

    @Test
    void aCollectionOrMapCapacityBeyondThePayloadIsRefused() {
        int n = HostilePayloads.markedLength();
        refused(HostilePayloads.declaring(new Object[]{new ArrayList<>(ints(n))}, DECLARED), "a java.util.ArrayList");
        refused(HostilePayloads.declaring(new Object[]{new HashSet<>(ints(n))}, DECLARED), "a java.util.HashSet");
        refused(HostilePayloads.declaring(new Object[]{new HashMap<>(map(n))}, DECLARED), "a java.util.HashMap");
    }

    @Test
    void aStringOrNumberLongerThanThePayloadIsRefused() {
        refused(HostilePayloads.declaring(new Object[]{"a".repeat(HostilePayloads.markedLength())}, DECLARED), "a string");
        refused(HostilePayloads.declaring(new Object[]{BigInteger.ONE.shiftLeft(8 * HostilePayloads.markedLength() - 2)}, DECLARED),
                "a java.math.BigInteger");
    }

    /** The JDK class reads its length in its own {@code readObject}, and checks it with the stream's filter before allocating. */
    @Test
    void anArraySizedInAJdkReadObjectIsRefused() {
        byte[] bytes = HostilePayloads.declaring(new Object[]{new CopyOnWriteArrayList<>(ints(HostilePayloads.markedLength()))}, DECLARED);
        refused(bytes, "an array Object[]");
    }

    @Test
    void theWorkersOwnDecoderIsNotLimitedByTheShells() {
        Object[] values = {"a".repeat(1000), new long[1000]};
        assertArrayEquals(new long[1000], (long[]) ((Object[]) worker.decode(worker.encode(values)))[1]);
    }

    private void refused(byte[] bytes, String what) {
        shell.decode(worker.encode(new Object[]{"warm", new long[1], new ArrayList<>(List.of(1))})); // classes loaded, FST warm
        PayloadException[] failure = new PayloadException[1];
        long allocated = allocatedBy(() -> failure[0] = assertThrows(PayloadException.class, () -> shell.decode(bytes)));
        assertTrue(allocated < ALLOWED_BYTES, "decoding " + bytes.length + " bytes allocated " + allocated + " bytes");
        String message = failure[0].getMessage();
        assertTrue(message.contains("refused " + what + " of " + DECLARED + " elements"), message);
    }

    private static long allocatedBy(Runnable action) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        action.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }

    private static List<Integer> ints(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private static Map<Integer, String> map(int n) {
        Map<Integer, String> m = new HashMap<>();
        ints(n).forEach(i -> m.put(i, "v"));
        return m;
    }

    private static String describe(Object value) {
        IntFunction<String> none = i -> "";
        if (value != null && value.getClass().isArray()) {
            return value.getClass().getSimpleName() + java.util.Arrays.deepToString(new Object[]{value}) + none.apply(0);
        }
        return value == null ? "null" : value.getClass().getName() + value;
    }
}
