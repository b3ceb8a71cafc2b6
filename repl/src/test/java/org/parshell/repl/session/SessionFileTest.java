package org.parshell.repl.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session file on disk: what is written reads back the same, and any damage is refused. */
class SessionFileTest {
    private static final PrimitiveArrays.Progress QUIET = bytes -> { };

    @TempDir
    Path dir;

    private final SessionHeader header = new SessionHeader(Runtime.version().toString(),
            List.of(new SavedJar("/lib/a.jar", "ab".repeat(32))),
            List.of(SessionEntry.of(SessionEntry.Kind.DECLARATION, "int sq(int x) { return x * x; }"),
                    new SessionEntry(SessionEntry.Kind.VALUE, "int[] a = new int[3];", "a", "int[]", "REPL.$JShell$12", ""),
                    new SessionEntry(SessionEntry.Kind.VALUE, "String s = \"é\";", "s", "String", "REPL.$JShell$13", ""),
                    new SessionEntry(SessionEntry.Kind.SOURCE, "Thread t = new Thread();", "t", "Thread", "", "a thread")),
            Map.of("REPL.$JShell$12", "f a"));

    @Test
    void whatIsWrittenReadsBackTheSame() throws Exception {
        Path file = write();
        assertTrue(SessionFormat.isSessionFile(file));
        assertEquals(header, SessionFileReader.verify(file, QUIET));
        try (SessionFileReader reader = SessionFileReader.open(file)) {
            assertArrayEquals(new int[]{1, 2, 3_000_000}, (int[]) reader.next(QUIET).array());
            assertArrayEquals(new byte[]{9, 8, 7}, reader.next(QUIET).encoded());
        }
    }

    @Test
    void aChangedByteAnywhereOrAMissingTailIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(write());
        for (int i = 0; i < bytes.length; i++) {
            byte[] damaged = bytes.clone();
            damaged[i] ^= 0x01;
            assertRefused(damaged, "", "byte " + i);
        }
        for (int length = 0; length < bytes.length; length++) {
            assertRefused(Arrays.copyOf(bytes, length), "", "cut at " + length);
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertRefused(longer, "checksum", "one byte more");
    }

    @Test
    void wrapperNamesAreRenamedInNamesDescriptorsAndRecipes() {
        Map<String, String> renames = Map.of("REPL.$JShell$7", "REPL.$JShell$31", "REPL.$JShell$7B", "REPL.$JShell$40");
        assertEquals("REPL.$JShell$31$P", WrapperKeys.rename("REPL.$JShell$7$P", renames));
        assertEquals("(LREPL/$JShell$40$P;)LREPL/$JShell$31;", WrapperKeys.rename("(LREPL/$JShell$7B$P;)LREPL/$JShell$7;", renames));
        assertEquals("[LREPL.$JShell$31$P;", WrapperKeys.rename("[LREPL.$JShell$7$P;", renames));
        assertEquals("REPL.$Unsaved$77", WrapperKeys.rename("REPL.$JShell$77", renames));
        assertEquals("java.util.List", WrapperKeys.rename("java.util.List", renames));
    }

    private Path write() throws Exception {
        Path file = dir.resolve("s.session");
        SessionFileWriter.write(file, header, List.of(new int[]{1, 2, 3_000_000}, new SessionSaver.Encoded(new byte[]{9, 8, 7})), QUIET);
        return file;
    }

    private void assertRefused(byte[] content, String reason, String what) throws Exception {
        Path bad = Files.write(dir.resolve("bad.session"), content);
        SessionRefused e = assertThrows(SessionRefused.class, () -> SessionFileReader.verify(bad, QUIET), what);
        assertTrue(e.getMessage().contains(reason), what + ": " + e.getMessage());
        assertTrue(e.getMessage().matches(".*(is damaged|is not a parshell session file|written in session format version).*"),
                what + ": " + e.getMessage());
    }
}
