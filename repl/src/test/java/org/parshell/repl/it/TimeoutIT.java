package org.parshell.repl.it;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A per-map timeout cancels an infinite loop on every worker, even one that ignores interrupts: each
 * worker has a single task thread, so the maps after it run only if the stuck threads were stopped.
 */
class TimeoutIT {

    @Test
    void aTimedOutMapIsCancelledAndTheWorkersServeTheNextOne() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                int spin(int x) { while (true) { } }
                /pmap --timeout 2 spin 1..8
                System.out.println("FIRST " + pmap(x -> x + 1, rangeClosed(1, 10)));
                var late = withTimeout(1.5, () -> pmap(x -> { while (true) { } }, rangeClosed(1, 8)));
                System.out.println("SECOND " + pmap(x -> x * 3, rangeClosed(1, 4)));
                var quick = withTimeout(30, () -> pmap(x -> -x, rangeClosed(1, 3)));
                System.out.println("QUICK " + quick);
                int sleepy(int x) { try { Thread.sleep(60_000); } catch (InterruptedException e) { throw new RuntimeException("interrupted"); } return x; }
                /pmap --timeout 1 sleepy 1..4
                /pmap --timeout=1 squared 1..2
                /pmap --timeout nope sleepy 1..4
                /workers
                """, "--workers", "2");
        String out = r.output();
        assertEquals(1, r.exitCode(), out);
        assertTrue(out.contains("the map did not finish within 2 s; it was cancelled on every worker"), out);
        assertTrue(out.contains("FIRST [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]"), out);
        assertTrue(out.contains("the map did not finish within 1500 ms"), out);
        assertTrue(out.contains("SECOND [3, 6, 9, 12]"), out);
        assertTrue(out.contains("QUICK [-1, -2, -3]"), out);
        assertTrue(out.contains("the map did not finish within 1 s"), out);
        assertTrue(out.contains("/pmap: no method with one parameter, and no variable, is named squared"), out);
        assertTrue(out.contains("/pmap --timeout takes a number of seconds greater than 0, not nope"), out);
        assertFalse(out.contains("lost"), "no worker was lost:\n" + out);
        assertFalse(out.contains("starting another"), "no worker died:\n" + out);
    }
}
