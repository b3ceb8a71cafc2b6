package org.parshell.repl.pool;

import org.parshell.protocol.bundle.CodeBundle;
import org.parshell.protocol.message.DefineJar;

import java.util.List;

/**
 * A function as the workers get it, in the protocol's terms: the generation whose loader defines its classes,
 * their bundle, the encoded {@link org.parshell.protocol.payload.ShippedFunction}, and the class-path jars it
 * may use (each sent to a worker once, by hash). {@code reusableHash} (the payload's SHA-256 in hex) only for a
 * function a worker keeps and can run again by that name ({@link org.parshell.protocol.message.RunKnownJob}), else null.
 */
public record FunctionCode(int generation, CodeBundle bundle, byte[] payload, List<DefineJar> jars, String reusableHash) {
}
