package org.parshell.repl.ssh;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SshTargetTest {
    @Test
    void userHostPortAndJava() {
        SshTarget t = SshTarget.parse("ssh://alice@node-7:2222?java=/opt/jdk-21/bin/java");
        assertEquals("alice", t.user());
        assertEquals("node-7", t.host());
        assertEquals(2222, t.port());
        assertEquals("/opt/jdk-21/bin/java", t.java());
        assertEquals("ssh://alice@node-7:2222", t.toString());
        assertEquals("alice@node-7", t.destination());
    }

    @Test
    void justAHostLeavesTheRestToSshConfig() {
        SshTarget t = SshTarget.parse("ssh://node-7");
        assertNull(t.user());
        assertEquals(0, t.port());
        assertNull(t.java());
        assertEquals("ssh://node-7", t.toString());
        assertEquals("node-7", t.destination());
    }

    @Test
    void anIpv6Host() {
        assertEquals("::1", SshTarget.parse("ssh://[::1]:22").host());
        assertEquals("ssh://[::1]:22", SshTarget.parse("ssh://[::1]:22").toString());
    }

    @Test
    void whatCouldReachTheRemoteShellUnquotedIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SshTarget.parse("ssh://h?java=java;rm%20-rf%20x"));
        assertThrows(IllegalArgumentException.class, () -> SshTarget.parse("ssh://h?jvm=x"));
        assertThrows(IllegalArgumentException.class, () -> SshTarget.parse("ssh://h/some/path"));
        assertThrows(IllegalArgumentException.class, () -> SshTarget.parse("ssh://"));
        assertTrue(SshTarget.isSsh(" ssh://h"));
    }

    @Test
    void sshsOwnWordsAreQuotedOnOneLine() {
        assertEquals("ssh: Host key verification failed.", SshCommand.failure(255, "Host key verification failed.\n"));
        assertEquals("ssh: connect to host h port 1: Connection refused", SshCommand.failure(255, "ssh: connect to host h port 1: Connection refused"));
        assertEquals("ssh exited with status 255", SshCommand.failure(255, ""));
    }
}
