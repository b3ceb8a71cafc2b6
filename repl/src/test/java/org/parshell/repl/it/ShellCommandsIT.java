package org.parshell.repl.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jshell's commands in parshell, and scripts that fail saying where, driven through a pipe. */
class ShellCommandsIT {

    private static void assertContains(String output, String... expected) {
        for (String e : expected) {
            assertTrue(output.contains(e), "expected '" + e + "' in:\n" + output);
        }
    }

    @Test
    void openRunsAFileAndAnErrorNamesItsFileAndTheLineInAMultiLineSnippet(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("lib.jsh");
        Files.writeString(script, """
                int twice(int x) { return 2 * x; }

                int broken(int x) {
                    int y = x + 1;
                    String s = y;
                    return 0;
                }
                int divide(int x) {
                    return 10 / x;
                }
                int a = 1; int b =
                    divide(0);
                """);
        ParshellProcess.Result r = ParshellProcess.runShell(
                "/open " + script + "\nSystem.out.println(\"TWICE \" + twice(21));\n/load " + script.resolveSibling("none.jsh") + "\n",
                "--workers", "0");
        assertEquals(1, r.exitCode(), r.output());
        assertContains(r.output(),
                "incompatible types: int cannot be converted to java.lang.String", "(at " + script + ":5)",
                "java.lang.ArithmeticException: / by zero", "(at " + script + ":12)",
                "TWICE 42", "for '/open' is not found");
    }

    @Test
    void saveWritesTheSnippetsAndOpenBringsThemBack(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("saved.jsh");
        ParshellProcess.Result first = ParshellProcess.runShell("""
                int k = 3;
                int plusK(int x) {
                    return x + k;
                }
                /save %s
                /save -history %s
                """.formatted(saved, dir.resolve("history.jsh")), "--workers", "0");
        assertEquals(0, first.exitCode(), first.output());
        assertEquals(List.of("int k = 3;", "int plusK(int x) {", "    return x + k;", "}"), Files.readAllLines(saved));
        assertTrue(Files.readString(dir.resolve("history.jsh")).contains("/save " + saved), Files.readString(dir.resolve("history.jsh")));

        ParshellProcess.Result second = ParshellProcess.runShell("/open " + saved + "\n/pmap plusK 1..3\n", "--workers", "2");
        assertEquals(0, second.exitCode(), second.output());
        assertContains(second.output(), "==> [4, 5, 6]");
    }

