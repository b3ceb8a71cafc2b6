package org.parshell.repl.pool;

/** A map ran longer than the timeout it was given; it has been cancelled on every worker. */
public final class MapTimeoutException extends WorkerException {
    public MapTimeoutException(String message) {
        super(message);
    }
}
