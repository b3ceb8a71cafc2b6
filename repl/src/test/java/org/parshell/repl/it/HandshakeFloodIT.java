package org.parshell.repl.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bounded flood of connections that never authenticate (silent or garbage) while a real shell
 * attaches to the daemon and maps: the shell is served, the daemon keeps a bounded number of
 * handshakes open, and its log summarises the flood instead of a line per connection.
 */
class HandshakeFloodIT {
    private static final int CONNECTIONS = 400;
    private static final int MAX_IN_HANDSHAKE = 128; // HandshakeSlots.MAX
    /** The last connections may not have reached the daemon's slots when the test looks. */
    private static final int IN_FLIGHT = 10;

    @TempDir
    Path dir;

    @Test
    void aShellAttachesAndMapsDuringAFlood() throws Exception {
        Path secret = dir.resolve("secret");
        try (WorkerDaemon daemon = WorkerDaemon.start(secret)) {
            List<Socket> silent = new ArrayList<>();
            CompletableFuture<Integer> flood = CompletableFuture.supplyAsync(() -> flood(daemon, silent));
            try {
                Thread.sleep(1500); // the slots are full of silent connections by now
                daemon.assertServesAShell(secret);
                int closedByTheDaemon = flood.get();
                assertTrue(closedByTheDaemon >= silent.size() - MAX_IN_HANDSHAKE - IN_FLIGHT,
                        closedByTheDaemon + " of " + silent.size() + " silent connections closed within the handshake"
                                + " timeout; at most " + MAX_IN_HANDSHAKE + " may wait in the handshake");
            } finally {
                for (Socket s : silent) {
                    s.close();
                }
            }
            String log = daemon.awaitLog("flood of unauthenticated connections", 40);
            long lines = log.lines().count();
            assertTrue(lines < CONNECTIONS / 2, lines + " log lines for " + CONNECTIONS + " connections:\n" + log);
        }
    }

    /**
     * Opens the connections over about four seconds, less than the handshake timeout; a third of them
     * send garbage, the rest nothing. Returns how many silent ones the daemon had closed by the end.
     */
    private static int flood(WorkerDaemon daemon, List<Socket> silent) {
        Random random = new Random(13);
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                Socket s = new Socket(daemon.host(), daemon.port());
                if (i % 3 == 0) {
                    byte[] garbage = new byte[64];
                    random.nextBytes(garbage);
                    s.getOutputStream().write(garbage);
                    s.close();
                } else {
                    synchronized (silent) {
                        silent.add(s);
                    }
                }
                Thread.sleep(10);
            }
            Thread.sleep(300);
            synchronized (silent) {
                return closed(silent);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many of {@code sockets} the daemon has closed (a read sees the end of the stream). */
    private static int closed(List<Socket> sockets) throws IOException {
        int closed = 0;
        for (Socket s : sockets) {
            s.setSoTimeout(2); // all checked in well under a second, before the handshake timeout closes any
            try {
                InputStream in = s.getInputStream();
                if (in.read() == -1) {
                    closed++;
                }
            } catch (SocketTimeoutException e) {
                // still open
            } catch (IOException e) {
                closed++; // reset
            }
        }
        return closed;
    }
}
