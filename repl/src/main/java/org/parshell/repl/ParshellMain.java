package org.parshell.repl;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.parshell.repl.remote.HostFile;
import org.parshell.repl.remote.WorkerTargets;
import org.parshell.protocol.NettyLogging;
import org.parshell.repl.pool.LocalWorkers;
import org.parshell.repl.pool.RemoteAccess;
import org.parshell.repl.pool.WorkerPool;
import org.parshell.repl.shell.FirstGeneration;
import org.parshell.repl.shell.Shell;
import org.parshell.repl.shell.TerminalFrontEnd;
import org.parshell.repl.shell.WorkerNotices;
import org.parshell.repl.startup.StartupTrace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code parshell}: starts the local workers first, so they boot while JShell does, then runs the
 * given scripts, standard input, or an interactive session at the terminal.
 */
@Command(name = "parshell", mixinStandardHelpOptions = true,
        description = "An interactive Java shell whose functions run, by value, on worker JVMs.")
public final class ParshellMain implements Callable<Integer> {
    private static final long ATTACH_WAIT_SECONDS = 30;

    @Option(names = "--workers", paramLabel = "N", description = "Local worker JVMs to start (default: the number of cores; 0 for none).")
    int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--attach", paramLabel = "HOST[:PORT]",
            description = "Attach the worker daemon at HOST (port 7171 unless given), start one over ssh with "
                    + "ssh://[USER@]HOST[:SSHPORT], or attach every address of a name with dns://NAME[:PORT]; repeatable.")
    List<String> attach = new ArrayList<>();

    @Option(names = "--hostfile", paramLabel = "FILE",
            description = "Attach the workers listed in FILE, one a line (ssh://..., HOST[:PORT], '# comments', 'HOST slots=N').")
    Path hostfile;

    @Option(names = "--secret-file", paramLabel = "FILE",
            description = "The secret shared with worker daemons (default: ~/.parshell/secret).")
    Path secretFile;

    @Option(names = "--tls-trust", paramLabel = "CERT.pem",
            description = "Attach over TLS, trusting the worker certificates (PEM) in this file.")
    Path tlsTrust;

    @Option(names = "-i", description = "Stay interactive after running the files.")
    boolean interactive;

    @Option(names = "--sequential", description = "Run every map in order in the shell's own JVM; start no workers "
            + "(the reference that parallel runs must agree with).")
    boolean sequential;

    @Parameters(paramLabel = "FILE.jsh", description = "Scripts to run, in order.")
    List<Path> files = new ArrayList<>();

    public static void main(String[] args) {
        NettyLogging.toStandardError();
        StartupTrace.launcher();
        StartupTrace.mark("main");
        ParshellMain plain = plain(args);
        System.exit(plain != null ? plain.callPlain() : new CommandLine(new ParshellMain()).execute(args));
    }

    /**
     * The commonest command lines, none or only {@code --workers N}, read without picocli: its classes are
     * compiled for Java 5, which class-data sharing cannot archive, and parsing costs a fifth of a second of
     * start-up. Nothing in them can be wrong but N, which is digits here; any other line is picocli's (null then).
     */
    static ParshellMain plain(String[] args) {
        boolean onlyWorkers = args.length == 2 && args[0].equals("--workers") && args[1].matches("[0-9]{1,4}");
        if (args.length != 0 && !onlyWorkers) {
            return null;
        }
        ParshellMain main = new ParshellMain();
        if (onlyWorkers) {
            main.workers = Integer.parseInt(args[1]);
        }
        return main;
    }

    /** As picocli runs a command: what fails is printed on standard error, and the status is 1. */
    private int callPlain() {
        try {
            return call();
        } catch (Exception e) {
            e.printStackTrace();
            return 1;
        }
    }

    @Override
    public Integer call() throws Exception {
        StartupTrace.mark("options-parsed");
        if (workers < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--workers must be 0 or more");
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(out);
        List<HostFile.Entry> targets = targets();
        FirstGeneration first = FirstGeneration.start(out); // the longest step: before the pool and the workers
        WorkerNotices notices = new WorkerNotices(out);
        try (WorkerPool pool = new WorkerPool(remoteAccess()); LocalWorkers local = new LocalWorkers(out, notices);
             WorkerTargets remote = new WorkerTargets(pool, out, notices)) {
            Runtime.getRuntime().addShutdownHook(new Thread(local::close, "parshell-stop-workers"));
            Runtime.getRuntime().addShutdownHook(new Thread(remote::close, "parshell-stop-ssh-workers"));
            int cores = Runtime.getRuntime().availableProcessors();
            Runnable startLocal = () -> startLocal(local, sequential ? 0 : workers, Math.max(1, cores / Math.max(1, workers)), pool, notices);
            // at a terminal, the workers' JVMs start once the prompt shows: they would take the two cores from it
            boolean straightToTerminal = files.isEmpty() && System.console() != null;
            if (!straightToTerminal) {
                startLocal.run();
            }
            List<CompletableFuture<Boolean>> attached = new ArrayList<>();
            for (HostFile.Entry target : targets) {
                for (WorkerTargets.Attempt a : remote.attach(target.target(), target.slots())) {
                    attached.add(a.worker().handle((worker, e) -> {
                        if (e != null) {
                            notices.cannotAttach(a.name(), e);
                        }
                        return e == null;
                    }));
                }
            }
            try (Shell shell = new Shell(out, pool, sequential, remote, first)) {
                int status = run(shell, straightToTerminal ? startLocal : () -> { });
                return status == 0 && !allAttached(attached) ? 1 : status;
            }
        }
    }

    /** Whether every --attach succeeded; one still trying after the session is counted as failed. */
    private static boolean allAttached(List<CompletableFuture<Boolean>> attached) {
        try {
            return CompletableFuture.allOf(attached.toArray(CompletableFuture[]::new))
                    .thenApply(all -> attached.stream().allMatch(CompletableFuture::join))
                    .get(ATTACH_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** The --hostfile's workers, then the --attach ones, each checked before anything starts. */
    private List<HostFile.Entry> targets() {
        List<HostFile.Entry> all = new ArrayList<>();
        if (hostfile != null) {
            try {
                all.addAll(HostFile.read(hostfile));
            } catch (IOException | IllegalArgumentException e) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--hostfile: " + e.getMessage());
            }
        }
        for (String a : attach) {
            try {
                WorkerTargets.validate(a);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--attach: " + e.getMessage());
            }
            all.add(new HostFile.Entry(a, 0));
        }
        return all;
    }

    private RemoteAccess remoteAccess() {
        try {
            return new RemoteAccess(secretFile, tlsTrust);
        } catch (javax.net.ssl.SSLException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--tls-trust: " + e.getMessage());
        }
    }

    private static void startLocal(LocalWorkers local, int count, int threads, WorkerPool pool, WorkerNotices notices) {
        try {
            local.start(count, threads, pool);
            StartupTrace.mark("workers-spawned");
        } catch (IOException e) {
            notices.cannotStartLocalWorkers(e);
        }
    }

    /** {@code atPrompt} runs once the first prompt shows, if the session goes to the terminal. */
    private int run(Shell shell, Runnable atPrompt) throws IOException {
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                System.err.println("parshell: cannot read " + file);
                return 2;
            }
            if (org.parshell.repl.session.Sessions.isSessionFile(file)) {
                shell.restoreSession(file);
            } else {
                shell.run(Files.readString(file), file.toString());
            }
            if (shell.exitRequested()) {
                return shell.exitStatus();
            }
        }
        if (interactive || files.isEmpty()) {
            if (System.console() != null) {
                try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                    new TerminalFrontEnd(shell, terminal).run(atPrompt);
                }
            } else if (files.isEmpty()) {
                shell.run(new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)), "<stdin>");
            }
        }
        return shell.exitRequested() ? shell.exitStatus() : shell.failed() ? 1 : 0;
    }
}
