package org.parshell.repl.remote;

import org.parshell.repl.pool.HostPort;
import org.parshell.repl.pool.WorkerConnection;
import org.parshell.repl.pool.WorkerPool;
import org.parshell.repl.ssh.SshTarget;
import org.parshell.repl.ssh.SshWorkers;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What {@code --attach}, {@code /attach} and {@code --hostfile} name, turned into workers joining
 * the pool: {@code ssh://[USER@]HOST[:PORT]} starts one over ssh, {@code dns://NAME[:PORT]} attaches
 * the daemon at every address the name resolves to, and {@code HOST[:PORT]} the daemon there. Every
 * attempt runs at once; each ends on its own.
 */
public final class WorkerTargets implements AutoCloseable {
    public static final String DNS = "dns://";

    private final WorkerPool pool;
    private final SshWorkers ssh;

    /** What workers started over ssh print goes to {@code out}; what befalls them, to {@code listener}. */
    public WorkerTargets(WorkerPool pool, PrintStream out, SshWorkers.Listener listener) {
        this.pool = pool;
        this.ssh = new SshWorkers(pool, out, listener);
    }

    /** One worker on its way, and the name its success or failure is reported under. */
    public record Attempt(String name, CompletableFuture<WorkerConnection> worker) {
    }

    /** Starts attaching {@code typed}; a malformed target throws {@link IllegalArgumentException} before anything starts. */
    public List<Attempt> attach(String typed) {
        return attach(typed, 0);
    }

    /**
     * {@code slots} (a host file's {@code slots=N}; 0 for the worker's own choice) is the number of task
     * threads a worker this shell starts over ssh gets, and the number of chunks a daemon runs at once.
     */
    public List<Attempt> attach(String typed, int slots) {
        String t = typed.strip();
        if (SshTarget.isSsh(t)) {
            SshTarget target = SshTarget.parse(t).withThreads(slots);
            return List.of(new Attempt(target.toString(), ssh.start(target)));
        }
        if (t.startsWith(DNS)) {
            return everyAddress(HostPort.parse(t.substring(DNS.length())), slots);
        }
        HostPort where = HostPort.parse(t);
        return List.of(new Attempt(where.toString(), pool.attach(where, where.host(), slots)));
    }

    /** Checks {@code typed} without attaching anything. */
    public static void validate(String typed) {
        String t = typed.strip();
        if (SshTarget.isSsh(t)) {
            SshTarget.parse(t);
        } else {
            HostPort.parse(t.startsWith(DNS) ? t.substring(DNS.length()) : t);
        }
    }

    /** Each address's daemon must show a certificate for the name (TLS), and runs {@code slots} chunks at once. */
    private List<Attempt> everyAddress(HostPort name, int slots) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(name.host());
        } catch (UnknownHostException e) {
            return List.of(new Attempt(DNS + name, CompletableFuture.failedFuture(
                    new IllegalArgumentException("the name " + name.host() + " does not resolve: " + e.getMessage()))));
        }
        List<Attempt> attempts = new ArrayList<>();
        for (InetAddress a : addresses) {
            HostPort where = new HostPort(a.getHostAddress(), name.port());
            attempts.add(new Attempt(where + " (" + name.host() + ")", pool.attach(where, name.host(), slots)));
        }
        return attempts;
    }

    @Override
    public void close() {
        ssh.close();
    }
}
