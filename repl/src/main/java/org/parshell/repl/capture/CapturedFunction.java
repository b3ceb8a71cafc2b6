package org.parshell.repl.capture;

import org.parshell.protocol.bundle.CodeBundle;

import java.util.List;

/**
 * A function ready to travel: the classes it needs, its encoded {@code ShippedFunction}, and the class-path jars.
 * {@code reusableHash}, the SHA-256 of the payload in hex, is there only for a lambda that captures nothing and
 * reads no top-level variable, which a worker keeps and can run again by that name; otherwise null.
 */
public record CapturedFunction(int generation, CodeBundle bundle, byte[] payload, List<ClassPath.Jar> jars, String reusableHash) {
}
