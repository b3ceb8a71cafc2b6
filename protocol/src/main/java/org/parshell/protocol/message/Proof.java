package org.parshell.protocol.message;

/** Shell to worker: the shell's HMAC over both nonces. */
public record Proof(byte[] shellProof) implements Message {
}
