package org.parshell.repl.shell;

import org.parshell.repl.remote.WorkerTargets;
import org.parshell.repl.pool.WorkerConnection;
import org.parshell.repl.pool.WorkerInfo;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code /attach} and {@code /detach}: worker daemons on this or other machines joining and leaving the pool. */
final class RemoteCommands {
    private static final long ATTACH_SECONDS = 120; // a first ssh attach copies the jars and starts a JVM

    private final Shell shell;
    private final Reply reply;
    private final WorkerNotices notices;

    RemoteCommands(Shell shell, Reply reply) {
        this.shell = shell;
        this.reply = reply;
        this.notices = new WorkerNotices(reply);
    }

    boolean attach(String args) {
        List<WorkerTargets.Attempt> attempts;
        try {
            attempts = shell.targets().attach(args);
        } catch (IllegalArgumentException e) {
            reply.line("Usage: /attach HOST[:PORT], /attach ssh://[USER@]HOST[:SSHPORT] or /attach dns://NAME[:PORT],"
                    + " e.g. /attach host-b or /attach 10.0.0.7:7171 (" + e.getMessage() + ")");
            return false;
        }
        boolean all = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ATTACH_SECONDS);
        for (WorkerTargets.Attempt a : attempts) { // they run at once; the answers are awaited in turn
            all &= report(a, deadline);
        }
        return all;
    }

    private boolean report(WorkerTargets.Attempt attempt, long deadline) {
        try {
            long left = Math.max(0, deadline - System.nanoTime());
            WorkerInfo i = attempt.worker().get(left, TimeUnit.NANOSECONDS).info();
            reply.line("Attached " + i.address() + ": host " + i.host() + ", pid " + i.pid() + ", "
                    + i.threads() + " threads, JDK " + i.jdk());
            return true;
        } catch (ExecutionException e) {
            notices.cannotAttach(attempt.name(), e.getCause());
        } catch (TimeoutException e) {
            notices.cannotAttach(attempt.name(), new TimeoutException("no answer within " + ATTACH_SECONDS + " s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply.line("/attach interrupted");
        }
        return false;
    }

    boolean detach(String args) {
        if (args.isBlank()) {
            reply.line("Usage: /detach HOST[:PORT], /detach ssh://[USER@]HOST[:SSHPORT] or /detach all");
            return false;
        }
        List<WorkerConnection> detached;
        try {
            detached = shell.pool().detach(args);
        } catch (IllegalArgumentException e) {
            reply.line("Usage: /detach HOST[:PORT] or /detach all (" + e.getMessage() + ")");
            return false;
        }
        if (detached.isEmpty()) {
            reply.line("No attached worker at " + args.strip() + "; /workers lists them");
            return args.strip().equals("all");
        }
        detached.forEach(w -> reply.line("Detached " + w.info().address()));
        return true;
    }
}
