package org.parshell.protocol.message;

import org.parshell.protocol.ParshellVersion;

/** Worker to shell after a good proof: who the worker is, and which parshell build it runs (since protocol version 2). */
public record Welcome(String host, long pid, int threads, String jdk, String parshell) implements Message {
    /** A welcome from a worker of this very build. */
    public Welcome(String host, long pid, int threads, String jdk) {
        this(host, pid, threads, jdk, ParshellVersion.CURRENT);
    }
}
