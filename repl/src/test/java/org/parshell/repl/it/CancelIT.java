package org.parshell.repl.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C at a real terminal (tmux) while a map spins in a loop that ignores interrupts on every task
 * thread of every worker: the prompt comes back at once, the spinning tasks are stopped on the
 * workers (every task thread was stuck, so the next map runs only if they were), and the same worker
 * JVMs go on serving. The workers are two daemons with {@code --threads 2} each, so the test means
 * the same on 2 cores and on 64.
 */
class CancelIT {
    private static final String PROMPT = "parshell>";
    private static final int TASK_THREADS = 4; // 2 daemons x --threads 2 (WorkerDaemon.start)
    /** README "When things go wrong": Ctrl-C stops a map at once (1 s, with room for a loaded machine). */
    private static final double PROMPT_BOUND_SECONDS = 3;
    /** README: a task that ignores its interrupt is stopped a second later; then the next map can run. */
    private static final double NEXT_MAP_BOUND_SECONDS = 15;
    private static final Pattern SPINNING = Pattern.compile("SPINNING (\\d+ \\S+)");

    /** Daemons of each test's own: what a task prints goes to its daemon's log, where the test looks for it. */
    @RegisterExtension
    final Daemons daemons = Daemons.forEachTest(2);

    @Test
    void ctrlCDuringPmapInASnippetStopsTheMapAndTheWorkersStayUsable() throws Exception {
        cancelAtTheTerminal("var r = pmap(x -> { spin(); return x; }, IntStream.range(0, 64).boxed().toList());", SPIN);
    }

    @Test
    void ctrlCDuringThePmapCommandStopsTheMapAndTheWorkersStayUsable() throws Exception {
        cancelAtTheTerminal("/pmap spinOn 2..60", SPIN, "int spinOn(int x) { spin(); return x; }");
    }

    /** Prints which worker and thread it holds, then spins; an interrupt does not stop it. */
    private static final String SPIN = "void spin() { System.out.println(\"SPIN\" + \"NING \" + ProcessHandle.current().pid()"
            + " + \" \" + Thread.currentThread().getName()); while (true) { Thread.interrupted(); } }";

    private void cancelAtTheTerminal(String map, String... definitions) throws Exception {
        String shell = ParshellProcess.ROOT.resolve("scripts/parshell") + " --workers 0 --secret-file " + daemons.secret()
                + " --attach " + daemons.daemon(0).address() + " --attach " + daemons.daemon(1).address();
        try (TmuxSession t = TmuxSession.start(shell)) {
            t.awaitScreen(PROMPT, 120);
            for (String d : definitions) {
                t.typeLine(d);
            }
            t.typeLine(map);
            awaitEveryTaskThreadSpinning(t);
            long prompts = t.occurrences(PROMPT);

            long pressed = System.nanoTime();
            t.press("C-c");
            while (t.occurrences(PROMPT) <= prompts && System.nanoTime() - pressed < 30_000_000_000L) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - pressed) / 1e9;
            System.out.printf("cancel: the prompt came back %.3f s after Ctrl-C (%s)%n", seconds, map);
            assertTrue(t.occurrences(PROMPT) > prompts, "the prompt came back after Ctrl-C:\n" + t.screen());
            assertTrue(seconds <= PROMPT_BOUND_SECONDS, "the prompt came back " + seconds + " s after Ctrl-C, more than "
                    + PROMPT_BOUND_SECONDS + " s:\n" + t.screen());

            // every task thread was stuck in the loop: this map completes only if the stuck tasks were stopped
            t.typeLine("System.out.println(\"AFTER \" + pmap(x -> x + 1, List.of(1, 2, 3, 4, 5, 6, 7, 8)));");
            t.awaitScreen("AFTER [2, 3, 4, 5, 6, 7, 8, 9]", 60);
            double next = (System.nanoTime() - pressed) / 1e9;
            System.out.printf("cancel: the next map's result came %.3f s after Ctrl-C%n", next);
            assertTrue(next <= NEXT_MAP_BOUND_SECONDS, "the next map finished " + next + " s after Ctrl-C");

            long before = t.occurrences(PROMPT);
            t.typeLine("/workers");
            for (long end = System.nanoTime() + 30_000_000_000L; t.occurrences(PROMPT) <= before && System.nanoTime() < end; ) {
                Thread.sleep(50);
            }
            String screen = t.screen();
            assertFalse(screen.contains("lost"), "no worker was lost:\n" + screen);
            for (WorkerDaemon d : new WorkerDaemon[] {daemons.daemon(0), daemons.daemon(1)}) {
                assertTrue(screen.contains(" " + d.pid() + " "), "worker " + d.pid() + " still serves:\n" + screen);
                assertTrue(d.process().isAlive(), "worker " + d.pid() + " lives");
            }
        }
    }

    /** Waits until each of the 4 task threads has printed (to its daemon's log) that it spins: the map holds all of them. */
    private void awaitEveryTaskThreadSpinning(TmuxSession t) throws Exception {
        Set<String> spinning = new TreeSet<>();
        for (long end = System.nanoTime() + 60_000_000_000L; spinning.size() < TASK_THREADS && System.nanoTime() < end; ) {
            Matcher m = SPINNING.matcher(daemons.daemon(0).log() + daemons.daemon(1).log());
            while (m.find()) {
                spinning.add(m.group(1));
            }
            Thread.sleep(50);
        }
        assertEquals(TASK_THREADS, spinning.size(), "every task thread spins: " + spinning + "\n" + t.screen());
    }
}
