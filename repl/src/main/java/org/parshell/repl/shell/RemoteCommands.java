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

    private RemoteCommands() {
    }

    static boolean attach(Commands commands, String args) {
        var out = commands.out();
        List<WorkerTargets.Attempt> attempts;
        try {
            attempts = commands.shell().targets().attach(args);
        } catch (IllegalArgumentException e) {
            out.println("|  Usage: /attach HOST[:PORT], /attach ssh://[USER@]HOST[:SSHPORT] or /attach dns://NAME[:PORT],"
                    + " e.g. /attach host-b or /attach 10.0.0.7:7171 (" + e.getMessage() + ")");
            return false;
        }
        boolean all = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ATTACH_SECONDS);
        for (WorkerTargets.Attempt a : attempts) { // they run at once; the answers are awaited in turn
            all &= report(out, a, deadline);
        }
        return all;
    }

    private static boolean report(java.io.PrintStream out, WorkerTargets.Attempt attempt, long deadline) {
        try {
            long left = Math.max(0, deadline - System.nanoTime());
            WorkerInfo i = attempt.worker().get(left, TimeUnit.NANOSECONDS).info();
            out.println("|  Attached " + i.address() + ": host " + i.host() + ", pid " + i.pid() + ", "
                    + i.threads() + " threads, JDK " + i.jdk());
            return true;
        } catch (ExecutionException e) {
            out.println("|  Cannot attach " + attempt.name() + ": " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            out.println("|  Cannot attach " + attempt.name() + ": no answer within " + ATTACH_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("|  /attach interrupted");
        }
        return false;
    }

    static boolean detach(Commands commands, String args) {
        var out = commands.out();
        if (args.isBlank()) {
            out.println("|  Usage: /detach HOST[:PORT], /detach ssh://[USER@]HOST[:SSHPORT] or /detach all");
            return false;
        }
        List<WorkerConnection> detached;
        try {
            detached = commands.shell().pool().detach(args);
        } catch (IllegalArgumentException e) {
            out.println("|  Usage: /detach HOST[:PORT] or /detach all (" + e.getMessage() + ")");
            return false;
        }
        if (detached.isEmpty()) {
            out.println("|  No attached worker at " + args.strip() + "; /workers lists them");
            return args.strip().equals("all");
        }
        detached.forEach(w -> out.println("|  Detached " + w.info().address()));
        return true;
    }
}
