package org.parshell.worker;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The functions of one generation that can run again as they are, by the bytes they came as: a map of the
 * same stateless lambda (no captured values, no variables) is prepared once, and a later job with the same
 * bytes starts without decoding anything or a hop to a task thread. A function that carries state is
 * decoded afresh every time, so that what one job changes on a worker never leaks into the next.
 */
final class FunctionCache {
    private static final int MAX_FUNCTIONS = 64;

    private final Map<ByteBuffer, PreparedJob> reusable = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ByteBuffer, PreparedJob> eldest) {
                    return size() > MAX_FUNCTIONS;
                }
            });

    /** The job prepared earlier from exactly these bytes, or null. */
    PreparedJob get(byte[] payload) {
        return reusable.get(ByteBuffer.wrap(payload));
    }

    void keepIfReusable(byte[] payload, PreparedJob job) {
        if (job.stateless()) {
            reusable.put(ByteBuffer.wrap(payload.clone()), job);
        }
    }
}
