package org.parshell.repl.it;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An attacker on the path between a shell and a daemon: it passes the handshake through untouched,
 * then does one thing to the frames of one direction, once: {@link Tamper#change} may forward,
 * drop, alter, duplicate, hold back or add frames. Frames are a 4-byte length and a body, as on
 * the wire; the first body byte is the message's tag.
 */
final class TamperingRelay implements AutoCloseable {
    /** Frames of a direction that belong to the handshake: Hello and Proof one way, Challenge and Welcome the other. */
    private static final int HANDSHAKE_FRAMES = 2;

    /** What the relay does with one frame after the handshake; {@code out} writes a frame onward. */
    interface Tamper {
        /** Returns true once it has done its one change. */
        boolean change(byte[] frame, FrameSink out) throws IOException;
    }

    interface FrameSink {
        void send(byte[] frame) throws IOException;
    }

    private final ServerSocket server;
    private final String daemonHost;
    private final int daemonPort;
    private final boolean towardsWorker;
    private final Tamper tamper;
    private final AtomicBoolean done = new AtomicBoolean();

    TamperingRelay(WorkerDaemon daemon, boolean towardsWorker, Tamper tamper) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.daemonHost = daemon.host();
        this.daemonPort = daemon.port();
        this.towardsWorker = towardsWorker;
        this.tamper = tamper;
        Thread acceptor = new Thread(this::accept, "relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** True once the change was made: a test that passes without it proves nothing. */
    boolean tampered() {
        return done.get();
    }

    private void accept() {
        try {
            while (true) {
                Socket shell = server.accept();
                Socket worker = new Socket(daemonHost, daemonPort);
                pump(shell, worker, towardsWorker);
                pump(worker, shell, !towardsWorker);
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void pump(Socket from, Socket to, boolean tampering) {
        Thread t = new Thread(() -> {
            try (DataInputStream in = new DataInputStream(from.getInputStream())) {
                DataOutputStream out = new DataOutputStream(to.getOutputStream());
                FrameSink sink = frame -> {
                    out.write(frame);
                    out.flush();
                };
                for (int n = 0; ; n++) {
                    int length = in.readInt();
                    byte[] frame = new byte[4 + length];
                    in.readFully(frame, 4, length);
                    java.nio.ByteBuffer.wrap(frame).putInt(length);
                    if (tampering && n >= HANDSHAKE_FRAMES && !done.get()) {
                        done.set(tamper.change(frame, sink));
                    } else {
                        sink.send(frame);
                    }
                }
            } catch (IOException e) {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "relay-pump");
        t.setDaemon(true);
        t.start();
    }

    static int tag(byte[] frame) {
        return frame.length > 4 ? frame[4] : -1;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
