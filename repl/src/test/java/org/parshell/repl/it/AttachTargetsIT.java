package org.parshell.repl.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Which workers may join: every address of a name, and none whose JDK cannot load the shell's classes. */
class AttachTargetsIT {
    private static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    @TempDir
    Path dir;

    @Test
    void aNameWithTwoAddressesAttachesADaemonAtEach() throws Exception {
        Path secret = dir.resolve("secret");
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, "127.0.0.1 workers.test\n127.0.0.2 workers.test\n");
        try (WorkerDaemon first = WorkerDaemon.startWith(java.util.List.of(), "127.0.0.2", secret);
             WorkerDaemon second = WorkerDaemon.startOn(Map.of(), "127.0.0.1", first.port(), secret)) {
            ParshellProcess.Result r;
            try (ParshellProcess p = ParshellProcess.start(Map.of("JDK_JAVA_OPTIONS", "-Djdk.net.hosts.file=" + hosts),
                    "parshell", "--workers", "0", "--secret-file", secret.toString())) {
                p.write("""
                        /attach dns://workers.test:%d
                        System.out.println("PIDS " + new TreeSet<>(pmap(x -> ProcessHandle.current().pid(), rangeClosed(1, 200))));
                        """.formatted(first.port()));
                p.closeInput();
                r = p.await(120);
            }
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("|  Attached 127.0.0.1:" + first.port()), r.output());
            assertTrue(r.output().contains("|  Attached 127.0.0.2:" + first.port()), r.output());
            assertTrue(r.output().contains(WorkerDaemon.pidsLine(first, second)), "both daemons worked: " + r.output());
        }
    }

    @Test
    void aWorkerOfAnotherParshellVersionIsRefusedNamingBoth() throws Exception {
        Path secret = dir.resolve("secret");
        Path override = dir.resolve("other-version/org/parshell/protocol/parshell-version.properties");
        Files.createDirectories(override.getParent());
        Files.writeString(override, "version=9.9.9-test\n"); // first on the class path, so this worker says it runs 9.9.9-test
        try (WorkerDaemon other = WorkerDaemon.startWithFirstOnClassPath(dir.resolve("other-version"), secret)) {
            ParshellProcess.Result r = ParshellProcess.runShell("/attach " + other.address() + "\n/workers\n",
                    "--workers", "0", "--secret-file", secret.toString());
            assertTrue(r.output().contains("|  Cannot attach " + other.address() + ": the worker runs parshell 9.9.9-test"
                    + " and this shell parshell 0.1.0-SNAPSHOT; run the same version on both"), r.output());
            assertTrue(r.output().contains("|  No workers."), "it did not join: " + r.output());
        }
    }

    @Test
    void aWorkerOnAnOlderJdkThanTheShellsIsRefusedNamingBothVersions() throws Exception {
        assumeTrue(Files.isExecutable(JDK_25.resolve("bin/java")), "needs a JDK newer than the worker's 17 for the shell");
        Path secret = dir.resolve("secret");
        try (WorkerDaemon old = WorkerDaemon.start(secret)) {
            ParshellProcess.Result r;
            try (ParshellProcess p = ParshellProcess.start(Map.of("JAVA_HOME", JDK_25.toString()),
                    "parshell", "--workers", "0", "--secret-file", secret.toString())) {
                p.write("/attach " + old.address() + "\n/workers\n");
                p.closeInput();
                r = p.await(120);
            }
            String jdk = System.getProperty("java.version");
            assertTrue(r.output().contains("|  Cannot attach " + old.address() + ": the worker runs JDK " + jdk
                    + " (class files up to version 61), which cannot load the classes this shell compiles with JDK 25"), r.output());
            assertTrue(r.output().contains("(class-file version 69)"), r.output());
            assertTrue(r.output().contains("|  No workers."), "it did not join: " + r.output());
            assertFalse(r.output().contains(" ready"), r.output());
        }
    }
}
