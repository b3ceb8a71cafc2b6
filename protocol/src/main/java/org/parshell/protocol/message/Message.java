package org.parshell.protocol.message;

/**
 * Everything that crosses the wire between a shell and a worker. Each message is an immutable
 * record; {@link org.parshell.protocol.codec.MessageCodec} gives each a tag and a field layout.
 * <p>
 * Handshake (before authentication): {@link Hello}, {@link Challenge}, {@link Proof},
 * {@link Welcome} or {@link Refused}. After it: code, jobs, chunks and heartbeats.
 */
public sealed interface Message
        permits Hello, Challenge, Proof, Welcome, Refused,
                DefineBundle, StartJob, RunChunk, RunJob, RunKnownJob, UnknownFunction, ChunkDone, ChunkFailed, EndJob, CancelJob,
                Heartbeat, DefineJar, UseJars {
}