    @Test
    void dropTypesImportsHistoryTimeHelpAndUnknownCommands() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                int squared(int x) { return x * x; }
                record Point(int x, int y) {}
                /drop squared
                /methods
                /types
                /imports
                /time
                /pmap Math::abs -1..1
                /time 1 + 1
                /lsit
                /help
                /history
                """, "--workers", "2");
        assertEquals(1, r.exitCode(), "the unknown command fails: " + r.output());
        String out = r.output();
        assertContains(out, "|  dropped method squared(int)", "|    record Point", "|    import java.util.*",
                "|    import static org.parshell.repl.api.Parallel.*", "|  No such command: /lsit (did you mean /list?)");
        assertTrue(!out.contains("|    int squared(int)"), "dropped methods are gone from /methods:\n" + out);
        assertTrue(out.matches("(?s).*\\|  Elapsed: \\d+\\.\\d{3} s.*\\|  Elapsed: \\d+\\.\\d{3} s.*"), "both maps are timed:\n" + out);
        for (String command : List.of("/list", "/vars", "/methods", "/types", "/imports", "/drop", "/edit", "/open", "/load",
                "/save", "/history", "/time", "/pmap", "/workers", "/reset", "/help", "/exit")) {
            assertTrue(out.contains("|    " + command), "/help lists " + command + ":\n" + out);
        }
        assertContains(out, "\nint squared(int x) { return x * x; }\nrecord Point(int x, int y) {}\n/drop squared\n");
    }

    /** {@code /help /} matches every command: each has a help text, parshell's own in jshell's style. */
    @Test
    void everyCommandHasHelpParshellsOwnInJshellsStyle() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("/help /\n", "--workers", "0");
        assertEquals(0, r.exitCode(), r.output());
        for (String command : List.of("/list", "/edit", "/drop", "/save", "/open", "/load", "/vars", "/methods", "/types", "/imports",
                "/exit", "/pmap", "/check", "/env", "/workers", "/reset", "/reload", "/set", "/history", "/time", "/help", "/?",
                "/attach", "/detach", "/!", "/<id>", "/-<n>")) {
            String centred = " ".repeat((72 + command.length()) / 2 - command.length()) + command;
            assertContains(r.output(), "\n|  " + centred + "\n|  " + centred.replace(command, "=".repeat(command.length())) + "\n");
        }
        assertContains(r.output(), "|  /pmap <function> <from>..<to>\n|  \tApply the method or function variable named <function>");
        assertTrue(!r.output().contains("Error"), r.output());
    }

    /** One rule for what /pmap applies: a method callable with one argument, a varargs one included. */
    @Test
    void pmapAppliesAMethodCallableWithOneArgumentVarargsIncluded() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                int sum(int... xs) { return java.util.Arrays.stream(xs).sum() * 10; }
                int first(int a, int... rest) { return a + rest.length; }
                int two(int a, int b, int... rest) { return a + b; }
                /pmap sum 1..3
                /pmap first 1..3
                /pmap two 1..3
                """, "--workers", "1");
        assertContains(r.output(), "==> [10, 20, 30]", "==> [1, 2, 3]", "|  /pmap: no method with one parameter, and no variable, is named two");
        assertEquals(1, r.exitCode(), r.output());
    }

    /** Every command that takes a file name says what is wrong with one the file system refuses, and the session goes on. */
    @Test
    void aPathWithANulCharacterGetsAClearErrorFromEveryCommandThatTakesOne() throws Exception {
        List<String> commands = List.of("/open", "/load", "/save", "/save -all", "/save -values", "/set start", "/env --class-path");
        StringBuilder input = new StringBuilder("int kept = 7;\n");
        commands.forEach(c -> input.append(c).append(" /tmp/a\0b\n"));
        input.append("System.out.println(\"KEPT \" + kept);\n");
        ParshellProcess.Result r = ParshellProcess.runShell(input.toString(), "--workers", "0");
        for (String command : commands) {
            // /load is /open, and says so as jshell's /open does
            String name = command.startsWith("/set") ? "/set start" : command.equals("/load") ? "/open" : command.split(" ")[0];
            assertContains(r.output(), "|  File '/tmp/a\\0b' for '" + name + "' is not a valid path: Nul character not allowed");
        }
        assertTrue(!r.output().contains("InvalidPathException"), r.output());
        assertContains(r.output(), "KEPT 7");
        assertEquals(1, r.exitCode(), r.output());
    }

    @Test
    void editRunsTheEditorAndEvaluatesWhatChanged(@TempDir Path dir) throws Exception {
        Path editor = dir.resolve("editor.sh");
        Files.writeString(editor, "#!/bin/sh\nsed -i 's/x \\* x/x * x * x/' \"$1\"\n");
        Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwx------"));
        try (ParshellProcess p = ParshellProcess.start(Map.of("EDITOR", editor.toString(), "VISUAL", ""), "parshell", "--workers", "0")) {
            p.write("""
                    int f(int x) { return x * x; }
                    int unchanged = 5;
                    /edit f
                    System.out.println("F " + f(3));
                    /list
                    """);
            p.closeInput();
            ParshellProcess.Result r = p.await(120);
            assertEquals(0, r.exitCode(), r.output());
            assertContains(r.output(), "F 27", "int f(int x) { return x * x * x; }");
        }
    }
}
