package org.parshell.worker;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunTimesTest {
    @Test
    void aFunctionRunsInPlaceOnlyAfterEnoughQuickRunsAndOnlyForSmallChunks() {
        RunTimes times = new RunTimes();
        for (int i = 0; i < RunTimes.QUICK_RUNS - 1; i++) {
            times.record(1, 1_000);
            assertFalse(times.runsInPlace(16), "after " + (i + 1) + " quick runs");
        }
        times.record(10, 10 * RunTimes.QUICK_NANOS_PER_ITEM); // quick per item, however many items
        assertTrue(times.runsInPlace(16));
        assertTrue(times.runsInPlace(RunTimes.SMALL_CHUNK_BYTES));
        assertFalse(times.runsInPlace(RunTimes.SMALL_CHUNK_BYTES + 1), "a larger chunk goes to a task thread");
    }

    @Test
    void oneSlowRunSendsItBackUntilItIsQuickAsManyTimesAgain() {
        RunTimes times = new RunTimes();
        for (int i = 0; i < RunTimes.QUICK_RUNS; i++) {
            times.record(1, 1_000);
        }
        assertTrue(times.runsInPlace(16));
        times.record(1, RunTimes.QUICK_NANOS_PER_ITEM + 1);
        assertFalse(times.runsInPlace(16));
        for (int i = 0; i < RunTimes.QUICK_RUNS - 1; i++) {
            times.record(1, 1_000);
        }
        assertFalse(times.runsInPlace(16));
        times.record(1, 1_000);
        assertTrue(times.runsInPlace(16));
    }
}
