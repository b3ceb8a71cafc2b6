package org.parshell.protocol.message;

/**
 * Shell to worker: a map is starting. {@code function} is the encoded
 * {@link org.parshell.protocol.payload.ShippedFunction}, decoded once per job in the loader of
 * {@code generation} after the bundle {@code bundleHash} is defined there.
 */
public record StartJob(long jobId, int generation, String bundleHash, byte[] function) implements Message {
}
