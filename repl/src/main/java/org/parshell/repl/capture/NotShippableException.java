package org.parshell.repl.capture;

/** A value that cannot travel to a worker, with the path from the root to the offending part. */
public final class NotShippableException extends RuntimeException {
    public NotShippableException(String message) {
        super(message);
    }
}
