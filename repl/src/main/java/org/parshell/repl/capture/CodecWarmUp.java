package org.parshell.repl.capture;

import org.parshell.protocol.payload.ItemsCodec;
import org.parshell.protocol.payload.PayloadCodec;
import org.parshell.protocol.payload.ShippedFunction;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A generation's first map pays for its codec's first use: FST describes each class it meets once per
 * configuration (for the first map, a lambda, its captured values and the result list: about 80 classes, each
 * with a constructor accessor generated for it). Done ahead, behind JShell's first compile, with values of the
 * same kinds, that work is off the path to the first result. The values are thrown away.
 */
public final class CodecWarmUp {
    private CodecWarmUp() {
    }

    /** True when the codec did all of it (a warm-up only: a map that fails the same way says why itself). */
    public static boolean run(PayloadCodec codec) {
        try {
            Function<Object, Object> function = (Function<Object, Object> & Serializable) x -> x;
            new ShippedFunction(Map.of("warm-up", Map.of("value", 1)), function).encode(codec);
            ItemsCodec items = new ItemsCodec(codec);
            return items.decode(items.encode(List.of("warm-up", 1L, List.of(1), Map.of(1, 1.0)))).length == 4;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
