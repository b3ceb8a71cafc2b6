package org.parshell.protocol.message;

/** Worker to shell: the function threw (or the chunk could not be decoded). */
public record ChunkFailed(long jobId, int chunk, RemoteFailure failure) implements Message {
}
