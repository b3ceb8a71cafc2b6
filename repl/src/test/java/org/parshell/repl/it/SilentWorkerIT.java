package org.parshell.repl.it;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A worker stopped with SIGSTOP keeps its connection open but says nothing: heartbeats find it, the
 * pool treats it as lost, its chunks run elsewhere, and the shell replaces it.
 */
class SilentWorkerIT {
    private static final long DETECTION_BOUND_SECONDS = 30;

    @Test
    void aStoppedWorkerIsFoundByHeartbeatsAndItsChunksRunElsewhere() throws Exception {
        try (ParshellProcess p = ParshellProcess.start("parshell", "--workers", "3")) {
            p.write("""
                    long slow(int x) { try { Thread.sleep(1); } catch (InterruptedException e) { throw new RuntimeException(e); } return 3L * x; }
                    System.out.println("WARM " + new TreeSet<>(pmap(x -> ProcessHandle.current().pid(), rangeClosed(1, 300))).size());
                    """);
            assertTrue(p.awaitOutput("WARM ", 120).contains("WARM 3"), p.output());
            List<ProcessHandle> workers = p.process().children().toList();
            assertEquals(3, workers.size());

            p.write("""
                    System.out.println("STARTED");
                    System.out.println("RESULT " + pmap(x -> slow(x), rangeClosed(0, 5999)).equals(rangeClosed(0, 5999).stream().map(x -> 3L * x).toList()));
                    """);
            p.awaitOutput("STARTED", 60);
            Thread.sleep(1000);
            long mid = workers.get(0).pid();
            signal("STOP", mid);
            String out = p.awaitOutput("RESULT ", 120);
            assertTrue(out.contains("RESULT true"), "the map is complete and in order:\n" + out);

            long idle = workers.get(2).pid();
            int mark = p.output().length();
            long stoppedAt = System.nanoTime();
            signal("STOP", idle);
            Pattern lost = Pattern.compile("\\s" + idle + "\\s.*lost \\(silent for more than");
            double seconds = -1;
            while (System.nanoTime() - stoppedAt < DETECTION_BOUND_SECONDS * 1_000_000_000L) {
                p.write("/workers\n");
                Thread.sleep(250);
                if (lost.matcher(p.output().substring(mark)).find()) {
                    seconds = (System.nanoTime() - stoppedAt) / 1e9;
                    break;
                }
            }
            System.out.printf("liveness: a worker stopped with SIGSTOP while idle was shown lost %.2f s later%n", seconds);
            assertTrue(seconds > 0, "the stopped worker was found silent within " + DETECTION_BOUND_SECONDS + " s:\n" + p.output());
            out = p.output();
            assertTrue(Pattern.compile("\\s" + mid + "\\s.*lost \\(silent for more than").matcher(out).find(), out);
            assertTrue(out.contains("(pid " + mid + ") exited with status 137; starting another"), "a stopped local worker is replaced:\n" + out);

            p.write("System.out.println(\"AFTER \" + pmap(x -> x + 1, List.of(1, 2, 3)));\n");
            assertTrue(p.awaitOutput("AFTER ", 120).contains("AFTER [2, 3, 4]"), p.output());
        }
    }

    private static void signal(String name, long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, String.valueOf(pid)).start().waitFor());
    }
}
