package org.parshell.repl.pool;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reusable functions one worker holds, as far as the shell knows: those it sent whole, by generation and hash,
 * the least recently used forgotten first as the worker forgets its own. A wrong belief costs a round trip, never a
 * wrong result: a worker that does not hold a function it is sent by name answers
 * {@link org.parshell.protocol.message.UnknownFunction}, and the job goes again with the payload.
 */
final class HeldFunctions {
    /** As many as a worker keeps by default ({@code FunctionCache}). */
    static final int MAX_FUNCTIONS = 64;

    private final Map<String, Boolean> held = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_FUNCTIONS;
        }
    });

    boolean holds(int generation, String hash) {
        return held.get(key(generation, hash)) != null;
    }

    void sent(int generation, String hash) {
        held.put(key(generation, hash), Boolean.TRUE);
    }

    void forget(int generation, String hash) {
        held.remove(key(generation, hash));
    }

    private static String key(int generation, String hash) {
        return generation + "/" + hash;
    }
}
