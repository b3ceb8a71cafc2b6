package org.parshell.repl.pool;

import org.parshell.repl.ssh.SshTarget;

/** A worker's name as {@code /workers} shows it, from what the user typed: {@code ssh://...} or {@code HOST[:PORT]}. */
public final class WorkerAddress {
    private WorkerAddress() {
    }

    public static String normalize(String typed) {
        return SshTarget.isSsh(typed) ? SshTarget.parse(typed).toString() : HostPort.parse(typed).toString();
    }
}
