package org.parshell.protocol.payload;

import org.junit.jupiter.api.Test;
import org.parshell.protocol.message.Heartbeat;

import java.io.File;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a shell decodes from a worker, and what it refuses, however the bytes were made. */
class ResultClassFilterTest {
    private final ClassLoader loader = getClass().getClassLoader();
    private final ResultClassFilter filter = new ResultClassFilter(loader);
    private final PayloadCodec shell = PayloadCodec.forLoader(loader, filter);
    private final PayloadCodec worker = PayloadCodec.forLoader(loader);

    @Test
    void jdkValuesCollectionsAndArraysAreAccepted() {
        for (Class<?> c : List.of(Integer.class, String.class, Object[].class, int[][].class, BigInteger.class,
                LocalDate.class, ArrayList.class, HashMap.class, List.of(1, 2, 3).getClass(), Map.of(1, 2).getClass(),
                Optional.class, java.util.concurrent.ConcurrentHashMap.class)) {
            assertTrue(filter.test(c), c.getName());
        }
        Object[] values = {1, "two", new BigInteger("3"), LocalDate.of(2024, 1, 4), new ArrayList<>(List.of(5, 6)),
                new HashMap<>(Map.of("k", 7)), List.of(8), new int[]{9}};
        assertArrayEquals(values, (Object[]) shell.decode(worker.encode(values)));
    }

    @Test
    void otherClassesAreRefusedByName() {
        for (Class<?> c : List.of(File.class, java.net.URL.class, Thread.class, Heartbeat.class, Heartbeat[].class,
                java.lang.invoke.SerializedLambda.class, javax.management.BadAttributeValueExpException.class)) {
            assertFalse(filter.test(c), c.getName());
        }
        byte[] file = worker.encode(new Object[]{1, new File("/etc/passwd")});
        PayloadException e = assertThrows(PayloadException.class, () -> shell.decode(file));
        assertTrue(e.getMessage().contains("java.io.File"), e.getMessage());
        byte[] ours = worker.encode(new Object[]{new Heartbeat(1)});
        e = assertThrows(PayloadException.class, () -> shell.decode(ours));
        assertTrue(e.getMessage().contains(Heartbeat.class.getName()), e.getMessage());
    }

    @Test
    void encodingIsNotRestricted() {
        byte[] bytes = shell.encode(new Object[]{new File("x")});
        assertTrue(worker.decode(bytes) instanceof Object[]);
        assertThrows(PayloadException.class, () -> shell.decode(bytes), "what the shell's own encoder saw is still refused");
    }

    @Test
    void anArrayLengthFarBeyondThePayloadFailsCleanly() {
        byte[] bytes = HostilePayloads.hugeArray();
        assertTrue(bytes.length < 200, "a few bytes: " + bytes.length);
        PayloadException e = assertThrows(PayloadException.class, () -> shell.decode(bytes));
        assertTrue(e.getMessage().startsWith("cannot decode a payload of " + bytes.length + " bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("refused an array long[] of " + (Integer.MAX_VALUE - 8) + " elements"),
                "refused before the allocation: " + e.getMessage());
    }

    @Test
    void nestingDeeperThanTheStackFailsCleanly() {
        byte[] bytes = HostilePayloads.deepNesting(200_000);
        PayloadException e = assertThrows(PayloadException.class, () -> shell.decode(bytes));
        assertTrue(e.getMessage().contains("StackOverflowError"), e.getMessage());
        assertTrue(((Object[]) shell.decode(HostilePayloads.deepNesting(10)))[0] instanceof Object[], "the same bytes, shallow, decode");
    }
}
