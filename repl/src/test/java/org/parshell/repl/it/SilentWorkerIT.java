package org.parshell.repl.it;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A worker stopped with SIGSTOP keeps its connection open but says nothing: heartbeats find it, the
 * pool treats it as lost, its chunks run elsewhere, and the shell replaces it.
 */
class SilentWorkerIT {
    /** README "When things go wrong": a worker heard nothing from for 5 s is lost (heartbeats every second). */
    private static final double SILENCE_SECONDS = 5;
    /** The 5 s, a heartbeat's period, and room for a loaded machine. */
    private static final double DETECTION_BOUND_SECONDS = SILENCE_SECONDS + 1 + 4;

    @Test
    void aStoppedWorkerIsFoundByHeartbeatsAndItsChunksRunElsewhere() throws Exception {
        try (ParshellProcess p = ParshellProcess.start("parshell", "--workers", "3")) {
            p.write("""
                    long slow(int x) { try { Thread.sleep(1); } catch (InterruptedException e) { throw new RuntimeException(e); } return 3L * x; }
                    System.out.println("WARM " + new TreeSet<>(pmap(x -> ProcessHandle.current().pid(), range(1, 300))).size());
                    """);
            assertTrue(p.awaitOutput("WARM ", 120).contains("WARM 3"), p.output());
            List<ProcessHandle> workers = p.process().children().toList();
            assertEquals(3, workers.size());

            // the victim holds a chunk until it is stopped: it can never return it, so a complete result
            // proves that chunk ran on another worker
            long mid = workers.get(0).pid();
            p.write("long held = " + mid + "L;\n" + """
                    long holding(int x) {
                        if (ProcessHandle.current().pid() == held) {
                            System.out.println("HELD " + x + " ON " + held);
                            try { Thread.sleep(600_000); } catch (InterruptedException e) { throw new RuntimeException(e); }
                        }
                        return slow(x);
                    }
                    List<Integer> inputs = IntStream.range(0, 6000).boxed().toList();
                    System.out.println("RESULT " + pmap(x -> holding(x), inputs).equals(inputs.stream().map(x -> 3L * x).toList()));
                    """);
            String held = p.awaitOutput("HELD ", 60);
            Matcher heldItem = Pattern.compile("HELD (\\d+) ON " + mid).matcher(held);
            assertTrue(heldItem.find(), held);
            int heldX = Integer.parseInt(heldItem.group(1));
            signal("STOP", mid);
            String out = p.awaitOutput("RESULT ", 120);
            // README: a silent worker's chunks run again on the other workers, and the result is complete and in order
            assertTrue(out.contains("RESULT true"), "the map is complete and in order, item " + heldX
                    + " (held by the stopped worker) included:\n" + out);

            long idle = workers.get(2).pid();
            int mark = p.output().length();
            long stoppedAt = System.nanoTime();
            signal("STOP", idle);
            Pattern lost = Pattern.compile("\\s" + idle + "\\s.*lost \\(silent for more than");
            double seconds = -1;
            while (System.nanoTime() - stoppedAt < 3 * DETECTION_BOUND_SECONDS * 1_000_000_000L) {
                p.write("/workers\n");
                Thread.sleep(250);
                if (lost.matcher(p.output().substring(mark)).find()) {
                    seconds = (System.nanoTime() - stoppedAt) / 1e9;
                    break;
                }
            }
            System.out.printf("liveness: a worker stopped with SIGSTOP while idle was shown lost %.2f s later%n", seconds);
            assertTrue(seconds > 0, "the stopped worker was found silent:\n" + p.output());
            // README: lost after 5 s of silence, not sooner, and not much later
            assertTrue(seconds >= SILENCE_SECONDS - 0.5 && seconds <= DETECTION_BOUND_SECONDS,
                    "shown lost " + seconds + " s after SIGSTOP; the README says 5 s");
            out = p.output();
            assertTrue(Pattern.compile("\\s" + mid + "\\s.*lost \\(silent for more than 5.0 s").matcher(out).find(), out);
            assertTrue(out.contains("(pid " + mid + ") exited with status 137; starting another"), "a stopped local worker is replaced:\n" + out);

            p.write("System.out.println(\"AFTER \" + pmap(x -> x + 1, List.of(1, 2, 3)));\n");
            assertTrue(p.awaitOutput("AFTER ", 120).contains("AFTER [2, 3, 4]"), p.output());
        }
    }

    private static void signal(String name, long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, String.valueOf(pid)).start().waitFor());
    }
}
