package org.parshell.repl.it;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One shell, fed input meant to break it: user code that exits or halts, bad paths and bad arguments
 * to every command, pathological expressions, null arguments to the API, an interrupted snippet
 * thread. After each, the same shell must evaluate a new snippet, still hold the definitions made
 * before, and still map on its worker.
 */
class HostileInputIT {
    private static final long START_SECONDS = 120;
    private static final long STEP_SECONDS = 120;

    private static final String DEFINITIONS = """
            int squared(int x) { return x * x; }
            int k = 41;
            """;

    /** Each entry is typed as a whole (it may hold several lines). */
    static List<String> hostileInputs() {
        List<String> inputs = new ArrayList<>(List.of(
                // user code that tries to end the JVM
                "System.exit(3);",
                "Runtime.getRuntime().halt(1);",
                "Runtime.getRuntime().exit(2);",
                "Runnable quit = () -> System.exit(4); quit.run();",
                "java.util.function.IntConsumer q = System::exit; q.accept(5);",
                "new Thread(() -> Runtime.getRuntime().halt(6)).start();",
                "void leave() { System.exit(7); }\nleave();",
                // bad paths and bad arguments to the commands
                "/open /tmp/no\0such",
                "/save /tmp/no\0such",
                "/save",
                "/save -nonsense /tmp/x",
                "/save /proc/no/such/dir/file.jsh",
                "/open /no/such/file.jsh",
                "/open",
                "/load /tmp/no\0such",
                "/drop",
                "/drop 99999",
                "/drop no_such_name",
                "/list no_such_name",
                "/vars 99999",
                "/methods -nonsense",
                "/types \0",
                "/edit no_such_snippet",
                "/env",
                "/env --class-path /no/such.jar",
                "/env --class-path /tmp/no\0such.jar",
                "/attach",
                "/attach 127.0.0.1:99999",
                "/attach ::::",
                "/detach no.such.host",
                "/pmap",
                "/pmap squared",
                "/pmap no_such_fn 1..3",
                "/pmap squared 1..",
                "/pmap squared 3..1",
                "/pmap squared 0..99999999999",
                "/pmap --timeout nonsense squared 1..3",
                "/pmap --timeout -1 squared 1..3",
                "/pmap --timeout 1e400 squared 1..3",
                "/check",
                "/check )(",
                "/exit not-a-number",
                "/no_such_command",
                "/",
                "/imports extra words",
                "/history extra",
                "/workers extra",
                "/set",
                "/set nonsense",
                "/set feedback nonsense",
                "/set truncation -5",
                "/set truncation abc",
                "/set start /tmp/no\0such",
                "/set start /no/such/file",
                "/reload -nonsense",
                "/99999",
                "/-99999",
                "/e99999",
                "/help /no_such_command",
                "/help \0",
                "/help /set nosuch",
                "/help /set f",
                "/? \0 \0",
                "/save -all /tmp/no\0such",
                "/save -values /tmp/no\0such",
                "/save -values k /tmp/no\0such",
                "/set editor \0",
                "/reload -restore -nonsense",
                "/drop \0",
                "/set feedback verbose",
                "int verboseShown = 1;",
                "/set feedback parshell",
                // pathological snippets
                "1" + "+1".repeat(20_000) + ";",
                "(".repeat(3_000) + "1" + ")".repeat(3_000) + ";",
                "\"an unclosed string",
                "}}}}",
                "int broken = ;",
                "class 1x { }",
                "long[] huge = new long[Integer.MAX_VALUE - 8];",
                "int recurse(int n) { return recurse(n + 1) + 1; }\nrecurse(0);",
                // null and out-of-range arguments to the API
                "pmap(null, List.of(1));",
                "pmap(x -> x, (List<Integer>) null);",
                "pmap(x -> x, (Integer[]) null);",
                "submit(null, 1);",
                "pmapAsync(null, null);",
                "imap(null, null);",
                "withTimeout(-1, () -> 1);",
                "withTimeout(1, null);",
                "rangeClosed(0, Integer.MAX_VALUE);",
                "pmap(x -> 10 / x, rangeClosed(-1, 1));",
                "int inner(int x) { return pmap(y -> y + x, rangeClosed(1, 2)).size(); }\npmap(x -> inner(x), rangeClosed(1, 3));",
                // an interrupted snippet thread, with and without a map
                "Thread.currentThread().interrupt();",
                "Thread.currentThread().interrupt(); pmap(x -> x, rangeClosed(1, 3));"));
        return inputs;
    }

    @Test
    void theShellSurvivesEverythingTypedAndKeepsItsSession() throws Exception {
        try (ParshellProcess shell = ParshellProcess.start("parshell", "--workers", "1")) {
            shell.write(DEFINITIONS);
            probe(shell, 0, "the definitions");
            List<String> inputs = hostileInputs();
            for (int i = 0; i < inputs.size(); i++) {
                shell.write(inputs.get(i) + "\n");
                probe(shell, i + 1, inputs.get(i));
            }
            shell.write("/exit 0\n");
            ParshellProcess.Result r = shell.await(STEP_SECONDS);
            assertEquals(0, r.exitCode(), "/exit 0 still leaves with status 0");
        }
    }

    /** A new snippet that uses an old variable and method and maps on the worker; its answer proves all three. */
    private static void probe(ParshellProcess shell, int n, String after) throws Exception {
        String marker = "PROBE" + n + " ";
        shell.write("System.out.println(\"PROBE\" + " + n + " + \" \" + (k + " + n + ") + \" \" + pmap(x -> squared(x) + k, rangeClosed(1, 3)));\n");
        String expected = marker + (41 + n) + " [42, 45, 50]";
        long deadline = System.nanoTime() + STEP_SECONDS * 1_000_000_000L;
        while (!shell.output().contains(expected) && System.nanoTime() < deadline) {
            assertTrue(shell.process().isAlive(), "the shell died after: " + shown(after) + "\n" + tail(shell.output()));
            Thread.sleep(50);
        }
        assertTrue(shell.output().contains(expected), "after " + shown(after) + " the probe did not answer "
                + expected + ":\n" + tail(shell.output()));
    }

    private static String shown(String input) {
        String one = input.replace("\0", "\\0").replace("\n", "\\n");
        return one.length() > 80 ? one.substring(0, 80) + "..." : one;
    }

    private static String tail(String output) {
        return output.length() > 4000 ? output.substring(output.length() - 4000) : output;
    }
}
