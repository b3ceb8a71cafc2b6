package org.parshell.repl.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Secret files as people make them, with the real daemon and the real shell. */
class SecretFilesIT {
    @TempDir
    Path dir;

    @Test
    void aSecretFileOthersCanReadIsRefusedOnBothSides() throws Exception {
        Path open = secretFile("open", hex(), "rw-r--r--");
        ParshellProcess.Result daemon = runDaemon(open);
        assertNotEquals(0, daemon.exitCode(), daemon.output());
        assertTrue(daemon.output().contains("chmod 600 " + open), daemon.output());

        Path good = dir.resolve("good");
        try (WorkerDaemon worker = WorkerDaemon.start(good)) {
            Files.copy(good, open, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
            ParshellProcess.Result shell = ParshellProcess.runShell("/workers\n",
                    "--workers", "0", "--attach", worker.address(), "--secret-file", open.toString());
            assertTrue(shell.output().contains("chmod 600 " + open), shell.output());
            assertTrue(shell.output().contains("No workers"), shell.output());
        }
    }

    @Test
    void aSecretFileOfAnotherUserIsRefusedOnBothSides() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a file away");
        Path theirs = secretFile("theirs", hex(), "rw-------");
        Files.setOwner(theirs, theirs.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        ParshellProcess.Result daemon = runDaemon(theirs);
        assertNotEquals(0, daemon.exitCode(), daemon.output());
        assertTrue(daemon.output().contains("belongs to nobody"), daemon.output());

        Path good = dir.resolve("good");
        try (WorkerDaemon worker = WorkerDaemon.start(good)) {
            ParshellProcess.Result shell = ParshellProcess.runShell("/workers\n",
                    "--workers", "0", "--attach", worker.address(), "--secret-file", theirs.toString());
            assertTrue(shell.output().contains("belongs to nobody"), shell.output());
            assertTrue(shell.output().contains("No workers"), shell.output());
        }
    }

    @Test
    void aShortSecretIsRefusedWithTheCommandThatMakesAGoodOne() throws Exception {
        Path file = secretFile("short", "not-32-bytes", "rw-------");
        ParshellProcess.Result daemon = runDaemon(file);
        assertNotEquals(0, daemon.exitCode(), daemon.output());
        assertTrue(daemon.output().contains("openssl rand -hex 32 > " + file), daemon.output());
    }

    @Test
    void base64AndHexSecretsBothWork() throws Exception {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        for (String content : new String[]{Base64.getEncoder().encodeToString(random), hex()}) {
            Path file = secretFile("s" + content.length(), content + "\n", "rw-------");
            try (WorkerDaemon worker = WorkerDaemon.start(file)) {
                worker.assertServesAShell(file);
            }
        }
    }

    @Test
    void eachDaemonMayHaveASecretOfItsOwn() throws Exception {
        Path shared = secretFile("secret", hex(), "rw-------");
        Files.createDirectories(dir.resolve("secrets"));
        Path other = dir.resolve("other");
        try (WorkerDaemon first = WorkerDaemon.start(shared); WorkerDaemon second = WorkerDaemon.start(other)) {
            Path own = dir.resolve("secrets").resolve(second.address());
            Files.copy(other, own);
            ParshellProcess.Result r = ParshellProcess.runShell(
                    "System.out.println(\"PIDS \" + new TreeSet<>(pmap(x -> ProcessHandle.current().pid(), rangeClosed(1, 200))));\n",
                    "--workers", "0", "--attach", first.address(), "--attach", second.address(), "--secret-file", shared.toString());
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(r.output().contains("PIDS [" + Math.min(first.pid(), second.pid()) + ", "
                    + Math.max(first.pid(), second.pid()) + "]"), r.output());
        }
    }

    private ParshellProcess.Result runDaemon(Path secret) throws Exception {
        try (ParshellProcess p = ParshellProcess.start("parshell-worker", "--port", "0", "--secret-file", secret.toString())) {
            p.closeInput();
            return p.await(60);
        }
    }

    private Path secretFile(String name, String content, String mode) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private static String hex() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
