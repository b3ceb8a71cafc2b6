package org.parshell.repl.pool;

/**
 * How a map's inputs are cut into chunks, decided as the map goes (guided self-scheduling, sized by
 * measured time): the first chunks are small probes; once a chunk has come back, each next chunk holds
 * about {@link #TARGET_NANOS} of work at the measured time per item, but never more than a share of
 * what is left ({@code remaining / (2 * threads)}), so the last chunks shrink and every thread finishes
 * at about the same time. Not thread-safe: its {@link MapJob} guards it.
 */
final class ChunkPlan {
    /** Work per chunk once the time per item is known: long enough to hide a round trip, short enough to balance. */
    static final long TARGET_NANOS = 4_000_000;
    /** Items in a chunk before anything is measured, at most. */
    static final int PROBE_ITEMS = 512;
    /** Before anything is measured, a chunk holds at most this share of one thread's part: few items may each be slow. */
    static final int PROBES_PER_THREAD = 8;
    /** A bound on any chunk, so that a chunk of large objects stays far below the frame limit. */
    static final int MAX_ITEMS = 1 << 16;

    private final int size;
    private final int threads;
    private final int probe;
    private int next;
    private double nanosPerItem = Double.NaN;

    ChunkPlan(int size, int threads) {
        this.size = size;
        this.threads = Math.max(1, threads);
        this.probe = (int) Math.min(PROBE_ITEMS, Math.max(1, ((long) size + (long) PROBES_PER_THREAD * this.threads - 1)
                / ((long) PROBES_PER_THREAD * this.threads)));
    }

    boolean hasNext() {
        return next < size;
    }

    /** The next chunk, {@code [from, to)} of the inputs; call only while {@link #hasNext()}. */
    Range next() {
        int remaining = size - next;
        int fairShare = (int) Math.max(1, Math.min(Integer.MAX_VALUE, ((long) remaining + 2L * threads - 1) / (2L * threads)));
        int wanted = Double.isNaN(nanosPerItem)
                ? probe
                : (int) Math.max(1, Math.min(MAX_ITEMS, TARGET_NANOS / Math.max(nanosPerItem, 1e-3)));
        int items = Math.min(Math.min(wanted, fairShare), Math.min(remaining, MAX_ITEMS));
        Range r = new Range(next, next + items);
        next += items;
        return r;
    }

    /** A chunk of {@code items} took {@code nanos} of the worker's time; later chunks are sized from it. */
    void observed(int items, long nanos) {
        if (items <= 0 || nanos <= 0) {
            return;
        }
        double perItem = (double) nanos / items;
        nanosPerItem = Double.isNaN(nanosPerItem) ? perItem : 0.5 * nanosPerItem + 0.5 * perItem;
    }

    /** Items {@code from} (included) to {@code to} (excluded). */
    record Range(int from, int to) {
        int size() {
            return to - from;
        }
    }
}
