package org.parshell.repl.it;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole path, through scripts/parshell, with two real local worker JVMs. */
class WalkingSkeletonIT {

    @Test
    void squaredExampleScriptPrintsTheListAndExitsZero() throws Exception {
        try (ParshellProcess p = ParshellProcess.start("parshell", "--workers", "2", "examples/squared.jsh")) {
            ParshellProcess.Result r = p.await(120);
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("$2 ==> [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]"), r.output());
            assertTrue(r.output().contains("[2, 5, 10]"), r.output());
        }
    }

    @Test
    void standardInputRunsAndExits() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell(
                "int squared(int x) { return x * x; }\n/pmap squared 0..9\n", "--workers", "2");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("$2 ==> [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]"), r.output());
    }

    @Test
    void workRunsInEveryWorkerProcessAndNotInTheShell() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                long shell = ProcessHandle.current().pid();
                System.out.println("SHELL " + shell);
                long pidAfterNap() { try { Thread.sleep(5); } catch (InterruptedException e) { } return ProcessHandle.current().pid(); }
                var pids = pmap(x -> pidAfterNap(), rangeClosed(1, 200)); // a second of work: a worker that joins late takes a share
                System.out.println("WORKERS " + new TreeSet<>(pids));
                """, "--workers", "2");
        assertEquals(0, r.exitCode(), r.output());
        long shell = Long.parseLong(find(r.output(), "SHELL (\\d+)"));
        Set<Long> workers = Arrays.stream(find(r.output(), "WORKERS \\[([\\d, ]+)]").split(",\\s*"))
                .map(Long::parseLong).collect(Collectors.toSet());
        assertEquals(2, workers.size(), "both workers ran chunks: " + r.output());
        assertFalse(workers.contains(shell), "nothing ran in the shell's JVM: " + r.output());
    }

    @Test
    void recordsAndPlainClassesTravelBothWays() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                record P(int a, String b) {}
                class Box { int v; Box(int v) { this.v = v; } public String toString() { return "Box" + v; } }
                var ps = pmap(p -> new P(p.a() * 10, p.b() + "!"), List.of(new P(1, "x"), new P(2, "y")));
                System.out.println("RECORDS " + ps + " " + (ps.get(0) instanceof P));
                var boxes = pmap(b -> new Box(b.v + 1), List.of(new Box(1), new Box(41)));
                System.out.println("BOXES " + boxes + " " + (boxes.get(1) instanceof Box));
                """, "--workers", "2");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("RECORDS [P[a=10, b=x!], P[a=20, b=y!]] true"), r.output());
        assertTrue(r.output().contains("BOXES [Box2, Box42] true"), r.output());
    }

    @Test
    void theFunctionSeesTheCurrentValueOfATopLevelVariable() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                int k = 1;
                int addK(int x) { return x + k; }
                System.out.println("FIRST " + pmap(x -> addK(x), List.of(1, 2)));
                k = 100;
                System.out.println("SECOND " + pmap(x -> addK(x), List.of(1, 2)));
                """, "--workers", "2");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("FIRST [2, 3]"), r.output());
        assertTrue(r.output().contains("SECOND [101, 102]"), r.output());
    }

    @Test
    void aFailingSnippetMakesTheExitStatusNonZeroAndTheShellGoesOn() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                int boom(int x) { return 10 / (x - 3); }
                /pmap boom 0..5
                System.out.println("STILL HERE");
                """, "--workers", "2");
        assertEquals(1, r.exitCode(), r.output());
        assertTrue(r.output().contains("java.lang.ArithmeticException: / by zero"), r.output());
        assertTrue(r.output().contains("at boom (#1:1)"), r.output());
        assertTrue(r.output().contains("STILL HERE"), r.output());
    }

    @Test
    void noWorkerOutlivesAShellThatExits() throws Exception {
        try (ParshellProcess p = ParshellProcess.start("parshell", "--workers", "2")) {
            p.write("System.out.println(\"READY \" + pmap(x -> x, List.of(1, 2, 3, 4)));\n");
            p.awaitOutput("READY", 60);
            List<ProcessHandle> workers = p.process().children().toList();
            assertEquals(2, workers.size(), "two worker JVMs are children of the shell");
            p.closeInput();
            assertEquals(0, p.await(60).exitCode());
            assertAllExit(workers);
        }
    }

    @Test
    void noWorkerOutlivesAShellKilledWithSigkill() throws Exception {
        try (ParshellProcess p = ParshellProcess.start("parshell", "--workers", "2")) {
            p.write("System.out.println(\"READY \" + pmap(x -> x, List.of(1, 2, 3, 4)));\n");
            p.awaitOutput("READY", 60);
            List<ProcessHandle> workers = p.process().children().toList();
            assertEquals(2, workers.size());
            new ProcessBuilder("kill", "-9", String.valueOf(p.process().pid())).start().waitFor();
            assertAllExit(workers); // before close(), which would kill them itself
        }
    }

    private static void assertAllExit(List<ProcessHandle> workers) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (workers.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(workers.stream().noneMatch(ProcessHandle::isAlive), "worker JVMs still alive: " + workers);
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no " + regex + " in:\n" + text);
        return m.group(1);
    }
}
