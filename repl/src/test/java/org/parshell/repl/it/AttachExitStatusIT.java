package org.parshell.repl.it;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A script run whose --attach failed at start says so and exits non-zero, though every snippet ran. */
class AttachExitStatusIT {
    @Test
    void aFailedAttachMakesTheScriptRunFail() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ParshellProcess.Result r = ParshellProcess.runShell("System.out.println(\"RAN \" + (20 + 22));\n",
                "--workers", "0", "--attach", "127.0.0.1:" + closedPort);
        assertTrue(r.output().contains("RAN 42"), r.output());
        assertTrue(r.output().contains("Cannot attach 127.0.0.1:" + closedPort), r.output());
        assertEquals(1, r.exitCode(), r.output());
    }

    @Test
    void withoutAttachTheSameRunSucceeds() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("System.out.println(\"RAN \" + (20 + 22));\n", "--workers", "0");
        assertTrue(r.output().contains("RAN 42"), r.output());
        assertEquals(0, r.exitCode(), r.output());
    }
}
