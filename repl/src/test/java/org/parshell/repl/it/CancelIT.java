package org.parshell.repl.it;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C at a real terminal (tmux) while a map spins on every worker: the prompt comes back, the
 * spinning tasks are stopped on the workers (each has one task thread, so the next map runs only if
 * they were), and the same worker JVMs go on serving.
 */
class CancelIT {
    private static final String PROMPT = "parshell>";
    private static final long PROMPT_BOUND_SECONDS = 5;

    @Test
    void ctrlCDuringPmapInASnippetStopsTheMapAndTheWorkersStayUsable() throws Exception {
        cancelAtTheTerminal("var r = pmap(x -> { System.out.println(\"SPIN\" + \"NING\"); while (true) { } }, rangeClosed(1, 8));");
    }

    @Test
    void ctrlCDuringThePmapCommandStopsTheMapAndTheWorkersStayUsable() throws Exception {
        cancelAtTheTerminal("/pmap spin 1..8", "int spin(int x) { System.out.println(\"SPIN\" + \"NING\"); while (true) { } }");
    }

    private static void cancelAtTheTerminal(String map, String... definitions) throws Exception {
        try (TmuxSession t = TmuxSession.start(ParshellProcess.ROOT.resolve("scripts/parshell") + " --workers 2")) {
            t.awaitScreen(PROMPT, 120);
            t.typeLine("System.out.println(\"READY \" + new TreeSet<>(pmap(x -> ProcessHandle.current().pid(), rangeClosed(1, 100))).size());");
            t.awaitScreen("READY 2", 120);
            List<Long> workers = ProcessHandle.of(t.panePid()).orElseThrow().descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains("org.parshell.worker.WorkerMain"))
                    .map(ProcessHandle::pid).toList();
            for (String d : definitions) {
                t.typeLine(d);
            }
            t.typeLine(map);
            t.awaitScreen("SPINNING", 60);
            Thread.sleep(500);
            long prompts = t.occurrences(PROMPT);

            long pressed = System.nanoTime();
            t.press("C-c");
            long deadline = pressed + PROMPT_BOUND_SECONDS * 1_000_000_000L;
            while (t.occurrences(PROMPT) <= prompts && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - pressed) / 1e9;
            System.out.printf("cancel: the prompt came back %.3f s after Ctrl-C (%s)%n", seconds, map);
            assertTrue(t.occurrences(PROMPT) > prompts, "the prompt came back within " + PROMPT_BOUND_SECONDS
                    + " s of Ctrl-C:\n" + t.screen());

            t.typeLine("System.out.println(\"AFTER \" + pmap(x -> x + 1, rangeClosed(1, 40)).stream().mapToInt(Integer::intValue).sum());");
            String screen = t.awaitScreen("AFTER 860", 60);
            long before = t.occurrences(PROMPT);
            t.typeLine("/workers");
            for (long end = System.nanoTime() + 30_000_000_000L; t.occurrences(PROMPT) <= before && System.nanoTime() < end; ) {
                Thread.sleep(50);
            }
            screen = t.screen();
            assertFalse(screen.contains("lost"), "no worker was lost:\n" + screen);
            assertFalse(screen.contains("starting another"), "no worker died:\n" + screen);
            assertEquals(2, workers.size(), "two worker JVMs: " + workers);
            for (long pid : workers) {
                assertTrue(screen.contains(" " + pid + " "), "worker " + pid + " still serves:\n" + screen);
                assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "worker " + pid + " lives");
            }
        }
    }
}
