package org.parshell.protocol.message;

/**
 * Shell to worker: a jar the shell's class path has (added with {@code /env --class-path}), named by
 * the SHA-256 of its bytes; sent once per worker, whatever the generation.
 */
public record DefineJar(String hash, String name, byte[] bytes) implements Message {
}
