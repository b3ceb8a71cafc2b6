package org.parshell.protocol.message;

/**
 * Shell to worker: a {@link RunJob} for a function the worker already holds, named by {@code functionHash}, the
 * SHA-256 (lowercase hex) of its encoded {@link org.parshell.protocol.payload.ShippedFunction}, instead of carrying
 * the payload again. The shell sends it only for a function that can run again as it is (one that reads no
 * variable and captures nothing) and that it sent this worker whole in the same generation. A worker that does not
 * hold it (restarted, or the function was evicted) runs nothing and answers {@link UnknownFunction}; the shell then
 * sends the job again as a {@link RunJob}.
 */
public record RunKnownJob(long jobId, int generation, String functionHash, byte[] inputs) implements Message {
    /** Characters of a SHA-256 in hex. */
    public static final int HASH_CHARS = 64;

    public RunChunk chunk() {
        return new RunChunk(jobId, RunJob.CHUNK, inputs);
    }
}
