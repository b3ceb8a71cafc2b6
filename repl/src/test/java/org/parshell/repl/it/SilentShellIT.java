package org.parshell.repl.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The other side of liveness: a shell that goes silent (stopped with SIGSTOP, as if its network were
 * cut) no longer sends heartbeats; its worker closes the session and stops the shell's spinning task.
 */
class SilentShellIT {

    @Test
    void aWorkerWhoseShellFallsSilentStopsItsTasks() throws Exception {
        try (ParshellProcess p = ParshellProcess.start("parshell", "--workers", "1")) {
            p.write("System.out.println(\"READY \" + pmap(x -> x, List.of(1)));\n");
            p.awaitOutput("READY", 120);
            long shell = p.process().pid();
            List<ProcessHandle> workers = p.process().children().toList();
            assertEquals(1, workers.size());
            Path log = workerLog(shell);

            p.write("withTimeout(10, () -> pmap(x -> { System.out.println(\"SPIN\" + \"NING\"); while (true) { } }, rangeClosed(1, 2)));\n");
            p.awaitOutput("SPINNING", 60);
            signal("STOP", shell);
            long stoppedAt = System.nanoTime();
            try {
                String text = awaitLog(log, "silent for 15 s; closing it and cancelling its tasks", 60);
                System.out.printf("liveness: the worker closed the session of a stopped shell %.1f s after SIGSTOP%n",
                        (System.nanoTime() - stoppedAt) / 1e9);
                // JDK 20 and later have no Thread.stop: the worker replaces the stuck thread instead
                boolean canStop = Runtime.version().feature() < 20;
                text = awaitLog(log, canStop ? "its cancelled function ignored the interrupt" : "cannot be stopped on this JDK", 30);
                assertTrue(text.contains(canStop ? "stopped parshell-task-" : "added a task thread in its place"), text);
            } finally {
                signal("CONT", shell);
            }
            p.write("System.out.println(\"AFTER \" + pmap(x -> x + 1, List.of(1, 2)));\n");
            String out = p.awaitOutput("AFTER ", 120);
            assertTrue(out.contains("the map did not finish within 10 s"), out);
            assertTrue(out.contains("AFTER [2, 3]"), "the shell goes on, with a new worker:\n" + out);
        }
    }

    /** Local workers write their log to a temporary directory named after the shell's pid. */
    private static Path workerLog(long shell) throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> dirs = Files.list(tmp)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("parshell-" + shell + "-"))
                    .map(d -> d.resolve("worker-1.log"))
                    .filter(Files::exists)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no worker log of shell " + shell + " in " + tmp));
        }
    }

    private static String awaitLog(Path log, String text, long seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            String s = Files.readString(log);
            if (s.contains(text)) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + text + "' in " + log + " within " + seconds + " s:\n" + Files.readString(log));
    }

    private static void signal(String name, long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + name, String.valueOf(pid)).start().waitFor());
    }
}
