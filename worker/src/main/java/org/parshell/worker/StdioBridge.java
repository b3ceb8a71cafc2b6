package org.parshell.worker;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A worker started over ssh talks to its shell through the ssh session's standard input and output:
 * this bridge joins them to one loopback connection to the worker's own server, so the worker opens
 * no port reachable from outside its host. Standard output carries only the protocol (after
 * {@link #READY}); what user code prints goes to standard error. When standard input ends (the shell
 * or its ssh client went away) or the shell's connection closes, the worker exits.
 */
final class StdioBridge {
    /** The line the worker writes before the first protocol byte, so the shell can skip any login noise. */
    static final String READY = "parshell-worker stdio ready";

    private final InputStream in;
    private final OutputStream out;

    private StdioBridge(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** Takes over the process's standard streams; {@code System.out} becomes standard error. */
    static StdioBridge ofProcessStreams() {
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        return new StdioBridge(System.in, out);
    }

    /** The secret's line, read one byte at a time so no protocol byte after it is consumed. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                return null;
            }
            if (line.length() > 1024) {
                throw new IOException("the first line of standard input is too long for a secret");
            }
            line.append((char) c);
        }
        return line.toString();
    }

    /** Announces readiness and copies bytes both ways until either side ends. */
    void run(InetSocketAddress server) throws IOException, InterruptedException {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(server);
            out.write((READY + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread up = pump(in, socket.getOutputStream(), "parshell-stdin-to-worker");
            Thread down = pump(socket.getInputStream(), out, "parshell-worker-to-stdout");
            while (up.isAlive() && down.isAlive()) {
                up.join(200);
            }
        }
    }

    private static Thread pump(InputStream from, OutputStream to, String name) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try {
                for (int n; (n = from.read(buffer)) > 0; ) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                // either end closing ends the bridge
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
