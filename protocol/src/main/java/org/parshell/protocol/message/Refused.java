package org.parshell.protocol.message;

/** Either side, before closing: why the connection cannot go on (version, secret, state). */
public record Refused(String reason) implements Message {
}
