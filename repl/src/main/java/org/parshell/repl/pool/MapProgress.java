package org.parshell.repl.pool;

/**
 * Hears how far maps are: when one starts, as its chunks come back, and when it ends. Each call names
 * its map, so that news of a chunk arriving after its map ended (results and the end race on
 * different threads) can be told apart from news of a running map.
 */
public interface MapProgress {
    MapProgress NONE = new MapProgress() {
        @Override
        public void started(long map, int total) {
        }

        @Override
        public void advanced(long map, int done, int total) {
        }

        @Override
        public void ended(long map) {
        }
    };

    /** Map {@code map} of {@code total} items starts. */
    void started(long map, int total);

    /** {@code done} of {@code total} items of map {@code map} have results. */
    void advanced(long map, int done, int total);

    /** Map {@code map} is over, whether it succeeded, failed or was cancelled; nothing more is heard of it. */
    void ended(long map);
}
