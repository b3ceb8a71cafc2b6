package org.parshell.protocol.message;

import java.util.List;

/**
 * Shell to worker: the classes of {@code generation} also see these jars (sent before with
 * {@link DefineJar}), in this order. Sent before a job's {@link StartJob} when the list changed.
 */
public record UseJars(int generation, List<String> hashes) implements Message {
}
