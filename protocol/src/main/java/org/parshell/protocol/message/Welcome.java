package org.parshell.protocol.message;

/** Worker to shell after a good proof: who the worker is. */
public record Welcome(String host, long pid, int threads, String jdk) implements Message {
}
