package org.parshell.worker;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * One {@link ChunkLoop} per function class: the bytes of {@link ChunkLoopTemplate} defined again as a hidden
 * class (same code, a class of its own, so profiles and compiled code of its own). A loop lives as long as
 * its function's class, and is collected with it. Where the template's bytes cannot be read, every function
 * shares the template itself, which is correct, only slower.
 */
final class ChunkLoops {
    private static final byte[] TEMPLATE = templateBytes();
    private static final ChunkLoop SHARED = new ChunkLoopTemplate();

    private static final ClassValue<ChunkLoop> BY_FUNCTION_CLASS = new ClassValue<>() {
        @Override
        protected ChunkLoop computeValue(Class<?> functionClass) {
            return copy();
        }
    };

    private ChunkLoops() {
    }

    /** The loop for functions of {@code fn}'s class. */
    static ChunkLoop of(Object fn) {
        return BY_FUNCTION_CLASS.get(fn.getClass());
    }

    private static ChunkLoop copy() {
        if (TEMPLATE == null) {
            return SHARED;
        }
        try {
            MethodHandles.Lookup copy = MethodHandles.lookup().defineHiddenClass(TEMPLATE, true);
            return (ChunkLoop) copy.findConstructor(copy.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            WorkerLog.info("chunk loops are shared (a copy could not be defined: " + e + ")");
            return SHARED;
        }
    }

    private static byte[] templateBytes() {
        try (InputStream in = ChunkLoopTemplate.class.getResourceAsStream("ChunkLoopTemplate.class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
