package org.parshell.protocol.message;

/** Shell to worker: apply the job's function to these encoded inputs. */
public record RunChunk(long jobId, int chunk, byte[] inputs) implements Message {
}
