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

    /**
     * The generation each hash was sent in, keyed by the hash alone: the same {@code String} comes with every map of
     * a function, its hash code computed once. A payload sent again in a later generation is believed held there only.
     */
    private final Map<String, Integer> held = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > MAX_FUNCTIONS;
        }
    });

    boolean holds(int generation, String hash) {
        Integer sentIn = held.get(hash);
        return sentIn != null && sentIn == generation;
    }

    void sent(int generation, String hash) {
        held.put(hash, generation);
    }

    void forget(int generation, String hash) {
        held.remove(hash, generation);
    }
}
