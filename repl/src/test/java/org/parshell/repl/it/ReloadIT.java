package org.parshell.repl.it;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /reload} starts a new generation and runs again what was typed: its maps run on the workers again. */
class ReloadIT {
    @Test
    void reloadRunsTheSessionAgainMapsIncluded() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                long shell = ProcessHandle.current().pid();
                long where(int x) { return ProcessHandle.current().pid(); }
                /pmap where 1..4
                int k = 10;
                /reload
                System.out.println("AFTER k=" + k + " onWorkers=" + $3.stream().allMatch(p -> p != shell) + " size=" + $3.size());
                /-1
                """, "--workers", "1");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("-: pmap(x$ -> where(x$), rangeClosed(1, 4))"), r.output());
        assertTrue(r.output().contains("AFTER k=10 onWorkers=true size=4"), r.output());
        assertEquals(2, r.output().split("AFTER k=10 onWorkers=true size=4", -1).length - 1,
                "/-1 ran the last snippet again:\n" + r.output());
    }
}
