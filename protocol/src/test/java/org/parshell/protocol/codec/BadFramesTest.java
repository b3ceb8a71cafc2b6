package org.parshell.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import org.junit.jupiter.api.Test;
import org.parshell.protocol.message.CancelJob;
import org.parshell.protocol.message.Challenge;
import org.parshell.protocol.message.ChunkDone;
import org.parshell.protocol.message.ChunkFailed;
import org.parshell.protocol.message.ClassDefinition;
import org.parshell.protocol.message.DefineBundle;
import org.parshell.protocol.message.EndJob;
import org.parshell.protocol.message.Heartbeat;
import org.parshell.protocol.message.Hello;
import org.parshell.protocol.message.Message;
import org.parshell.protocol.message.Proof;
import org.parshell.protocol.message.Refused;
import org.parshell.protocol.message.RemoteFailure;
import org.parshell.protocol.message.RunChunk;
import org.parshell.protocol.message.RunJob;
import org.parshell.protocol.message.RunKnownJob;
import org.parshell.protocol.message.StartJob;
import org.parshell.protocol.message.UnknownFunction;
import org.parshell.protocol.message.Welcome;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Truncated, oversized and randomly damaged frames of every message type: each is decoded or refused
 * with a {@link ProtocolException} (or a frame-length error), never anything else. Seeded, so a
 * failure repeats; {@link DecoderFuzzTest} explores further with Jazzer.
 */
class BadFramesTest {
    private static final long SEED = 20261125L;
    private static final int MUTATIONS_PER_MESSAGE = 20_000;

    private static final String HASH = "0123456789abcdef".repeat(4);

    static List<Message> everyMessageType() {
        RemoteFailure cause = new RemoteFailure("java.lang.Error", null, List.of(), null);
        RemoteFailure failure = new RemoteFailure("java.lang.IllegalStateException", "no é",
                List.of(new RemoteFailure.Frame("REPL.$JShell$3", "f", "#3", 1), new RemoteFailure.Frame("x.Y", "g", null, -1)), cause);
        return List.of(
                new Hello(1, new byte[16]), new Challenge(new byte[16], new byte[32]), new Proof(new byte[32]),
                new Welcome("host", 42, 2, "17.0.15"), new Refused("no"),
                new DefineBundle(1, "abc", List.of(new ClassDefinition("REPL.$JShell$1", new byte[] {1, 2, 3}))),
                new StartJob(7, 1, "abc", new byte[] {9, 9}), new RunChunk(7, 3, new byte[] {1, 0, 0, 0, 1, 0, 0, 0, 5}),
                new RunJob(8, 1, "abc", new byte[] {9, 9}, new byte[] {1, 0, 0, 0, 1, 0, 0, 0, 5}),
                new RunKnownJob(9, 1, HASH, new byte[] {1, 0, 0, 0, 1, 0, 0, 0, 5}), new UnknownFunction(9),
                new ChunkDone(7, 3, new byte[] {1}), new ChunkFailed(7, 3, failure), new EndJob(7), new CancelJob(7),
                new Heartbeat(123456789L));
    }

    @Test
    void everyTruncationOfEveryMessageIsRefused() {
        for (Message m : everyMessageType()) {
            byte[] body = body(m);
            for (int length = 0; length < body.length; length++) {
                ByteBuf cut = Unpooled.wrappedBuffer(body, 0, length);
                ProtocolException e = assertThrows(ProtocolException.class, () -> MessageCodec.decode(cut),
                        m.getClass().getSimpleName() + " cut to " + length + " bytes");
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            }
            assertEquals(m.getClass(), MessageCodec.decode(Unpooled.wrappedBuffer(body)).getClass());
        }
    }

    @Test
    void extraBytesAfterAMessageAreRefused() {
        for (Message m : everyMessageType()) {
            byte[] body = body(m);
            byte[] longer = java.util.Arrays.copyOf(body, body.length + 1);
            ProtocolException e = assertThrows(ProtocolException.class, () -> MessageCodec.decode(Unpooled.wrappedBuffer(longer)));
            assertTrue(e.getMessage().contains("unexpected bytes at the end"), e.getMessage());
        }
    }

    @Test
    void aKnownJobNamesItsFunctionByExactlyOneHash() {
        RunKnownJob job = new RunKnownJob(9, 1, HASH, new byte[] {1});
        assertEquals(HASH, ((RunKnownJob) MessageCodec.decode(Unpooled.wrappedBuffer(body(job)))).functionHash());
        for (String bad : List.of("", HASH.substring(1), HASH + "0", HASH.toUpperCase(), HASH.replace('f', 'g'))) {
            byte[] body = body(new RunKnownJob(9, 1, bad, new byte[] {1}));
            ProtocolException e = assertThrows(ProtocolException.class, () -> MessageCodec.decode(Unpooled.wrappedBuffer(body)), bad);
            assertTrue(e.getMessage().contains("a function hash must be 64 lowercase hex digits"), e.getMessage());
        }
    }

