package org.parshell.protocol.message;

/** One class as the shell's compiler produced it: binary name and class-file bytes. */
public record ClassDefinition(String name, byte[] bytes) {
}
