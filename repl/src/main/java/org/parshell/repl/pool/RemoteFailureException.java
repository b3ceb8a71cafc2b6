package org.parshell.repl.pool;

import org.parshell.protocol.message.RemoteFailure;

/**
 * The function threw on a worker: the failure as the worker reported it (its text cleaned for the terminal)
 * and which worker. The pool fails a map with it; the shell side turns it into what the user sees.
 */
public final class RemoteFailureException extends RuntimeException {
    private final transient RemoteFailure failure;
    private final transient WorkerInfo worker;

    public RemoteFailureException(RemoteFailure failure, WorkerInfo worker) {
        super(failure.type() + (failure.message() == null ? "" : ": " + failure.message()), null, false, false);
        this.failure = failure;
        this.worker = worker;
    }

    public RemoteFailure failure() {
        return failure;
    }

    public WorkerInfo worker() {
        return worker;
    }
}
