package org.parshell.worker;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parshell.protocol.message.ClassDefinition;
import org.parshell.protocol.payload.PayloadCodec;
import org.parshell.protocol.payload.ShippedFunction;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Functions are shipped as a shell would: class bytes defined in the generation's loader, the object by value. */
class FunctionCacheTest {
    private final GenerationClasses generation = GenerationClasses.create(1, "test");
    private final PayloadCodec shell = PayloadCodec.forLoader(getClass().getClassLoader());

    public static final class PlusOne implements Function<Integer, Integer> {
        @Override
        public Integer apply(Integer x) {
            return x + 1;
        }
    }

    public static final class PlusN implements Function<Integer, Integer> {
        final List<Integer> seen = new ArrayList<>();

        @Override
        public Integer apply(Integer x) {
            seen.add(x);
            return x + seen.size();
        }
    }

    @BeforeEach
    void defineTheClasses() throws Exception {
        List<ClassDefinition> classes = new ArrayList<>();
        for (Class<?> c : List.of(PlusOne.class, PlusN.class)) {
            try (InputStream in = c.getResourceAsStream(c.getName().substring(c.getPackageName().length() + 1) + ".class")) {
                classes.add(new ClassDefinition(c.getName(), in.readAllBytes()));
            }
        }
        generation.loader().add(classes);
    }

    private byte[] ship(Map<String, Map<String, Object>> statics, Object function) {
        return new ShippedFunction(statics, function).encode(shell);
    }

    @Test
    void aStatelessFunctionIsPreparedOnceForTheSameBytes() throws Exception {
        byte[] payload = ship(Map.of(), new PlusOne());
        PreparedJob job = PreparedJob.prepare(generation, payload);
        assertTrue(job.stateless());
        assertEquals(3, job.function().apply(2));
        generation.functions().keepIfReusable(FunctionCache.hashOf(payload), job);
        assertSame(job, generation.functions().get(FunctionCache.hashOf(payload.clone())));
        assertNull(generation.functions().get(FunctionCache.hashOf(ship(Map.of(), new PlusN()))), "other bytes, another name");
    }

    @Test
    void aFunctionThatCarriesStateIsDecodedEveryTime() throws Exception {
        byte[] payload = ship(Map.of(), new PlusN());
        PreparedJob job = PreparedJob.prepare(generation, payload);
        assertFalse(job.stateless());
        assertEquals(11, job.function().apply(10));
        generation.functions().keepIfReusable(FunctionCache.hashOf(payload), job);
        assertNull(generation.functions().get(FunctionCache.hashOf(payload)));
        assertEquals(11, PreparedJob.prepare(generation, payload).function().apply(10), "a fresh copy: the first job's state stays there");
    }
}