    @Test
    void randomlyDamagedMessagesDecodeOrAreRefused() {
        Random random = new Random(SEED);
        for (Message m : everyMessageType()) {
            byte[] body = body(m);
            Outcomes outcomes = new Outcomes();
            for (int i = 0; i < MUTATIONS_PER_MESSAGE; i++) {
                byte[] damaged = body.clone();
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
                }
                outcomes.decodeOrRefuse(damaged);
            }
            assertTrue(outcomes.refused > 0, m.getClass().getSimpleName() + ": some damage is refused");
        }
    }

    @Test
    void randomBytesAreRefused() {
        Random random = new Random(SEED);
        Outcomes outcomes = new Outcomes();
        for (int i = 0; i < 100_000; i++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            outcomes.decodeOrRefuse(bytes);
        }
        assertTrue(outcomes.refused > 90_000, "random bytes are nearly always refused: " + outcomes.refused + " of 100000");
    }

    /**
     * Each input either decodes to a message that encodes back to the very same bytes (nothing was
     * silently skipped or made up), or is refused with a ProtocolException that says why; any other
     * exception escapes and fails the test.
     */
    private static final class Outcomes {
        int refused;

        void decodeOrRefuse(byte[] bytes) {
            Message decoded;
            try {
                decoded = MessageCodec.decode(Unpooled.wrappedBuffer(bytes));
            } catch (ProtocolException e) {
                assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a refusal says why");
                refused++;
                return;
            }
            assertArrayEquals(bytes, body(decoded), "re-encoding " + decoded.getClass().getSimpleName());
        }
    }

    @Test
    void aFrameOverTheLimitIsRefusedBeforeItIsBuffered() {
        EmbeddedChannel beforeAuthentication = channel();
        DecoderException e = assertThrows(DecoderException.class,
                () -> beforeAuthentication.writeInbound(Unpooled.buffer().writeInt(FrameDecoder.HANDSHAKE_LIMIT + 1).writeByte(1)));
        assertTrue(e instanceof TooLongFrameException, e.toString());
        assertTrue(e.getMessage().contains("exceeds the limit of " + FrameDecoder.HANDSHAKE_LIMIT), e.getMessage());

        EmbeddedChannel session = channel();
        Pipelines.authenticated(session.pipeline(), KEY, KEY);
        int sessionLimit = FrameDecoder.SESSION_LIMIT + FrameAuthenticator.TAG_BYTES;
        e = assertThrows(DecoderException.class,
                () -> session.writeInbound(Unpooled.buffer().writeInt(sessionLimit + 1).writeByte(1)));
        assertTrue(e.getMessage().contains("exceeds the limit of " + sessionLimit), e.getMessage());

        EmbeddedChannel negative = channel();
        assertThrows(DecoderException.class, () -> negative.writeInbound(Unpooled.buffer().writeInt(-5).writeByte(1)));
    }

    @Test
    void aFrameSplitAnywhereStillDecodesToTheSameMessage() {
        for (Message m : everyMessageType()) {
            EmbeddedChannel sender = channel();
            Pipelines.authenticated(sender.pipeline(), KEY, KEY);
            sender.writeOutbound(m);
            ByteBuf frame = sender.readOutbound();
            byte[] bytes = new byte[frame.readableBytes()];
            frame.readBytes(bytes);
            frame.release();
            for (int cut = 0; cut <= bytes.length; cut++) {
                EmbeddedChannel ch = channel();
                Pipelines.authenticated(ch.pipeline(), KEY, KEY);
                ch.writeInbound(Unpooled.wrappedBuffer(bytes, 0, cut));
                ch.writeInbound(Unpooled.wrappedBuffer(bytes, cut, bytes.length - cut));
                Object decoded = ch.readInbound();
                assertEquals(m.getClass(), decoded == null ? null : decoded.getClass(), "cut at " + cut);
            }
        }
    }

    private static final byte[] KEY = new byte[32];

    private static EmbeddedChannel channel() {
        EmbeddedChannel ch = new EmbeddedChannel();
        Pipelines.addCodec(ch.pipeline());
        return ch;
    }

    static byte[] body(Message m) {
        ByteBuf buf = Unpooled.buffer();
        MessageCodec.encode(m, buf);
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        return bytes;
    }
}
