package org.parshell.repl.it;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parshell.protocol.ProtocolVersion;
import org.parshell.protocol.auth.Handshake;
import org.parshell.protocol.codec.MessageCodec;
import org.parshell.protocol.message.Challenge;
import org.parshell.protocol.message.Hello;
import org.parshell.protocol.message.Message;
import org.parshell.protocol.message.Proof;
import org.parshell.protocol.message.Refused;
import org.parshell.protocol.message.StartJob;
import org.parshell.protocol.payload.PayloadCodec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A running worker daemon, over a real socket on loopback: a wrong proof is refused, and a payload
 * whose deserialization would create a file is never decoded before the peer has authenticated.
 * The daemon runs with this module's test classes on its class path, so the marker's class is there
 * to be found: were the payload decoded, its hook would run.
 */
class DaemonAuthenticationIT {
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    /** With this module's test classes on its class path, where the marker's class is. */
    @RegisterExtension
    static final Daemons daemons = Daemons.forTheClass(secretFile -> WorkerDaemon.startWithFirstOnClassPath(
            ParshellProcess.ROOT.resolve("repl/target/test-classes"), secretFile));

    @Test
    void theMarkerPayloadIsLiveWhereItsClassIsFound() throws Exception {
        // The control: the same bytes, decoded, do create the file; so its absence below means something.
        Path marker = daemons.dir().resolve("control-marker");
        PayloadCodec.forLoader(getClass().getClassLoader()).decode(markerPayload(marker));
        assertTrue(Files.exists(marker), "decoding the payload runs its hook");
    }

    @Test
    void aPayloadSentBeforeTheProofIsNeverDecoded() throws Exception {
        Path marker = daemons.dir().resolve("before-proof-marker");
        try (Socket s = connect()) {
            send(s, new Hello(ProtocolVersion.CURRENT, Handshake.nonce()));
            assertInstanceOf(Challenge.class, read(s));
            send(s, new StartJob(1, 1, "hash", markerPayload(marker)));
            assertRefused(s, "unexpected StartJob before authentication");
        }
        assertMarkerNeverAppears(marker, "unexpected StartJob before authentication");
    }

    @Test
    void aPayloadSentInsteadOfTheHelloIsNeverDecoded() throws Exception {
        Path marker = daemons.dir().resolve("first-frame-marker");
        try (Socket s = connect()) {
            send(s, new StartJob(2, 1, "hash", markerPayload(marker)));
            assertRefused(s, "unexpected StartJob before authentication");
        }
        assertMarkerNeverAppears(marker, "unexpected StartJob before authentication");
    }

    @Test
    void aWrongProofIsRefusedByTheRunningDaemon() throws Exception {
        // README "Security": a peer without the secret is refused (here the daemon refuses, not the shell).
        try (Socket s = connect()) {
            send(s, new Hello(ProtocolVersion.CURRENT, Handshake.nonce()));
            assertInstanceOf(Challenge.class, read(s));
            send(s, new Proof(new byte[Handshake.NONCE_BYTES]));
            assertRefused(s, "authentication failed: the shell does not have this worker's secret");
        }
        daemons.daemon().awaitLog("authentication failed: the shell does not have this worker's secret", 30);
        daemons.daemon().assertServesAShell(daemons.secret());
    }

    /** README "Security": nothing a peer sends is decoded before it has authenticated. */
    private static void assertMarkerNeverAppears(Path marker, String refusal) throws Exception {
        daemons.daemon().awaitLog(refusal, 30);
        // look again after the refused connection is gone and a shell has been served in the same process
        daemons.daemon().assertServesAShell(daemons.secret());
        assertFalse(Files.exists(marker), "the worker deserialized a payload before authentication:\n" + daemons.daemon().log());
    }

    private static byte[] markerPayload(Path marker) {
        return PayloadCodec.forLoader(DaemonAuthenticationIT.class.getClassLoader()).encode(new DecodingMarker(marker));
    }

    private static void assertRefused(Socket s, String reason) throws IOException {
        Message reply = read(s);
        assertInstanceOf(Refused.class, reply, "reply: " + reply);
        assertEquals(reason, ((Refused) reply).reason());
        assertEquals(-1, s.getInputStream().read(), "the worker closes the connection after refusing, sending nothing more");
    }

    private static Socket connect() throws IOException {
        Socket s = new Socket(daemons.daemon().host(), daemons.daemon().port());
        s.setSoTimeout(READ_TIMEOUT_MILLIS);
        return s;
    }

    private static void send(Socket s, Message m) throws IOException {
        ByteBuf body = Unpooled.buffer();
        MessageCodec.encode(m, body);
        DataOutputStream out = new DataOutputStream(s.getOutputStream());
        out.writeInt(body.readableBytes());
        out.write(body.array(), body.arrayOffset() + body.readerIndex(), body.readableBytes());
        out.flush();
    }

    private static Message read(Socket s) throws IOException {
        DataInputStream data = new DataInputStream(s.getInputStream());
        byte[] frame = new byte[data.readInt()];
        data.readFully(frame);
        return MessageCodec.decode(Unpooled.wrappedBuffer(frame));
    }
}
