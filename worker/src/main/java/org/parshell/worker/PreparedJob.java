package org.parshell.worker;

import org.parshell.protocol.payload.ShippedFunction;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.function.Function;

/**
 * A job's function, decoded in its generation's loader, with the shell's variables already set, and the
 * loop its chunks run ({@link ChunkLoops}); {@code stateless} when it reads no variable and captures
 * nothing, so it can serve later jobs as it is.
 */
record PreparedJob(GenerationClasses generation, Function<Object, Object> function, boolean stateless, ChunkLoop loop) {

    PreparedJob(GenerationClasses generation, Function<Object, Object> function, boolean stateless) {
        this(generation, function, stateless, ChunkLoops.of(function));
    }

    @SuppressWarnings("unchecked")
    static PreparedJob prepare(GenerationClasses generation, byte[] payload) throws ReflectiveOperationException {
        ShippedFunction shipped = ShippedFunction.decode(generation.codec(), payload);
        setStatics(generation.loader(), shipped.statics());
        if (!(shipped.function() instanceof Function<?, ?> fn)) {
            throw new IllegalArgumentException("the shipped function is a "
                    + (shipped.function() == null ? "null" : shipped.function().getClass().getName())
                    + ", not a java.util.function.Function");
        }
        boolean stateless = shipped.statics().isEmpty() && java.util.Arrays.stream(fn.getClass().getDeclaredFields())
                .allMatch(f -> Modifier.isStatic(f.getModifiers()));
        return new PreparedJob(generation, (Function<Object, Object>) fn, stateless);
    }

    private static void setStatics(ClassLoader loader, Map<String, Map<String, Object>> statics)
            throws ReflectiveOperationException {
        for (var byClass : statics.entrySet()) {
            Class<?> type = Class.forName(byClass.getKey(), true, loader);
            for (var value : byClass.getValue().entrySet()) {
                Field field = type.getDeclaredField(value.getKey());
                if (Modifier.isFinal(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                field.set(null, value.getValue());
            }
        }
    }
}
