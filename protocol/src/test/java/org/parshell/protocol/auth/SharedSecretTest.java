package org.parshell.protocol.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Base64;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Secret files as people make them, and as they should not leave them. */
class SharedSecretTest {
    @TempDir
    Path dir;

    @Test
    void aCreatedSecretIsReadBackTheSame() throws IOException {
        Path file = dir.resolve("sub/secret");
        SharedSecret created = SharedSecret.readOrCreate(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(created, SharedSecret.read(file));
        assertEquals(created, SharedSecret.readOrCreate(file));
    }

    @Test
    void hexBase64AndRandomTextOfThirtyTwoBytesAreSecrets() throws IOException {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        SharedSecret hex = SharedSecret.read(file("hex", HexFormat.of().formatHex(random) + "\n"));
        SharedSecret base64 = SharedSecret.read(file("base64", Base64.getEncoder().encodeToString(random) + "\n"));
        SharedSecret text = SharedSecret.read(file("text", "  correct horse battery staple, twice over  \n"));
        assertNotEquals(hex, base64);
        assertNotEquals(base64, text);
        assertEquals(text, SharedSecret.read(file("same", "correct horse battery staple, twice over")),
                "surrounding white space is not part of the secret");
    }

    @Test
    void aShortSecretIsRefusedWithTheCommandThatMakesAGoodOne() throws IOException {
        Path file = file("short", "0123456789abcdef0123456789abcde\n"); // 31 bytes
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SharedSecret.read(file));
        assertTrue(e.getMessage().contains("has 31 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("openssl rand -hex 32 > " + file + " && chmod 600 " + file), e.getMessage());
    }

    @Test
    void aFileOthersCanReadIsRefusedWithTheChmodToType() throws IOException {
        Path file = file("open", "x".repeat(40));
        for (String mode : new String[]{"rw-r--r--", "rw-r-----", "rw----r--", "rw--w----"}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SharedSecret.read(file), mode);
            assertTrue(e.getMessage().contains("chmod 600 " + file), e.getMessage());
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        SharedSecret.read(file);
    }

    @Test
    void aFileOfAnotherOwnerIsRefused() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a file away");
        Path file = file("theirs", "x".repeat(40));
        UserPrincipal nobody = file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(file, nobody);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SharedSecret.read(file));
        assertTrue(e.getMessage().contains("belongs to nobody"), e.getMessage());
    }

    private Path file(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.ISO_8859_1);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
