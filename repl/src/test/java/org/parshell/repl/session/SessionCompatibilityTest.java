package org.parshell.repl.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parshell.protocol.Sha256;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Before anything is declared: the JDK must be of the same feature release, and every jar there and unchanged. */
class SessionCompatibilityTest {
    @TempDir
    Path dir;

    @Test
    void anotherJdkAMissingJarAndAChangedJarAreRefused() throws Exception {
        Path jar = Files.write(dir.resolve("lib.jar"), new byte[]{'P', 'K', 3, 4});
        String hash = Sha256.hex(jar);
        Path file = dir.resolve("s.session");
        String jdk = Runtime.version().toString();

        assertDoesNotThrow(() -> SessionRestorer.checkCompatible(header(jdk, jar.toString(), hash), file));
        assertEquals(file + " was saved by JDK 11.0.2; this shell runs JDK " + Runtime.version()
                        + " (saved values of JDK classes need the same JDK)",
                refusal(header("11.0.2", jar.toString(), hash), file));
        assertEquals(file + " needs the jar " + dir.resolve("gone.jar") + ", which is missing",
                refusal(header(jdk, dir.resolve("gone.jar").toString(), hash), file));
        Files.write(jar, new byte[]{'P', 'K', 3, 5});
        assertEquals(file + " needs the jar " + jar + " as it was (SHA-256 " + hash + "), and it has changed since",
                refusal(header(jdk, jar.toString(), hash), file));
    }

    private static SessionHeader header(String jdk, String jar, String hash) {
        return new SessionHeader(jdk, List.of(new SavedJar(jar, hash)), List.of(), Map.of());
    }

    private static String refusal(SessionHeader header, Path file) {
        return assertThrows(SessionRefused.class, () -> SessionRestorer.checkCompatible(header, file)).getMessage();
    }
}
