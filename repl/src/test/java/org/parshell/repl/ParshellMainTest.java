package org.parshell.repl;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commonest command lines are read without picocli, with the meaning picocli gives them; the rest are picocli's. */
class ParshellMainTest {

    @Test
    void noArgumentsIsTheDefaultSession() {
        ParshellMain main = ParshellMain.plain(new String[0]);
        assertEquals(Runtime.getRuntime().availableProcessors(), main.workers);
        assertTrue(main.files.isEmpty() && main.attach.isEmpty() && !main.interactive && !main.sequential);
    }

    @Test
    void onlyWorkersSetsTheirNumber() {
        assertEquals(3, ParshellMain.plain(new String[] {"--workers", "3"}).workers);
        assertEquals(0, ParshellMain.plain(new String[] {"--workers", "0"}).workers);
    }

    @Test
    void anythingElseIsLeftToPicocli() {
        for (String[] args : new String[][] {
                {"--workers"}, {"--workers", "-1"}, {"--workers", "x"}, {"--workers=2"}, {"f.jsh"},
                {"--workers", "2", "f.jsh"}, {"-i"}, {"--help"}, {"--version"}, {"--sequential"}}) {
            assertNull(ParshellMain.plain(args), String.join(" ", args));
        }
    }
}
