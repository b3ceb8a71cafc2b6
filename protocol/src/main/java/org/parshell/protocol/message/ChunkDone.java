package org.parshell.protocol.message;

/** Worker to shell: the encoded results of one chunk, in input order. */
public record ChunkDone(long jobId, int chunk, byte[] results) implements Message {
}
