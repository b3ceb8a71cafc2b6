package org.parshell.protocol.message;

/** Shell to worker, first frame: the protocol version the shell speaks and its fresh nonce. */
public record Hello(int version, byte[] shellNonce) implements Message {
}
