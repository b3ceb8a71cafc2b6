package org.parshell.repl.api;

import org.parshell.protocol.message.RemoteFailure;

/**
 * The function threw on a worker. Carries the worker's exception as data: its type, message and
 * stack trace (with snippet classes shown as the snippets they came from), and which worker.
 */
public final class RemoteTaskException extends RuntimeException {
    private final String remoteType;
    private final String worker;

    public RemoteTaskException(RemoteFailure failure, String worker, StackTraceElement[] trace) {
        super(failure.type() + (failure.message() == null ? "" : ": " + failure.message()) + " (on worker " + worker + ")");
        this.remoteType = failure.type();
        this.worker = worker;
        setStackTrace(trace);
    }

    /** The class name of the exception the function threw. */
    public String remoteType() {
        return remoteType;
    }

    public String worker() {
        return worker;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
