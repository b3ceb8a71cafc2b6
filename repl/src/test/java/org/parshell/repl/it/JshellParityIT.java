package org.parshell.repl.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JDK's own jshell and parshell, given the same snippets, print the same /vars, /methods, /types and /list.
 * (A method body on lines of its own is left out: jshell reading a pipe auto-indents the lines after
 * a brace, so its stored source differs from what was typed.)
 */
class JshellParityIT {
    private static final String SNIPPETS = """
            int k = 5;
            int squared(int x) { return x * x; }
            int add(int a,
                    int b) { return a + b; }
            double broken(int x) { return undefined * x; }
            double usesBroken(int x) { return broken(x) + 1; }
            String s = "hi";
            record P(int a, String b) {}
            interface Shape { double area(); }
            enum Colour { RED, GREEN }
            k + 1
            int[] xs = {1, 2, 3};
            k = 7;
            String s = "again";
            <T> List<T> twice(T t) { return List.of(t, t); }
            var p = new P(1, "x");
            """;
    private static final String COMMANDS = """
            System.out.println("--vars--");
            /vars
            System.out.println("--methods--");
            /methods
            System.out.println("--types--");
            /types
            System.out.println("--list--");
            /list
            System.out.println("--end--");
            """;

    @Test
    void varsMethodsTypesAndListPrintWhatJshellPrints(@TempDir Path home) throws Exception {
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        RequiredTool.require(Files.isExecutable(jshell), "the JDK's jshell is needed at " + jshell);
        String input = SNIPPETS + COMMANDS;

        String theirs = section(runJshell(jshell, home, input).replace("jshell> ", ""));
        ParshellProcess.Result r = ParshellProcess.runShell(input, "--workers", "0");
        assertEquals(0, r.exitCode(), r.output());
        String ours = section(r.output());

        assertTrue(theirs.contains("|    int k = 7") && theirs.contains("   3 : int add(int a,"), "jshell printed:\n" + theirs);
        assertEquals(theirs, ours);
    }

    /** From the first marker to the last, without trailing spaces. */
    private static String section(String output) {
        int from = output.indexOf("--vars--");
        int to = output.indexOf("--end--");
        assertTrue(from >= 0 && to > from, "no markers in:\n" + output);
        List<String> lines = new ArrayList<>();
        for (String line : output.substring(from, to).split("\n")) {
            lines.add(line.stripTrailing());
        }
        return String.join("\n", lines);
    }

    private static String runJshell(Path jshell, Path home, String input) throws Exception {
        Process p = new ProcessBuilder(jshell.toString(), "-q", "-J-Duser.home=" + home)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("out.txt").toFile())
                .start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("jshell did not finish");
        }
        return Files.readString(home.resolve("out.txt"));
    }
}
