package org.parshell.repl.pool;

/** A worker could not be reached, refused us, or went away. */
public class WorkerException extends RuntimeException {
    public WorkerException(String message) {
        super(message);
    }

    public WorkerException(String message, Throwable cause) {
        super(message, cause);
    }
}
