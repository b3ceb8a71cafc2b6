package org.parshell.repl.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Worker daemons started as separate processes by scripts/parshell-worker, attached by address. */
class RemoteWorkersIT {
    @RegisterExtension
    final Daemons daemons = Daemons.forEachTest(1);

    @Test
    void theDaemonCreatesAnOwnerOnlySecretAndSaysWhere() throws Exception {
        assertTrue(daemons.daemon().log().contains("created a new secret in " + daemons.secret()), daemons.daemon().log());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(daemons.secret())));
        assertTrue(Files.readString(daemons.secret()).strip().matches("[0-9a-f]{64}"));
    }

    @Test
    void resultsAreComputedInTheDaemonsProcess() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                int squared(int x) { return x * x; }
                /pmap squared 0..9
                System.out.println("PIDS " + new TreeSet<>(pmap(x -> ProcessHandle.current().pid(), rangeClosed(1, 100))));
                /workers
                /detach all
                /workers
                """, "--workers", "0", "--attach", daemons.daemon().address(), "--secret-file", daemons.secret().toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("$2 ==> [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]"), r.output());
        assertTrue(r.output().contains("PIDS [" + daemons.daemon().pid() + "]"), r.output());
        assertTrue(Pattern.compile(Pattern.quote(daemons.daemon().address()) + "\\s+\\S+\\s+" + daemons.daemon().pid() + "\\s+2\\s+.*ready")
                .matcher(r.output()).find(), "/workers shows the daemon: " + r.output());
        assertTrue(r.output().contains("|  Detached " + daemons.daemon().address()), r.output());
        assertTrue(r.output().contains("|  No workers."), r.output());
        daemons.daemon().awaitLog("disconnected", 30);
    }

    @Test
    void localAndAttachedWorkersShareAMapAndADetachedOneGetsNoMore() throws Exception {
        try (WorkerDaemon second = WorkerDaemon.start(daemons.secret())) {
            ParshellProcess.Result r = ParshellProcess.runShell("""
                    Set<Long> pids(List<Long> all) { return new TreeSet<>(all); }
                    long pidAfterNap() { try { Thread.sleep(10); } catch (InterruptedException e) { } return ProcessHandle.current().pid(); }
                    System.out.println("MIXED " + pids(pmap(x -> pidAfterNap(), rangeClosed(1, 120))));
                    /detach %s
                    System.out.println("AFTER " + pids(pmap(x -> ProcessHandle.current().pid(), rangeClosed(1, 120))).contains(%dL));
                    """.formatted(daemons.daemon().address(), daemons.daemon().pid()),
                    "--workers", "1", "--attach", daemons.daemon().address(), "--attach", second.address(), "--secret-file", daemons.secret().toString());
            assertEquals(0, r.exitCode(), r.output());
            String mixed = find(r.output(), "MIXED \\[([\\d, ]+)]");
            assertTrue(mixed.contains(String.valueOf(daemons.daemon().pid())) && mixed.contains(String.valueOf(second.pid())), r.output());
            assertEquals(3, mixed.split(",").length, "one local worker and two daemons: " + r.output());
            assertTrue(r.output().contains("|  Detached " + daemons.daemon().address()), r.output());
            assertTrue(r.output().contains("AFTER false"), r.output());
        }
    }

    @Test
    void twoShellsOnOneDaemonDoNotSeeEachOthersFunctions() throws Exception {
        String[] args = {"--workers", "0", "--attach", daemons.daemon().address(), "--secret-file", daemons.secret().toString()};
        try (ParshellProcess a = ParshellProcess.start("parshell", args);
             ParshellProcess b = ParshellProcess.start("parshell", args)) {
            a.write("int f(int x) { return x + 1; }\nSystem.out.println(\"A1 \" + pmap(x -> f(x), List.of(1, 2, 3)));\n");
            b.write("int f(int x) { return x * 100; }\nSystem.out.println(\"B1 \" + pmap(x -> f(x), List.of(1, 2, 3)));\n");
            assertTrue(a.awaitOutput("A1 ", 120).contains("A1 [2, 3, 4]"), a.output());
            assertTrue(b.awaitOutput("B1 ", 120).contains("B1 [100, 200, 300]"), b.output());
            a.write("System.out.println(\"A2 \" + pmap(x -> f(x), List.of(1, 2, 3)));\n");
            assertTrue(a.awaitOutput("A2 ", 120).contains("A2 [2, 3, 4]"), a.output());
            b.write("System.out.println(\"PID \" + new TreeSet<>(pmap(x -> ProcessHandle.current().pid(), List.of(1, 2))));\n");
            assertTrue(b.awaitOutput("PID ", 120).contains("PID [" + daemons.daemon().pid() + "]"), b.output());
        }
        daemons.daemon().awaitLog("disconnected", 30);
        assertTrue(daemons.daemon().process().isAlive(), "the daemon goes on after its shells leave");
    }

    @Test
    void aShellWithAnotherSecretIsRefusedWithAClearMessage() throws Exception {
        Path wrong = daemons.dir().resolve("wrong-secret");
        Files.writeString(wrong, "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n");
        Files.setPosixFilePermissions(wrong, PosixFilePermissions.fromString("rw-------"));
        ParshellProcess.Result r = ParshellProcess.runShell("/attach " + daemons.daemon().address() + "\n",
                "--workers", "0", "--secret-file", wrong.toString());
        assertEquals(1, r.exitCode(), r.output());
        assertTrue(r.output().contains("Cannot attach " + daemons.daemon().address()
                + ": authentication failed: the worker's secret differs from ours (check --secret-file)"), r.output());
        daemons.daemon().awaitLog("closed the connection before authenticating", 30);
        assertGoodShellStillServed();
    }

    @Test
    void aMissingSecretFileIsExplained() throws Exception {
        Path missing = daemons.dir().resolve("no-such-secret");
        ParshellProcess.Result r = ParshellProcess.runShell("/attach " + daemons.daemon().address() + "\n",
                "--workers", "0", "--secret-file", missing.toString());
        assertEquals(1, r.exitCode(), r.output());
        assertTrue(r.output().contains("no secret file " + missing), r.output());
    }

    @Test
    void aDaemonThatDiesMidMapIsShownLostAndItsChunksRunElsewhere() throws Exception {
        // kill -9 from outside the JVM: a worker refuses System.exit and halt.
        String output = mapThatSignalsTheDaemon("-9");
        assertTrue(Pattern.compile(Pattern.quote(daemons.daemon().address()) + ".*lost").matcher(output).find(), output);
        assertFalse(daemons.daemon().process().isAlive());
    }

    @Test
    void aDaemonThatStopsAnsweringIsLostAfterMissedHeartbeats() throws Exception {
        // SIGSTOP freezes the daemon with its connection open (the kernel still acknowledges bytes),
        // so only the heartbeat can tell.
        String output = mapThatSignalsTheDaemon("-STOP");
        assertTrue(Pattern.compile(Pattern.quote(daemons.daemon().address()) + ".*lost \\(silent for more than ").matcher(output).find(),
                output);
    }

    /** A map whose function sends {@code signal} to the daemon the moment it runs there; the local worker must finish it. */
    private String mapThatSignalsTheDaemon(String signal) throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                long daemon = %d;
                int twiceOffTheDaemon(int x) {
                    if (ProcessHandle.current().pid() == daemon) {
                        try { new ProcessBuilder("kill", "%s", "" + daemon).start().waitFor(); } catch (Exception e) { }
                    }
                    return 2 * x;
                }
                var results = pmap(x -> twiceOffTheDaemon(x), rangeClosed(0, 199));
                System.out.println("SUM " + results.stream().mapToInt(i -> i).sum() + " SIZE " + results.size());
                /workers
                """.formatted(daemons.daemon().pid(), signal), "--workers", "1", "--attach", daemons.daemon().address(), "--secret-file", daemons.secret().toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("SUM 39800 SIZE 200"), r.output());
        return r.output();
    }

    private void assertGoodShellStillServed() throws Exception {
        daemons.daemon().assertServesAShell(daemons.secret());
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no " + regex + " in:\n" + text);
        return m.group(1);
    }
}
