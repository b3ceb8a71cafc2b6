package org.parshell.repl.pool;

import java.util.concurrent.atomic.LongAdder;

/** What this shell process has sent to workers, for the benchmark and for anyone curious at the prompt. */
public final class Traffic {
    private static final LongAdder CLASS_BYTES = new LongAdder();
    private static final LongAdder BUNDLES = new LongAdder();

    private Traffic() {
    }

    /** Bytes of class files sent in {@code DefineBundle} messages, to every worker, since the shell started. */
    public static long classBytesSent() {
        return CLASS_BYTES.sum();
    }

    /** Code bundles sent, counting each worker separately. */
    public static long bundlesSent() {
        return BUNDLES.sum();
    }

    static void bundleSent(long classBytes) {
        BUNDLES.increment();
        CLASS_BYTES.add(classBytes);
    }
}
