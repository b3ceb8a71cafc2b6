package org.parshell.repl.api;

import org.parshell.protocol.message.RemoteFailure;
import org.parshell.repl.capture.SnippetNames;

/**
 * The function threw on a worker (or, with {@code --sequential}, in the shell). Carries the
 * exception as data: its type (a class declared at the prompt shown by its own name), message,
 * stack trace and cause, and which worker.
 */
public final class RemoteTaskException extends RuntimeException {
    private final String remoteType;
    private final String worker;

    public RemoteTaskException(RemoteFailure failure, String worker, StackTraceElement[] trace) {
        this(failure, worker, trace, null);
    }

    public RemoteTaskException(RemoteFailure failure, String worker, StackTraceElement[] trace, RemoteTaskException cause) {
        super(SnippetNames.display(failure.type()) + (failure.message() == null ? "" : ": " + failure.message())
                + (worker == null ? "" : " (on worker " + worker + ")"), cause);
        this.remoteType = failure.type();
        this.worker = worker;
        setStackTrace(trace);
    }

    /** The class name of the exception the function threw. */
    public String remoteType() {
        return remoteType;
    }

    /** The worker it was thrown on, or null if it was thrown in the shell. */
    public String worker() {
        return worker;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
