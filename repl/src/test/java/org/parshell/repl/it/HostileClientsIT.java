package org.parshell.repl.it;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parshell.protocol.codec.MessageCodec;
import org.parshell.protocol.message.Message;
import org.parshell.protocol.message.Refused;
import org.parshell.protocol.message.StartJob;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * What a worker daemon does with peers that are not shells: each bad connection is logged and
 * closed, nothing of it is deserialized, and the next good shell is served as usual. Each test has a
 * daemon (and so a log) of its own, so no test can pass on a line another one caused.
 */
class HostileClientsIT {
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    @RegisterExtension
    final Daemons daemons = Daemons.forEachTest(1);

    @Test
    void randomBytesCloseTheConnection() throws Exception {
        byte[] garbage = new byte[512];
        new Random(4).nextBytes(garbage);
        garbage[0] = (byte) 0x9c; // a negative length, whatever the seed gives
        try (Socket s = connect()) {
            s.getOutputStream().write(garbage);
            assertClosedByTheWorker(s);
        }
        daemons.daemon().awaitLog("exceeds the limit", 30);
        daemons.daemon().assertServesAShell(daemons.secret());
    }

    @Test
    void anHttpRequestClosesTheConnection() throws Exception {
        try (Socket s = connect()) {
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertClosedByTheWorker(s);
        }
        daemons.daemon().awaitLog("frame of 1195725856 bytes exceeds the limit of 4096", 30);
        daemons.daemon().assertServesAShell(daemons.secret());
    }

    @Test
    void aFrameOverTheHandshakeLimitClosesTheConnection() throws Exception {
        try (Socket s = connect()) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(4097);
            out.write(new byte[16]); // the length alone is refused: the rest would never be read
            assertClosedByTheWorker(s);
        }
        daemons.daemon().awaitLog("frame of 4097 bytes exceeds the limit of 4096", 30);
        daemons.daemon().assertServesAShell(daemons.secret());
    }

    @Test
    void aTruncatedFrameIsDroppedWithTheConnection() throws Exception {
        try (Socket s = connect()) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(100);
            out.write(new byte[10]);
            s.shutdownOutput();
            assertClosedByTheWorker(s);
        }
        daemons.daemon().awaitLog("closed the connection before authenticating", 30);
        daemons.daemon().assertServesAShell(daemons.secret());
    }

    @Test
    void workBeforeAuthenticationIsRefusedUnread() throws Exception {
        // A well-formed StartJob whose payload would go to FST if anything decoded it before authentication.
        ByteBuf body = Unpooled.buffer();
        MessageCodec.encode(new StartJob(1, 1, "hash", new byte[]{1, 2, 3, 4}), body);
        try (Socket s = connect()) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(body.readableBytes());
            out.write(body.array(), body.arrayOffset() + body.readerIndex(), body.readableBytes());
            out.flush();
            Message reply = readFrame(s.getInputStream());
            assertInstanceOf(Refused.class, reply);
            assertEquals("unexpected StartJob before authentication", ((Refused) reply).reason());
            assertClosedByTheWorker(s);
        }
        daemons.daemon().assertServesAShell(daemons.secret());
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(daemons.daemon().host(), daemons.daemon().port());
        s.setSoTimeout(READ_TIMEOUT_MILLIS);
        return s;
    }

    /**
     * Reads until end of stream: the worker closes the connection in an orderly way, and sends a
     * peer that never authenticated nothing beyond what the protocol says (at most the Refused frame
     * the caller has already read). A reset is not a close: it fails the test.
     */
    private static void assertClosedByTheWorker(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0; ) {
            rest.write(b);
        }
        assertEquals(0, rest.size(), "the worker sent " + rest.size() + " bytes to a peer that never authenticated");
    }

    private static Message readFrame(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] frame = new byte[data.readInt()];
        data.readFully(frame);
        return MessageCodec.decode(Unpooled.wrappedBuffer(frame));
    }
}
