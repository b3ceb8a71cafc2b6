package org.parshell.worker;

import org.parshell.protocol.payload.PayloadCodec;

import java.util.List;
import java.util.Map;

/**
 * A shell's first map made the worker create its first generation's codec (FST's configuration) and use it
 * for the first time, on the path to the first result. Once the shell is welcome, and while it has nothing to
 * send yet, a thread of its own makes that generation and runs values of the kinds a map decodes and encodes
 * through its codec. The values are thrown away.
 */
final class GenerationWarmUp {
    private GenerationWarmUp() {
    }

    static void start(ShellSession session) {
        Thread thread = new Thread(() -> run(session.firstGeneration()), "parshell-generation-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** True when the codecs did all of it (a warm-up only: a map that fails the same way says why itself). */
    static boolean run(GenerationClasses generation) {
        try {
            PayloadCodec codec = generation.codec();
            Object[] function = (Object[]) codec.decode(codec.encode(new Object[] {Map.of("warm-up", Map.of("value", 1)), List.of(1)}));
            Object[] items = generation.items().decode(generation.items().encode(List.of("warm-up", 1L, List.of(1))));
            return function.length == 2 && items.length == 3;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
