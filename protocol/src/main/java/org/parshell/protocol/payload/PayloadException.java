package org.parshell.protocol.payload;

/** A value that could not be turned into bytes, or bytes that did not make a value. */
public class PayloadException extends RuntimeException {
    public PayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
