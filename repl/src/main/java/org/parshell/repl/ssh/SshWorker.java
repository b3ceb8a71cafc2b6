package org.parshell.repl.ssh;

import org.parshell.protocol.auth.SharedSecret;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * One worker JVM started on a host by an ssh session that stays open: the worker's secret goes in
 * on the session's standard input, and the protocol then runs over that session's standard input
 * and output. The shell reaches it through a one-connection bridge on its own loopback interface,
 * so the pool connects to it as to any worker. Ending the ssh client ends the session, and with it
 * the worker (its standard input closes); the worker ending ends the ssh client.
 */
final class SshWorker {
    private static final String READY = "parshell-worker stdio ready"; // as org.parshell.worker.StdioBridge writes it
    private static final int MAX_NOISE_BYTES = 64 * 1024;

    private final Process ssh;
    private final StreamTail stderr;
    private final ServerSocket bridge;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    private SshWorker(Process ssh, PrintStream out) throws IOException {
        this.ssh = ssh;
        this.stderr = StreamTail.of(ssh.getErrorStream(), line -> {
            if (port.isDone() && !line.contains(" parshell-worker: ")) {
                out.println(line); // what the function printed on the worker
            }
        });
        this.bridge = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    /** Starts the worker; {@link #port()} completes with the loopback port the pool connects to. */
    static SshWorker start(SshTarget target, SshCommand command, String remoteCommand, SharedSecret secret, PrintStream out)
            throws IOException {
        Process p = new ProcessBuilder(command.argv(remoteCommand)).start();
        SshWorker worker = new SshWorker(p, out);
        OutputStream stdin = p.getOutputStream();
        stdin.write((secret.toHex() + "\n").getBytes(StandardCharsets.US_ASCII));
        stdin.flush();
        Thread t = new Thread(worker::serve, "parshell-ssh-" + target.host());
        t.setDaemon(true);
        t.start();
        p.onExit().thenRun(worker::exited);
        return worker;
    }

    CompletableFuture<Integer> port() {
        return port;
    }

    long sshPid() {
        return ssh.pid();
    }

    boolean isAlive() {
        return ssh.isAlive();
    }

    /** Ends the ssh client; the host ends the worker when the session closes. */
    void stop() {
        ssh.destroy();
        closeBridge();
    }

    private void serve() {
        try {
            skipToReady(ssh.getInputStream());
            port.complete(bridge.getLocalPort());
            try (Socket shell = bridge.accept()) {
                closeBridge(); // one connection only
                shell.setTcpNoDelay(true);
                Thread up = pump(shell.getInputStream(), ssh.getOutputStream());
                pump(ssh.getInputStream(), shell.getOutputStream()).join();
                up.join(1000);
            }
        } catch (IOException e) {
            port.completeExceptionally(e); // reported under the target's name by whoever attached it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stop();
        }
    }

    /** Skips what a login prints before the worker speaks (a banner from a shell start-up file). */
    private void skipToReady(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int read = 0; read < MAX_NOISE_BYTES; read++) {
            int c = in.read();
            if (c < 0) {
                throw new IOException(whyItEnded());
            }
            if (c == '\n') {
                if (line.toString().strip().equals(READY)) {
                    return;
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
        throw new IOException("the host printed " + MAX_NOISE_BYTES + " bytes and no worker started");
    }

    private void exited() {
        if (!port.isDone()) {
            port.completeExceptionally(new IOException(whyItEnded()));
        }
        closeBridge();
    }

    private String whyItEnded() {
        try {
            ssh.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String said = stderr.text();
        if (said.contains("UnsupportedClassVersionError")) {
            return "the host's java is older than the JDK parshell was built with (name another with ssh://HOST?java=PATH): "
                    + SshCommand.failure(ssh.exitValue(), said);
        }
        if (ssh.exitValue() == 127) {
            return "the host could not run java (name the one to use with ssh://HOST?java=PATH): " + SshCommand.failure(127, said);
        }
        return SshCommand.failure(ssh.exitValue(), said);
    }

    private void closeBridge() {
        try {
            bridge.close();
        } catch (IOException e) {
            // closing is all that was wanted
        }
    }

    private static Thread pump(InputStream from, OutputStream to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (to) {
                for (int n; (n = from.read(buffer)) > 0; ) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                // either end closing ends the bridge
            }
        }, "parshell-ssh-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
