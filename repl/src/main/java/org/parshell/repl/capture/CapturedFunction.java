package org.parshell.repl.capture;

import org.parshell.protocol.bundle.CodeBundle;

/** A function ready to travel: the classes it needs and its encoded {@code ShippedFunction}. */
public record CapturedFunction(int generation, CodeBundle bundle, byte[] payload) {
}
