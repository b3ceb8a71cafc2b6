package org.parshell.worker;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The arguments a shell gives its local workers are read without picocli; anything else is picocli's. */
class WorkerMainTest {

    @Test
    void theShellsArgumentsMakeALocalChild() {
        WorkerMain child = WorkerMain.localChild(new String[] {"--local", "--threads=3"});
        assertTrue(child.local);
        assertEquals(3, child.threads);
    }

    @Test
    void anythingElseIsLeftToPicocli() {
        for (String[] args : new String[][] {
                {}, {"--local"}, {"--local", "--threads=0"}, {"--local", "--threads=x"}, {"--threads=2", "--local"},
                {"--local", "--threads", "2"}, {"--local", "--threads=2", "--port=1"}, {"--stdio", "--threads=2"}}) {
            assertNull(WorkerMain.localChild(args), String.join(" ", args));
        }
    }
}
