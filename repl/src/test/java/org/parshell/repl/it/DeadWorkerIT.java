package org.parshell.repl.it;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A worker JVM killed with {@code kill -9} in the middle of a map: nothing is lost, the shell goes on. */
class DeadWorkerIT {

    @Test
    void aWorkerKilledMidwayLosesNoItemAndTheResultIsTheSequentialOne() throws Exception {
        try (ParshellProcess p = ParshellProcess.start("parshell", "--workers", "3")) {
            p.write("""
                    long f(int x) { return (long) x * x + 7; }
                    long slow(int x) { try { Thread.sleep(1); } catch (InterruptedException e) { throw new RuntimeException(e); } return f(x); }
                    System.out.println("WARM " + new TreeSet<>(pmap(x -> ProcessHandle.current().pid(), range(1, 300))).size());
                    """);
            assertTrue(p.awaitOutput("WARM ", 120).contains("WARM 3"), "three workers answer: " + p.output());
            List<ProcessHandle> workers = p.process().children().toList();
            assertEquals(3, workers.size(), "three worker JVMs are children of the shell");

            // the victim holds a chunk until it is killed: a complete result proves that chunk ran elsewhere
            ProcessHandle victim = workers.get(1);
            p.write("long held = " + victim.pid() + "L;\n" + """
                    long holding(int x) {
                        if (ProcessHandle.current().pid() == held) {
                            System.out.println("HELD " + x);
                            try { Thread.sleep(600_000); } catch (InterruptedException e) { throw new RuntimeException(e); }
                        }
                        return slow(x);
                    }
                    List<Integer> inputs = IntStream.range(0, 10000).boxed().toList();
                    String check(List<Long> r) {
                        List<Long> expected = inputs.stream().map(x -> f(x)).toList();
                        int lost = 0;
                        for (int i = 0; i < 10000; i++) if (i >= r.size() || !expected.get(i).equals(r.get(i))) lost++;
                        return "SIZE " + r.size() + " LOST " + lost + " EQUAL " + r.equals(expected);
                    }
                    System.out.println(check(pmap(x -> holding(x), inputs)));
                    /workers
                    System.out.println("AFTER " + pmap(x -> x * 2, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30)).stream().mapToInt(Integer::intValue).sum());
                    """);
            p.awaitOutput("HELD ", 60); // the victim holds a chunk now
            long killedAt = System.nanoTime();
            new ProcessBuilder("kill", "-9", String.valueOf(victim.pid())).start().waitFor();

            String out = p.awaitOutput("AFTER ", 120);
            System.out.printf("dead worker: map of 10,000 finished %.1f s after kill -9 of pid %d%n",
                    (System.nanoTime() - killedAt) / 1e9, victim.pid());
            assertTrue(out.contains("SIZE 10000 LOST 0 EQUAL true"), out);
            Matcher lostRow = Pattern.compile("\\s" + victim.pid() + "\\s.*lost \\(").matcher(out);
            assertTrue(lostRow.find(), "/workers shows the killed worker as lost:\n" + out);
            assertTrue(out.contains("(pid " + victim.pid() + ") exited with status 137; starting another"), out);
            assertTrue(out.contains("AFTER 930"), "the shell goes on with the others: " + out);

            ProcessHandle idle = workers.get(2);
            int mark = p.output().length();
            long idleKilledAt = System.nanoTime();
            new ProcessBuilder("kill", "-9", String.valueOf(idle.pid())).start().waitFor();
            Pattern idleLost = Pattern.compile("\\s" + idle.pid() + "\\s.*lost \\(");
            double seconds = -1;
            while (System.nanoTime() - idleKilledAt < 30_000_000_000L && seconds < 0) {
                p.write("/workers\n");
                Thread.sleep(100);
                if (idleLost.matcher(p.output().substring(mark)).find()) {
                    seconds = (System.nanoTime() - idleKilledAt) / 1e9;
                }
            }
            System.out.printf("dead worker: an idle worker killed with kill -9 was shown lost %.2f s later%n", seconds);
            assertTrue(seconds > 0, "the killed idle worker is shown lost:\n" + p.output());
        }
    }

    @Test
    void aChunkThatKillsEveryWorkerFailsTheMapAfterThreeAttempts() throws Exception {
        // one worker: each attempt waits for the replacement of the worker the last one killed
        try (ParshellProcess p = ParshellProcess.start("parshell", "--workers", "1")) {
            p.write("""
                    int killer(int x) {
                        if (x == 5) {
                            try { new ProcessBuilder("kill", "-9", "" + ProcessHandle.current().pid()).start().waitFor(); Thread.sleep(10_000); }
                            catch (Exception e) { throw new RuntimeException(e); }
                        }
                        return x;
                    }
                    /pmap killer 0..9
                    System.out.println("AFTER " + pmap(x -> x + 1, List.of(1, 2, 3)));
                    """);
            String out = p.awaitOutput("AFTER ", 180);
            assertTrue(out.contains("was lost with its worker 3 times"), out);
            assertTrue(out.contains("AFTER [2, 3, 4]"), "replaced workers run the next map: " + out);
            p.closeInput();
            assertEquals(1, p.await(60).exitCode(), "the failed map makes the exit status non-zero");
        }
    }
}
