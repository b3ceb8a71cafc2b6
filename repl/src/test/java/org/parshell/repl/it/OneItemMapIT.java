package org.parshell.repl.it;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a one-item map runs on a local worker: a function goes to the worker's task threads until it has
 * been quick run after run; then its small chunks run on the connection's network thread ({@code parshell-io-*}),
 * without the hop to a task thread and back. A slow function never does, and one that turns slow goes back
 * to the task threads.
 */
class OneItemMapIT {
    @Test
    void aQuickFunctionMovesToTheNetworkThreadASlowOneStaysOnTaskThreads() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                String where(int ms) {
                    if (ms > 0) { try { Thread.sleep(ms); } catch (InterruptedException e) { throw new RuntimeException(e); } }
                    return Thread.currentThread().getName();
                }
                String run(int ms) { return (String) pmap(x -> where(x), List.of(ms)).get(0); }
                List<String> quick = new ArrayList<>();
                for (int i = 0; i < 30; i++) quick.add(run(0));
                System.out.println("QUICK " + String.join(",", quick));
                System.out.println("TURNED-SLOW " + run(30));
                System.out.println("AFTER-SLOW " + run(0));
                String nap(int x) { try { Thread.sleep(2); } catch (InterruptedException e) { throw new RuntimeException(e); } return Thread.currentThread().getName(); }
                List<String> slow = new ArrayList<>();
                for (int i = 0; i < 20; i++) slow.add((String) pmap(x -> nap(x), List.of(i)).get(0));
                System.out.println("SLOW " + String.join(",", slow));
                """, "--workers", "1");
        String out = r.output();
        assertEquals(0, r.exitCode(), out);
        List<String> quick = Arrays.asList(line(out, "QUICK").split(","));
        assertEquals(30, quick.size(), out);
        assertTrue(quick.get(0).startsWith("parshell-task-"), "the first run is on a task thread: " + quick);
        assertTrue(quick.get(29).startsWith("parshell-io-"), "after many quick runs, on the network thread: " + quick);
        assertTrue(line(out, "TURNED-SLOW").startsWith("parshell-io-"), "it was quick until this run: " + out);
        assertTrue(line(out, "AFTER-SLOW").startsWith("parshell-task-"), "one slow run sends it back to the task threads: " + out);
        List<String> slow = Arrays.asList(line(out, "SLOW").split(","));
        assertEquals(20, slow.size(), out);
        assertTrue(slow.stream().allMatch(s -> s.startsWith("parshell-task-")), "a slow function stays on task threads: " + slow);
    }

    private static String line(String out, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + " (\\S+)$").matcher(out);
        assertTrue(m.find(), key + " missing in:\n" + out);
        return m.group(1);
    }
}
