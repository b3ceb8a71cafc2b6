package org.parshell.repl.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No JVM warning reaches the user on any JDK the launcher runs on: the JDK running the tests, and
 * JDK 25 when it is installed (there Netty's sun.misc.Unsafe use and JLine's native library would
 * warn), both reading a pipe and at a terminal.
 */
class JvmWarningsIT {
    private static final Path JDK_25 = Path.of(System.getenv().getOrDefault("PARSHELL_JDK25", "/usr/lib/jvm/temurin-25-jdk-amd64"));

    static List<Path> jdks() {
        List<Path> homes = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        if (Files.isExecutable(JDK_25.resolve("bin/java")) && !homes.contains(JDK_25)) {
            homes.add(JDK_25);
        }
        return homes;
    }

    @Test
    void aPipedRunPrintsOnlyItsResults() throws Exception {
        for (Path jdk : jdks()) {
            try (ParshellProcess p = ParshellProcess.start(Map.of("JAVA_HOME", jdk.toString(), "PARSHELL_NO_BUILD", "1"),
                    "parshell", "--workers", "1")) {
                p.write("System.out.println(\"RESULT \" + pmap(x -> x * 2, rangeClosed(1, 3)));\n");
                p.closeInput();
                ParshellProcess.Result r = p.await(120);
                assertEquals(0, r.exitCode(), jdk + ":\n" + r.output());
                assertEquals("RESULT [2, 4, 6]", r.output().strip(), "on " + jdk + " nothing but the result is printed");
            }
        }
    }

    @Test
    void theTerminalShowsNoWarning(@org.junit.jupiter.api.io.TempDir Path home) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TmuxSession.available(), "tmux is needed");
        for (Path jdk : jdks()) {
            // if the shell ends early, the pane says how, instead of closing
            try (TmuxSession t = TmuxSession.start("env HOME=" + home + " JAVA_HOME=" + jdk + " PARSHELL_NO_BUILD=1 "
                    + ParshellProcess.ROOT.resolve("scripts/parshell") + " --workers 1; echo \"parshell ended: $?\"; sleep 60")) {
                t.awaitPrompts(1, 120);
                t.typeLine("System.out.println(\"RESULT \" + pmap(x -> x * 2, rangeClosed(1, 3)))");
                t.awaitScreen("RESULT [2, 4, 6]", 120);
                assertFalse(t.screen().contains("WARNING"), "on " + jdk + ":\n" + t.screen());
                assertTrue(t.screen().startsWith("parshell> "), "the prompt is the first thing shown on " + jdk + ":\n" + t.screen());
                t.typeLine("/exit");
            }
        }
    }
}
