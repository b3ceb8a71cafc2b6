package org.parshell.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.parshell.protocol.auth.Handshake;
import org.parshell.protocol.auth.SessionKeys;
import org.parshell.protocol.auth.SharedSecret;
import org.parshell.protocol.message.EndJob;
import org.parshell.protocol.message.Message;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Frames tagged by one side's pipeline, fed to the other's, as a relay in between would change them. */
class FrameAuthenticatorTest {
    private final SessionKeys keys = new Handshake(SharedSecret.random()).sessionKeys(Handshake.nonce(), Handshake.nonce());

    @Test
    void framesInOrderAndUntouchedAreAccepted() {
        List<byte[]> frames = shellFrames(3);
        EmbeddedChannel worker = worker();
        frames.forEach(f -> worker.writeInbound(Unpooled.wrappedBuffer(f)));
        for (long id = 0; id < 3; id++) {
            assertEquals(new EndJob(id), worker.readInbound());
        }
    }

    @Test
    void anyBitFlippedIsDetected() {
        byte[] frame = shellFrames(1).get(0);
        // bits of the length field move the frame's end: the frame then includes or lacks tag bytes, which fails alike
        // once those bytes have arrived; here the test flips every bit after it
        for (int bit = 32; bit < frame.length * 8; bit += 7) {
            byte[] altered = frame.clone();
            altered[bit / 8] ^= (byte) (1 << (bit % 8));
            EmbeddedChannel worker = worker();
            assertThrows(Exception.class, () -> worker.writeInbound(Unpooled.wrappedBuffer(altered)), "bit " + bit);
            assertNull(worker.readInbound(), "bit " + bit);
        }
    }

    @Test
    void aReplayedFrameIsDetected() {
        List<byte[]> frames = shellFrames(1);
        EmbeddedChannel worker = worker();
        worker.writeInbound(Unpooled.wrappedBuffer(frames.get(0)));
        assertEquals(new EndJob(0), worker.readInbound());
        assertRefused(worker, frames.get(0));
    }

    @Test
    void reorderedOrDroppedFramesAreDetected() {
        List<byte[]> frames = shellFrames(2);
        assertRefused(worker(), frames.get(1));
    }

    @Test
    void aFrameFromTheOtherDirectionOrAnotherConnectionIsDetected() {
        EmbeddedChannel workerSide = worker();
        workerSide.writeOutbound(new EndJob(0));
        ByteBuf reflected = workerSide.readOutbound();
        assertRefused(worker(), bytes(reflected));

        SessionKeys other = new Handshake(SharedSecret.random()).sessionKeys(Handshake.nonce(), Handshake.nonce());
        EmbeddedChannel stranger = channel(other.shellToWorker(), other.workerToShell());
        stranger.writeOutbound(new EndJob(0));
        assertRefused(worker(), bytes(stranger.readOutbound()));
    }

    @Test
    void anUntaggedFrameIsDetected() {
        byte[] body = BadFramesTest.body(new EndJob(0));
        assertRefused(worker(), bytes(Unpooled.buffer().writeInt(body.length).writeBytes(body)));
    }

    @Test
    void nothingIsBelievedAfterABadFrame() {
        List<byte[]> frames = shellFrames(2);
        EmbeddedChannel worker = worker();
        byte[] bad = frames.get(0).clone();
        bad[bad.length - 1] ^= 1;
        assertThrows(ProtocolException.class, () -> worker.writeInbound(Unpooled.wrappedBuffer(bad)));
        worker.writeInbound(Unpooled.wrappedBuffer(frames.get(0)));
        worker.writeInbound(Unpooled.wrappedBuffer(frames.get(1)));
        assertNull(worker.readInbound());
    }

    private static void assertRefused(EmbeddedChannel receiver, byte[] frame) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> receiver.writeInbound(Unpooled.wrappedBuffer(frame)));
        assertTrue(e.getMessage().contains("failed authentication"), e.getMessage());
        Message m = receiver.readInbound();
        assertNull(m);
        assertFalse(receiver.inboundMessages().stream().anyMatch(Message.class::isInstance));
    }

    private List<byte[]> shellFrames(int n) {
        EmbeddedChannel shell = channel(keys.shellToWorker(), keys.workerToShell());
        List<byte[]> frames = new ArrayList<>();
        for (long id = 0; id < n; id++) {
            shell.writeOutbound(new EndJob(id));
            frames.add(bytes(shell.readOutbound()));
        }
        return frames;
    }

    private EmbeddedChannel worker() {
        return channel(keys.workerToShell(), keys.shellToWorker());
    }

    private static EmbeddedChannel channel(byte[] send, byte[] receive) {
        EmbeddedChannel ch = new EmbeddedChannel();
        Pipelines.addCodec(ch.pipeline());
        Pipelines.authenticated(ch.pipeline(), send, receive);
        return ch;
    }

    private static byte[] bytes(ByteBuf buf) {
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        buf.release();
        return bytes;
    }
}
