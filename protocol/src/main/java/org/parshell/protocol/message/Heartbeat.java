package org.parshell.protocol.message;

/** Either side: proof of life; the worker echoes the shell's. */
public record Heartbeat(long sentNanos) implements Message {
}
