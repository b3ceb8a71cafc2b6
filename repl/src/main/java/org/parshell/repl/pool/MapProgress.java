package org.parshell.repl.pool;

/** Hears how far the running map is: called when it starts, as chunks come back, and when it ends. */
public interface MapProgress {
    MapProgress NONE = new MapProgress() {
        @Override
        public void advanced(int done, int total) {
        }

        @Override
        public void ended() {
        }
    };

    /** {@code done} of {@code total} items have results (0 when the map starts). */
    void advanced(int done, int total);

    /** The map is over, whether it succeeded, failed or was cancelled. */
    void ended();
}
