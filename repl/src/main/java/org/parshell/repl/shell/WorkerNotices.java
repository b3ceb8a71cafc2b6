package org.parshell.repl.shell;

import org.parshell.repl.pool.LocalWorkers;
import org.parshell.repl.ssh.SshTarget;
import org.parshell.repl.ssh.SshWorkers;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;

/**
 * What the shell says of workers starting, being replaced and failing to attach, from the moment its
 * workers start (before JShell is up): the events of {@link LocalWorkers} and {@link SshWorkers} in the
 * shell's words, behind its {@link Reply} margin.
 */
public final class WorkerNotices implements LocalWorkers.Listener, SshWorkers.Listener {
    private final Reply reply;

    public WorkerNotices(PrintStream out) {
        this(new Reply(out));
    }

    WorkerNotices(Reply reply) {
        this.reply = reply;
    }

    @Override
    public void didNotStart(int worker, Throwable why, Path log) {
        reply.line("local worker " + worker + " did not start: " + why.getMessage() + " (see " + log + ")");
    }

    @Override
    public void replacing(int worker, long pid, String exitStatus) {
        reply.line("local worker " + worker + " (pid " + pid + ") exited with status " + exitStatus + "; starting another");
    }

    @Override
    public void cannotReplace(IOException why) {
        reply.line("cannot start a local worker: " + why.getMessage());
    }

    /** Not one of the local workers could be started. */
    public void cannotStartLocalWorkers(IOException why) {
        reply.line("cannot start the local workers: " + why.getMessage());
    }

    @Override
    public void copiedJars(SshTarget target, int count, String directory) {
        reply.line(target + ": copied " + count + " jars to " + directory);
    }

    /** A worker named on the command line or to {@code /attach} did not join; {@code why} as its future failed. */
    public void cannotAttach(String name, Throwable why) {
        Throwable cause = why instanceof CompletionException && why.getCause() != null ? why.getCause() : why;
        reply.line("Cannot attach " + name + ": " + cause.getMessage());
    }
}
