package org.parshell.repl.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the launchers build the project again: when its sources' content differs from what the jars were built
 * from, not when a commit, a pull or a touch left the sources as they were (that rebuilt after every commit and
 * remade the class-data archives). Runs the real {@code scripts/launch.sh} with bash and git on a small
 * project of its own: a POM, a source, a jar, a README.
 */
class LauncherRebuildIT {
    @TempDir
    Path project;

    @BeforeEach
    void aBuiltCheckout() throws Exception {
        Files.createDirectories(project.resolve("scripts"));
        Files.copy(ParshellProcess.ROOT.resolve("scripts/launch.sh"), project.resolve("scripts/launch.sh"));
        write("pom.xml", "<project/>");
        write("repl/src/main/java/A.java", "class A { }");
        write("repl/src/test/java/ATest.java", "class ATest { }");
        write("README.md", "about");
        write("repl/target/parshell-repl-0.jar", "jar");
        Files.createDirectories(project.resolve("repl/target/lib"));
        run("git init -q && git config user.email t@t && git config user.name t && echo target/ > .gitignore"
                + " && git add -A && git commit -qm first");
        run("source scripts/launch.sh && mark=$(mktemp) && record_built \"$mark\" \"$(sources_fingerprint)\" \"$(checkout_tree)\" repl");
    }

    @Test
    void aFreshCloneBuildsOnFirstUse() throws Exception {
        Files.delete(project.resolve("repl/target/parshell-repl-0.jar"));
        assertEquals("first use", staleReason());
    }

    @Test
    void aJarWithoutARecordOfItsSourcesIsBuiltAgain() throws Exception {
        Files.delete(project.resolve("repl/target/.parshell-built-from"));
        assertEquals("no record of the sources it was built from", staleReason());
    }

    /** What `mvn package` or `mvn verify` does through the POMs: the launch after it builds nothing again. */
    @Test
    void aMavenBuildOfEveryModuleRecordsWhatItWasBuiltFrom() throws Exception {
        Files.delete(project.resolve("repl/target/.parshell-built-from"));
        run("source scripts/launch.sh && build_started");
        makeJars("protocol", "worker", "repl");
        run("source scripts/launch.sh && build_recorded");
        assertEquals("", staleReason());
    }

    @Test
    void aMavenBuildOfSomeModulesOnlyRecordsNothing() throws Exception {
        Files.delete(project.resolve("repl/target/.parshell-built-from"));
        makeJars("protocol", "worker");
        run("source scripts/launch.sh && build_started");
        makeJars("repl");
        run("source scripts/launch.sh && build_recorded");
        assertEquals("no record of the sources it was built from", staleReason());
    }

    /** A source edited while Maven built: the record is as old as what the build read, so the next launch looks again. */
    @Test
    void aSourceEditedDuringAMavenBuildIsBuiltAgain() throws Exception {
        run("source scripts/launch.sh && build_started");
        Thread.sleep(1100); // file times in whole seconds on some file systems
        write("repl/src/main/java/A.java", "class A { int edited; }");
        makeJars("protocol", "worker", "repl");
        run("source scripts/launch.sh && build_recorded");
        assertEquals("the sources changed since the last build", staleReason());
    }

    /**
     * What is piped to the shell is the shell's: a build (here a stand-in for mvn that reads its input, as
     * exec-maven-plugin passes it on to the program it runs) must not consume it before the shell starts.
     */
    @Test
    void aBuildLeavesWhatIsPipedToTheShellForTheShell() throws Exception {
        Files.delete(project.resolve("repl/target/.parshell-built-from"));
        write("bin/mvn", "#!/usr/bin/env bash\ncat > /dev/null\necho jar > repl/target/parshell-repl-0.jar\n");
        project.resolve("bin/mvn").toFile().setExecutable(true);
        // PARSHELL_NO_BUILD, which the test run sets for every launch, would skip the build
        String out = run("printf 'System.out.println(1);\\n' | (unset PARSHELL_NO_BUILD; export PATH=\"$PWD/bin:$PATH\"; source scripts/launch.sh"
                + " && build_if_stale repl 2>/dev/null && echo \"the shell reads: $(cat)\")");
        assertEquals("the shell reads: System.out.println(1);", out);
    }

    @Test
    void aCommitOrAPullThatChangedNoSourceRebuildsNothing() throws Exception {
        assertEquals("", staleReason());
        write("README.md", "more about");
        run("git commit -qam 'a README change'");
        assertEquals("", staleReason());
        run("git commit -q --allow-empty -m 'nothing at all'");
        assertEquals("", staleReason());
        write("repl/src/test/java/ATest.java", "class ATest { void more() { } }");
        assertEquals("", staleReason(), "tests are not in the jar");
    }

    @Test
    void aSourceTouchedButTheSameRebuildsNothing() throws Exception {
        Thread.sleep(20);
        FileTime touched = FileTime.from(Instant.now());
        Files.setLastModifiedTime(project.resolve("repl/src/main/java/A.java"), touched);
        assertEquals("", staleReason());
        FileTime renewed = Files.getLastModifiedTime(project.resolve("repl/target/.parshell-built-from"));
        assertTrue(renewed.compareTo(touched) > 0, "the record was renewed, so the next launch reads no content: " + renewed);
    }

    @Test
    void aChangedSourceOrPomRebuilds() throws Exception {
        write("repl/src/main/java/A.java", "class A { int x; }");
        assertEquals("the sources changed since the last build", staleReason());
        write("repl/src/main/java/A.java", "class A { }");
        assertEquals("", staleReason(), "back as it was built");
        write("pom.xml", "<project><!-- changed --></project>");
        assertEquals("the sources changed since the last build", staleReason());
    }

    @Test
    void aCheckoutThatLeftAChangedSourceWithAnOldTimeRebuilds() throws Exception {
        write("repl/src/main/java/A.java", "class A { int y; }");
        Files.setLastModifiedTime(project.resolve("repl/src/main/java/A.java"), FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        run("git commit -qam 'a change whose file time is older than the build'");
        assertEquals("the sources changed since the last build", staleReason());
    }

    private String staleReason() throws Exception {
        return run("source scripts/launch.sh && stale_reason repl");
    }

    /** Each module's jar, made now (after a second, so that its file time is later than anything before). */
    private void makeJars(String... modules) throws Exception {
        Thread.sleep(1100);
        for (String module : modules) {
            write(module + "/target/parshell-" + module + "-0.jar", "jar");
        }
    }

    private void write(String path, String content) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private String run(String script) throws Exception {
        Process p = new ProcessBuilder(List.of("bash", "-c", "set -euo pipefail; " + script)).directory(project.toFile())
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("`" + script + "` failed: " + out);
        }
        return out;
    }
}
