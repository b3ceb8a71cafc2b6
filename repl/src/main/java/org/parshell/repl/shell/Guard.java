package org.parshell.repl.shell;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Runs every command and snippet so that nothing typed can end the session: on one thread with a
 * deep stack (the compiler recurses once per operator of an expression, so a long {@code 1+1+...}
 * would overflow an ordinary thread), and with anything thrown reported in jshell's {@code |  }
 * style as a failure of that input.
 */
final class Guard implements AutoCloseable {
    /** Reserved, not committed: the memory is used only as deep as a compilation really goes. */
    private static final long STACK_BYTES = 1L << 30;

    private final Reply reply;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(null, r, "parshell-eval", STACK_BYTES);
        t.setDaemon(true);
        return t;
    });
    private volatile Thread evaluator;

    Guard(Reply reply) {
        this.reply = reply;
    }

    /** Runs {@code unit} on the evaluating thread; false if it failed or threw. */
    boolean run(BooleanSupplier unit) {
        if (Thread.currentThread() == evaluator) {
            return guarded(unit);
        }
        Future<Boolean> result = thread.submit(() -> {
            evaluator = Thread.currentThread();
            return guarded(unit);
        });
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    report(e.getCause());
                    return false;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean guarded(BooleanSupplier unit) {
        try {
            return unit.getAsBoolean();
        } catch (Throwable e) {
            report(e);
            return false;
        }
    }

    private void report(Throwable e) {
        if (causedByStackOverflow(e)) {
            reply.line("Error: this input is nested too deeply for the compiler (it ran out of stack); "
                    + "split it into smaller parts");
        } else if (e instanceof OutOfMemoryError) {
            reply.line("Error: out of memory: " + e.getMessage());
        } else {
            reply.line("Error: " + e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static boolean causedByStackOverflow(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StackOverflowError) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
