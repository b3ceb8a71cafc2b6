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

    /**
     * A record's canonical constructor runs where it is decoded, so it tells which shell thread decoded the
     * result: for {@code pmap}, the snippet's own thread, which waits for it anyway (no hop to a decode
     * thread); for {@code pmapAsync}, nobody waits, so a decode thread; never the network thread.
     */
    @Test
    void aOneItemResultIsDecodedByTheThreadWaitingForItNotTheNetworkThread() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                record Seen(int x) { static final List<String> THREADS = new java.util.concurrent.CopyOnWriteArrayList<>(); public Seen { THREADS.add(Thread.currentThread().getName()); } }
                void maps() { for (int i = 0; i < 20; i++) pmap(x -> new Seen(x), List.of(i)); String caller = Thread.currentThread().getName(); System.out.println("MAP " + Seen.THREADS.stream().distinct().map(t -> t.equals(caller) ? "caller" : t).toList()); }
                maps();
                Seen.THREADS.clear();
                for (int i = 0; i < 20; i++) pmapAsync(x -> new Seen(x), List.of(i)).join();
                System.out.println("ASYNC " + Seen.THREADS.stream().map(t -> t.replaceAll("-[0-9-]+$", "")).distinct().toList());
                """, "--workers", "1");
        String out = r.output();
        assertEquals(0, r.exitCode(), out);
        assertTrue(out.contains("MAP [caller]"), out);
        assertTrue(out.contains("ASYNC [parshell-decode]"), out);
    }
}
