package org.parshell.worker;

import org.parshell.protocol.payload.ShippedFunction;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.function.Function;

/** A job's function, decoded in its generation's loader, with the shell's variables already set. */
record PreparedJob(Generation generation, Function<Object, Object> function) {

    @SuppressWarnings("unchecked")
    static PreparedJob prepare(Generation generation, byte[] payload) throws ReflectiveOperationException {
        ShippedFunction shipped = ShippedFunction.decode(generation.codec(), payload);
        setStatics(generation.loader(), shipped.statics());
        if (!(shipped.function() instanceof Function<?, ?> fn)) {
            throw new IllegalArgumentException("the shipped function is a "
                    + (shipped.function() == null ? "null" : shipped.function().getClass().getName())
                    + ", not a java.util.function.Function");
        }
        return new PreparedJob(generation, (Function<Object, Object>) fn);
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
