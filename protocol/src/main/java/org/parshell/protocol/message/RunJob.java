package org.parshell.protocol.message;

/**
 * Shell to worker: a whole job in one message, for a map whose inputs fit in one chunk (a one-item map):
 * what {@link StartJob} and a {@link RunChunk} of chunk 0 say together, with no {@link EndJob} after it.
 * The worker answers with a {@link ChunkDone} or {@link ChunkFailed} of chunk 0 and then forgets the job;
 * a {@link CancelJob} stops it while it runs.
 */
public record RunJob(long jobId, int generation, String bundleHash, byte[] function, byte[] inputs) implements Message {
    public static final int CHUNK = 0;

    public StartJob start() {
        return new StartJob(jobId, generation, bundleHash, function);
    }

    public RunChunk chunk() {
        return new RunChunk(jobId, CHUNK, inputs);
    }
}
