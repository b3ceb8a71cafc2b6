package org.parshell.worker;

import io.netty.handler.ssl.SslContext;
import org.parshell.protocol.HandshakeWarmUp;
import org.parshell.protocol.NettyLogging;
import org.parshell.protocol.ReadyLine;
import org.parshell.protocol.TlsContexts;
import org.parshell.protocol.auth.SharedSecret;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code parshell-worker}: a daemon that runs the functions of authenticated shells.
 * <p>
 * With {@code --local} it is a shell's own child: it reads the secret from standard input, listens
 * on a free loopback port which it announces on standard output, and exits when its standard input
 * closes, which happens when the shell exits or is killed, so no worker outlives its shell.
 */
@Command(name = "parshell-worker", mixinStandardHelpOptions = true,
        description = "Runs functions sent by parshell shells.")
public final class WorkerMain implements Callable<Integer> {
    @Option(names = "--bind", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind = "127.0.0.1";

    @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port = 7171;

    @Option(names = "--secret-file", description = "File with the shared secret (hex); created, mode 600, if missing. "
            + "Default: ~/.parshell/secret.")
    Path secretFile;

    @Option(names = "--threads", description = "Tasks run at once (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--tls-cert", paramLabel = "CERT.pem",
            description = "Serve TLS with this PEM certificate (chain); needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "KEY.pem",
            description = "The certificate's private key, PEM, unencrypted PKCS#8 ('BEGIN PRIVATE KEY').")
    Path tlsKey;

    @Option(names = "--local", hidden = true, description = "Child of a shell: secret on stdin, any free port, exit on stdin EOF.")
    boolean local;

    @Option(names = "--stdio", hidden = true, description = "Started over ssh: secret on stdin, then the protocol on stdin/stdout; exit on stdin EOF.")
    boolean stdio;

    public static void main(String[] args) {
        NettyLogging.toStandardError();
        WorkerMain child = localChild(args);
        System.exit(child != null ? child.runLocalChild() : new CommandLine(new WorkerMain()).execute(args));
    }

    /**
     * The arguments a shell gives each of its local workers ({@code --local --threads=N}), read without picocli:
     * its classes are compiled for Java 5, which class-data sharing cannot archive, so parsing them costs a
     * local worker about as much as the rest of its start. Any other arguments go to picocli; null then.
     */
    static WorkerMain localChild(String[] args) {
        if (args.length != 2 || !args[0].equals("--local") || !args[1].matches("--threads=[1-9][0-9]{0,3}")) {
            return null;
        }
        WorkerMain child = new WorkerMain();
        child.local = true;
        child.threads = Integer.parseInt(args[1].substring("--threads=".length()));
        return child;
    }

    /** As picocli runs a command: what fails is printed on standard error, and the status is 1. */
    private int runLocalChild() {
        try {
            return runLocal();
        } catch (Exception e) {
            e.printStackTrace();
            return 1;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (threads < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--threads must be at least 1");
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--tls-cert and --tls-key go together");
        }
        return stdio ? runStdio() : local ? runLocal() : runDaemon();
    }

    private int runDaemon() throws Exception {
        Path file = secretFile != null ? secretFile : SharedSecret.defaultFile();
        boolean existed = file.toFile().exists();
        SharedSecret secret;
        try {
            secret = SharedSecret.readOrCreate(file);
        } catch (IllegalArgumentException e) {
            WorkerLog.info("refusing to start: " + e.getMessage());
            return 2;
        }
        if (!existed) {
            WorkerLog.info("created a new secret in " + file.toAbsolutePath() + " (mode 600); copy it to the shell's machine");
        } else {
            WorkerLog.info("using the secret in " + file.toAbsolutePath());
        }
        SslContext tls = tlsCert == null ? null : TlsContexts.server(tlsCert.toFile(), tlsKey.toFile());
        try (WorkerServer server = new WorkerServer(bind, port, secret, threads, tls)) {
            WorkerLog.info("listening on " + server.address().getAddress().getHostAddress() + ":" + server.address().getPort()
                    + (tls != null ? " (TLS)" : "") + " with " + threads + " task threads, pid " + ProcessHandle.current().pid());
            if (org.parshell.protocol.codec.Pipelines.UNTAGGED) {
                WorkerLog.info("warning: frames after the handshake are not authenticated (-Dparshell.frames=untagged-for-benchmark)");
            }
            if (tls == null && !server.address().getAddress().isLoopbackAddress()) {
                WorkerLog.info("note: without --tls-cert and --tls-key, code and data cross the network unencrypted"
                        + " (the secret itself never does)");
            }
            server.awaitClose();
        }
        return 0;
    }

    private int runLocal() throws Exception {
        HandshakeWarmUp.start(); // while this thread starts the server: the shell connects as soon as it listens
        ignoreTerminalInterrupt();
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        String hex = stdin.readLine();
        if (hex == null) {
            return 1;
        }
        WorkerServer server = new WorkerServer("127.0.0.1", 0, SharedSecret.fromHex(hex), threads);
        System.out.println(ReadyLine.of(server.address().getPort()));
        System.out.flush();
        waitForEndOfInput(stdin);
        server.stopNetworkThreads();
        return 0;
    }

    private int runStdio() throws Exception {
        StdioBridge bridge = StdioBridge.ofProcessStreams();
        String hex = bridge.readLine();
        if (hex == null) {
            return 1;
        }
        try (WorkerServer server = new WorkerServer("127.0.0.1", 0, SharedSecret.fromHex(hex.strip()), threads)) {
            WorkerLog.info("started over ssh, listening on loopback port " + server.address().getPort()
                    + " with " + threads + " task threads, pid " + ProcessHandle.current().pid());
            bridge.run(server.address());
        }
        return 0;
    }

    /**
     * A local worker shares the shell's terminal process group, so Ctrl-C at the shell's prompt sends it
     * SIGINT too; the shell cancels the map itself, and the worker lives on (it exits when the shell does).
     */
    private static void ignoreTerminalInterrupt() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> { });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            WorkerLog.info("cannot ignore SIGINT: " + e.getMessage());
        }
    }

    private static void waitForEndOfInput(BufferedReader stdin) {
        try {
            while (stdin.read() >= 0) {
                // the shell writes nothing more; any input is ignored until the pipe closes
            }
        } catch (IOException e) {
            // a broken pipe means the same as end of input: the shell is gone
        }
    }
}
