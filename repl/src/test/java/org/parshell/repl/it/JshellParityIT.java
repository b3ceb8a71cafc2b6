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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
            int dropped = 1;
            /drop dropped
            long squared(int x) { return x; }
            interface Shape { }
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
            System.out.println("--all--");
            /vars -all
            /methods -all
            /types -all
            System.out.println("--end--");
            """;

    @Test
    void varsMethodsTypesAndListPrintWhatJshellPrints(@TempDir Path home) throws Exception {
        Path jshell = jshell();
        String input = SNIPPETS + COMMANDS;

        String theirs = section(runJshell(jshell, home, input).replace("jshell> ", ""));
        ParshellProcess.Result r = ParshellProcess.runShell(input, "--workers", "0");
        assertEquals(0, r.exitCode(), r.output());
        String ours = section(r.output());

        assertTrue(theirs.contains("|    int k = 7") && theirs.contains("   3 : int add(int a,"), "jshell printed:\n" + theirs);
        assertEquals(theirs, ours);
    }

    /** jshell's re-run, reload and /set commands, in each feedback mode, as jshell reading a pipe runs them. */
    private static final String SESSION = """
            /set feedback normal
            int k = 5;
            int sq(int x) { return x * x; }
            k + 1
            /!
            /-2
            /1 2
            /99
            /-99
            int sq(int x) { return x * x * 1; }
            record P(int a) {}
            k = 7
            String k = "s";
            System.out.println("hi");
            void v() {}
            int u() { return nope; }
            k
            /set feedback verbose
            int j = 3;
            sq(2)
            int sq(int x) { return x + 0; }
            k = "t"
            String k = "u";
            /set feedback concise
            int j2 = 3;
            sq(2)
            k = "w"
            int w() { return nope2; }
            /set feedback nosuch
            /set feedback silent
            int j3 = 4;
            j3 + 1
            System.out.println("silent " + j3);
            /set feedback normal
            /set feedback nosuch
            /reload
            k
            /reload -quiet
            /reset
            /reload -restore
            j3
            /set editor vi
            /set editor
            /set start
            /set start /no/such/file
            String longText = "0123456789".repeat(20);
            longText
            new int[400]
            longText = longText + "!"
            """;

    @Test
    void rerunReloadAndSetPrintWhatJshellPrints(@TempDir Path home) throws Exception {
        Path jshell = jdk17Jshell();

        String theirs = comparable(runJshell(jshell, home, SESSION));
        ParshellProcess.Result r = ParshellProcess.runShell(SESSION, "--workers", "0");
        String ours = comparable(r.output());

        assertTrue(theirs.contains("|  modified method sq(int)") && theirs.contains("-: k + 1"), "jshell printed:\n" + theirs);
        assertEquals(theirs, ours);
    }

    /** The common kinds of snippet, redefined, left unresolved, resolved and dropped, in a feedback mode. */
    private static final String KINDS = """
            /set feedback %s
            int a = 1;
            int a2;
            a = 3
            a
            a + 1
            String s = "x";
            s = null
            void m() {}
            int f(int x) { return x; }
            int f(int x) { return x + 1; }
            long f(int x) { return x; }
            int f(String y) { return 1; }
            class C {}
            class C { int z; }
            interface I {}
            enum E { A, B }
            record R(int x) {}
            record R(int x, int y) {}
            var v = new R(1, 2);
            int g() { return missing; }
            int usesG() { return g(); }
            int missing = 4;
            System.out.println("out");
            if (a > 0) { System.out.println("if"); }
            import java.util.concurrent.*;
            double a = 2.5;
            /drop a
            /drop f
            /drop C
            /drop R
            1 / 0
            Object o = new Object() { public String toString() { return "anon"; } };
            int[] arr = {1, 2};
            arr[0] = 5
            """;

    @Test
    void feedbackOfEveryCommonKindOfSnippetIsWhatJshellPrintsInEachMode(@TempDir Path home) throws Exception {
        Path jshell = jdk17Jshell();
        for (String mode : List.of("verbose", "normal", "concise", "silent")) {
            String input = KINDS.formatted(mode);
            String theirs = comparable(runJshell(jshell, home, input));
            String ours = comparable(ParshellProcess.runShell(input, "--workers", "0").output());
            assertTrue(theirs.contains("|  Exception java.lang.ArithmeticException: / by zero"), "jshell printed:\n" + theirs);
            if (!mode.equals("silent")) {
                assertTrue(theirs.contains("|    update replaced variable v which cannot be referenced"), "jshell printed:\n" + theirs);
            }
            assertEquals(theirs, ours, mode);
        }
    }

    /** {@code /reload} replays what was typed, {@code /drop} included, as jshell's history does; {@code -restore} what came before the last reset. */
    private static final String RELOAD = """
            /set feedback normal
            /reload -restore
            int a = 1;
            int b = 2;
            /drop a
            b = 5
            b
            /!
            int bad = nope;
            /reload
            /vars
            /reset
            int c = 3;
            /reload -restore
            /vars
            /reload -restore -quiet
            /vars
            /reload -quiet
            /vars
            """;

    @Test
    void reloadReplaysTheTypedHistoryAsJshellDoes(@TempDir Path home) throws Exception {
        Path jshell = jdk17Jshell();
        String theirs = comparable(runJshell(jshell, home, RELOAD));
        String ours = comparable(ParshellProcess.runShell(RELOAD, "--workers", "0").output());
        assertTrue(theirs.contains("-: /drop a") && theirs.contains("|    int c = 3") && theirs.contains("|  No previous history to restore"),
                "jshell printed:\n" + theirs);
        assertEquals(theirs, ours);
    }

    /** Help that is jshell's own, subjects, {@code /set} subcommands and prefixes matching several commands included. */
    private static final String HELP = """
            System.out.println("--vars--");
            /help /list
            /help list
            /? /drop
            /help /v
            /help /methods
            /help types
            /help /imports
            /help /help
            /help /?
            /help /set feedback
            /help set truncation
            /help /set ed
            /help /set f
            /help /set nosuch
            /help fe
            /help /!
            /help /-<n>
            /help /<id>
            /help rerun
            /help intro
            /help i
            /help keys
            /help shortcuts
            /help context
            /help ntro
            System.out.println("--end--");
            """;
    /** Commands parshell extends: jshell's text comes first, then parshell's note. */
    private static final List<String> EXTENDED = List.of("/save", "/open", "/env", "/reset", "/reload", "/exit", "/set", "/history");

    @Test
    void helpOfEveryJshellCommandAndSubjectIsWhatJshellPrints(@TempDir Path home) throws Exception {
        Path jshell = jdk17Jshell();

        String theirs = section(withoutPrompts(runJshell(jshell, home, HELP)));
        ParshellProcess.Result r = ParshellProcess.runShell(HELP, "--workers", "0");
        String ours = section(r.output()).replaceAll("\\n\\|  \\(at <stdin>:\\d+\\)", "");

        assertTrue(theirs.contains("/set truncation") && theirs.contains("Ambiguous sub-command argument to '/set': f")
                && theirs.contains("Reevaluate the n-th most recently entered snippet."), "jshell printed:\n" + theirs);
        assertEquals(theirs, ours);

        for (String command : EXTENDED) {
            String input = "System.out.println(\"--vars--\");\n/help " + command + "\nSystem.out.println(\"--end--\");\n";
            String jshellText = section(withoutPrompts(runJshell(jshell, home, input)));
            String parshellText = section(ParshellProcess.runShell(input, "--workers", "0").output());
            assertTrue(parshellText.startsWith(jshellText + "\n|\n|  In parshell:"),
                    "/help " + command + " is jshell's text, then parshell's note:\n" + parshellText + "\n--- jshell:\n" + jshellText);
        }
    }

    /** The JDK's own jshell, beside the java running the test. */
    private static Path jshell() {
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        RequiredTool.require(Files.isExecutable(jshell), "the JDK's jshell is needed at " + jshell);
        return jshell;
    }

    /**
     * JDK 17's jshell, the reference for commands, help and feedback: later ones echo piped input
     * differently and /reload replays every re-run (/!, /N) as typed history rather than the snippets it made.
     */
    private static Path jdk17Jshell() {
        assumeTrue(Runtime.version().feature() == 17, "compared with JDK 17's jshell only");
        return jshell();
    }

    /** jshell's prompts at the start of lines (its help has {@code jshell> } inside lines, as examples). */
    private static String withoutPrompts(String output) {
        return output.replaceAll("(?m)^(jshell> )+", "");
    }

    /**
     * The lines a person reads: without prompts ({@code jshell> }, silent mode's {@code -> }), the
     * blank lines normal mode puts before a prompt, and parshell's {@code (at <stdin>:N)} that says
     * where in a script a command failed.
     */
    private static String comparable(String output) {
        List<String> lines = new ArrayList<>();
        for (String line : output.replace("jshell> ", "").replace("-> ", "").replace("\b", "").split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("|  (at <stdin>:") && !l.startsWith("INFO: ") && !l.contains("java.util.prefs")) {
                lines.add(l);
            }
        }
        return String.join("\n", lines);
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
