package org.parshell.repl.it;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One-item maps of the same function, quick run after run, then one item that takes longer than the
 * shell's silence limit (about 6 s): user code never runs on a worker's network thread, so the worker
 * keeps answering heartbeats while it computes, is not taken for a stopped one, and gives the result
 * itself, once.
 */
class OneItemMapIT {
    @Test
    void aQuickFunctionThatTurnsSlowKeepsItsWorker() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                long slowAt(int x) {
                    if (x > 0) { long end = System.nanoTime() + x * 1_000_000_000L; while (System.nanoTime() < end) { } }
                    return ProcessHandle.current().pid();
                }
                Set<Long> pids = new TreeSet<>();
                for (int x : new int[]{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8}) pids.add((Long) pmap(v -> slowAt(v), List.of(x)).get(0));
                System.out.println("PIDS " + pids);
                """, "--workers", "1");
        String out = r.output();
        assertEquals(0, r.exitCode(), out);
        assertFalse(out.contains("lost") || out.contains("exited with status"), "the worker was taken for a stopped one:\n" + out);
        Matcher pids = Pattern.compile("(?m)^PIDS \\[(\\d+)]$").matcher(out);
        assertTrue(pids.find(), "every item, the slow one too, ran in the one worker process:\n" + out);
    }
}
