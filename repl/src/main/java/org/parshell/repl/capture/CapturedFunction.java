package org.parshell.repl.capture;

import org.parshell.protocol.bundle.CodeBundle;

import java.util.List;

/** A function ready to travel: the classes it needs, its encoded {@code ShippedFunction}, and the class-path jars. */
public record CapturedFunction(int generation, CodeBundle bundle, byte[] payload, List<ClassPath.Jar> jars) {
}
