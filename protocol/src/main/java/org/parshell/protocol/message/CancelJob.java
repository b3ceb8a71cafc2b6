package org.parshell.protocol.message;

/** Shell to worker: stop the job's running chunks (interrupt them) and drop its queued ones. */
public record CancelJob(long jobId) implements Message {
}
