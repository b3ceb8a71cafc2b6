package org.parshell.worker;

/**
 * How quick a reusable function has been per item, run after run. One that was quick in each of its last
 * {@link #QUICK_RUNS} runs may run a small chunk right on the connection's network thread, which saves the
 * hop to a task thread and back (most of a one-item map's time on a worker). A slow run, wherever it ran,
 * sends the function back to the task threads until it has been quick that many times again.
 */
final class RunTimes {
    static final long QUICK_NANOS_PER_ITEM = 20_000;
    static final int QUICK_RUNS = 8;
    /** A chunk whose inputs take more bytes than this never runs on the network thread. */
    static final int SMALL_CHUNK_BYTES = 256;

    private int quickRuns;

    synchronized void record(int items, long nanos) {
        quickRuns = nanos <= QUICK_NANOS_PER_ITEM * Math.max(1, items) ? quickRuns + 1 : 0;
    }

    /** True when a chunk of {@code inputBytes} bytes of inputs may run on the network thread. */
    synchronized boolean runsInPlace(int inputBytes) {
        return quickRuns >= QUICK_RUNS && inputBytes <= SMALL_CHUNK_BYTES;
    }
}
