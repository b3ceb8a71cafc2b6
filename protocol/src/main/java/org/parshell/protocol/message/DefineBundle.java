package org.parshell.protocol.message;

import java.util.List;

/**
 * Shell to worker: the classes a function needs, sent once per worker and keyed by the hash of
 * their content. {@code generation} changes when the shell resets, so a worker never mixes the
 * classes of two generations (JShell reuses class names after a reset).
 */
public record DefineBundle(int generation, String hash, List<ClassDefinition> classes) implements Message {
}
