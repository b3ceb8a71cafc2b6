package org.parshell.repl.it;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * User code that misbehaves on a worker: each map fails with a clear error and the worker JVMs that
 * ran it (one task thread each) go on serving. Nobody is replaced, so nobody died.
 */
class UserCodeFailuresIT {

    @Test
    void exitHaltOomAndStackOverflowFailTheMapButNotTheWorker() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                String pids() { return new TreeSet<>(pmap(x -> ProcessHandle.current().pid(), rangeClosed(1, 100))).toString(); }
                System.out.println("BEFORE " + pids());
                pmap(x -> { System.exit(3); return x; }, rangeClosed(1, 4));
                pmap(x -> { Runtime.getRuntime().exit(4); return x; }, rangeClosed(1, 4));
                pmap(x -> { Runtime.getRuntime().halt(5); return x; }, rangeClosed(1, 4));
                IntConsumer quit = System::exit;
                pmap(x -> { quit.accept(6); return x; }, rangeClosed(1, 4));
                pmap(x -> new long[1_000_000_000].length, rangeClosed(1, 4));
                int deep(int n) { return deep(n + 1) + 1; }
                pmap(x -> deep(x), rangeClosed(1, 4));
                pmap(x -> { throw new IllegalStateException("no " + x); }, rangeClosed(1, 4));
                System.out.println("AFTER " + pids());
                System.out.println("SUM " + pmap(x -> x * 2, rangeClosed(1, 50)).stream().mapToInt(Integer::intValue).sum());
                """, "--workers", "2");
        String out = r.output();
        assertEquals(1, r.exitCode(), out);
        for (String call : new String[] {"System.exit(3)", "Runtime.exit(4)", "Runtime.halt(5)"}) {
            assertTrue(out.contains("java.lang.SecurityException: " + call + " is refused on a parshell worker"), call + ":\n" + out);
        }
        assertTrue(out.contains("|  The map did not start: ") && out.contains("is the method reference System::exit, which would end the JVM"),
                "a method reference to System.exit is refused before the map starts:\n" + out);
        assertTrue(out.contains("java.lang.OutOfMemoryError: Java heap space"), out);
        assertTrue(out.contains("java.lang.StackOverflowError"), out);
        assertTrue(out.contains("at deep (#"), "the remote trace names the snippet:\n" + out);
        assertTrue(out.contains("java.lang.IllegalStateException: no "), out);
        assertEquals(pids(out, "BEFORE"), pids(out, "AFTER"), "the same two workers serve after every failure:\n" + out);
        assertTrue(out.contains("SUM 2550"), out);
        assertFalse(out.contains("starting another"), "no worker died:\n" + out);
    }

    private static String pids(String out, String label) {
        Matcher m = Pattern.compile(label + " (\\[\\d+, \\d+])").matcher(out);
        assertTrue(m.find(), "no " + label + " with two pids in:\n" + out);
        return m.group(1);
    }
}
