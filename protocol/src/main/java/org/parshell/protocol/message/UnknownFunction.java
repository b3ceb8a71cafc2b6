package org.parshell.protocol.message;

/**
 * Worker to shell: the {@link RunKnownJob} {@code jobId} named a function this worker does not hold; nothing of
 * the job ran and the worker keeps nothing of it. The shell sends the job again with the function's payload.
 */
public record UnknownFunction(long jobId) implements Message {
}
