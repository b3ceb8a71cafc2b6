package org.parshell.protocol.message;

/** Shell to worker: the job is over; forget its function. */
public record EndJob(long jobId) implements Message {
}
