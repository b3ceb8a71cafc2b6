package org.parshell.repl.it;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parshell.protocol.codec.MessageCodec;
import org.parshell.protocol.message.ChunkFailed;
import org.parshell.protocol.message.RemoteFailure;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A relay between a real shell and a real daemon that passes the handshake through and then alters,
 * replays, reorders, drops or injects one frame. Each change is detected by the side that receives it, the
 * connection through the relay is dropped, the map completes on the shell's local worker with the
 * right result, and the next map works.
 */
class TamperedFramesIT {
    private static final int RUN_CHUNK = 12, CHUNK_DONE = 13;
    private static final int N = 20_000;
    private static final long SUM_OF_SQUARES = (long) (N - 1) * N * (2L * N - 1) / 6;

    @RegisterExtension
    static final Daemons daemons = Daemons.forTheClass(WorkerDaemon::start);

    @Test
    void aBitFlippedInTheInputsIsDetectedByTheWorker() throws Exception {
        assertDetectedByTheWorker((frame, out) -> {
            if (TamperingRelay.tag(frame) != RUN_CHUNK) {
                out.send(frame);
                return false;
            }
            frame[frame.length / 2] ^= 0x04;
            out.send(frame);
            return true;
        });
    }

    @Test
    void aReplayedFrameIsDetectedByTheWorker() throws Exception {
        assertDetectedByTheWorker((frame, out) -> {
            out.send(frame);
            if (TamperingRelay.tag(frame) != RUN_CHUNK) {
                return false;
            }
            out.send(frame);
            return true;
        });
    }

    @Test
    void aBitFlippedInTheResultsIsDetectedByTheShell() throws Exception {
        assertDetectedByTheShell((frame, out) -> {
            if (TamperingRelay.tag(frame) != CHUNK_DONE) {
                out.send(frame);
                return false;
            }
            frame[frame.length - 40] ^= 0x01; // in the results, before the tag
            out.send(frame);
            return true;
        });
    }

    @Test
    void reorderedResultsAreDetectedByTheShell() throws Exception {
        byte[][] held = new byte[1][];
        assertDetectedByTheShell((frame, out) -> {
            if (held[0] == null) {
                if (TamperingRelay.tag(frame) == CHUNK_DONE) {
                    held[0] = frame;
                } else {
                    out.send(frame);
                }
                return false;
            }
            // one write: the shell closes the connection on the first of the two, and a second write
            // could then fail before the relay records that it made the change
            byte[] both = java.util.Arrays.copyOf(frame, frame.length + held[0].length);
            System.arraycopy(held[0], 0, both, frame.length, held[0].length);
            out.send(both);
            return true;
        });
    }

    @Test
    void aDroppedResultIsDetectedByTheShellAtTheNextFrame() throws Exception {
        assertDetectedByTheShell((frame, out) -> {
            if (TamperingRelay.tag(frame) != CHUNK_DONE) {
                out.send(frame);
                return false;
            }
            return true; // never sent; the worker's next frame (a result or a heartbeat) has the wrong number
        });
    }

    @Test
    void anInjectedFailureIsDetectedByTheShell() throws Exception {
        ByteBuf body = Unpooled.buffer();
        MessageCodec.encode(new ChunkFailed(1, 0, new RemoteFailure("java.lang.IllegalStateException",
                "INJECTED by the relay", List.of(), null)), body);
        byte[] injected = new byte[4 + body.readableBytes()];
        java.nio.ByteBuffer.wrap(injected).putInt(body.readableBytes());
        body.readBytes(injected, 4, body.readableBytes());
        String output = assertDetectedByTheShell((frame, out) -> {
            byte[] both = java.util.Arrays.copyOf(injected, injected.length + frame.length); // one write, as above
            System.arraycopy(frame, 0, both, injected.length, frame.length);
            out.send(both);
            return true;
        });
        assertFalse(output.contains("INJECTED"), output);
    }

    private void assertDetectedByTheWorker(TamperingRelay.Tamper tamper) throws Exception {
        int before = count(daemons.daemon().log(), "failed authentication");
        try (TamperingRelay relay = new TamperingRelay(daemons.daemon(), true, tamper)) {
            String output = runMaps(relay);
            assertTrue(relay.tampered(), "the relay never found the frame to change:\n" + output);
            daemons.daemon().awaitLog("failed authentication", 30);
            assertEquals(before + 1, count(daemons.daemon().log(), "failed authentication"), daemons.daemon().log());
            assertTrue(output.contains("lost (connection closed)"), "/workers shows the relayed worker lost:\n" + output);
        }
    }

    private String assertDetectedByTheShell(TamperingRelay.Tamper tamper) throws Exception {
        try (TamperingRelay relay = new TamperingRelay(daemons.daemon(), false, tamper)) {
            String output = runMaps(relay);
            assertTrue(relay.tampered(), "the relay never found the frame to change:\n" + output);
            assertTrue(output.contains("failed authentication"), "/workers shows why the relayed worker was dropped:\n" + output);
            return output;
        }
    }

    /** Two maps through the relay and a local worker; both right, whatever the relay did. */
    private static String runMaps(TamperingRelay relay) throws Exception {
        String sum = "pmap(x -> squared(x), rangeClosed(0, " + (N - 1) + ")).stream().mapToLong(Integer::longValue).sum()";
        ParshellProcess.Result r = ParshellProcess.runShell("""
                int squared(int x) { return x * x; }
                System.out.println("FIRST " + %s);
                System.out.println("SECOND " + %s);
                /workers
                """.formatted(sum, sum), "--workers", "1", "--attach", relay.address(), "--secret-file", daemons.secret().toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("FIRST " + SUM_OF_SQUARES), r.output());
        assertTrue(r.output().contains("SECOND " + SUM_OF_SQUARES), r.output());
        return r.output();
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }
}
