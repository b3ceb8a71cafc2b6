package org.parshell.worker;

import org.parshell.protocol.Sha256;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The functions of one generation that can run again as they are, by the SHA-256 of the bytes they came as: a map
 * of the same stateless lambda (no captured values, no variables) is prepared once, and a later job with the same
 * bytes, or naming them by their hash ({@link org.parshell.protocol.message.RunKnownJob}), starts without decoding
 * anything or a hop to a task thread. A function that carries state is decoded afresh every time, so that what one
 * job changes on a worker never leaks into the next. The hash is always computed here, from the bytes received:
 * a name the shell sends can only find what those bytes made.
 */
final class FunctionCache {
    /** How many functions a generation keeps, the least recently used going first ({@code -Dparshell.worker.functions}). */
    static final int MAX_FUNCTIONS = Integer.getInteger("parshell.worker.functions", 64);

    private final Map<String, PreparedJob> reusable = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PreparedJob> eldest) {
                    return size() > MAX_FUNCTIONS;
                }
            });

    /** The name of a function payload. */
    static String hashOf(byte[] payload) {
        return Sha256.hex(payload);
    }

    /** The job prepared earlier from the bytes of this hash, or null. */
    PreparedJob get(String hash) {
        return reusable.get(hash);
    }

    void keepIfReusable(String hash, PreparedJob job) {
        if (job.stateless()) {
            reusable.put(hash, job);
        }
    }
}
