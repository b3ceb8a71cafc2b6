package org.parshell.worker;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parshell.protocol.ProtocolVersion;
import org.parshell.protocol.auth.Handshake;
import org.parshell.protocol.auth.SessionKeys;
import org.parshell.protocol.auth.SharedSecret;
import org.parshell.protocol.codec.FrameDecoder;
import org.parshell.protocol.codec.MessageCodec;
import org.parshell.protocol.codec.Pipelines;
import org.parshell.protocol.message.Challenge;
import org.parshell.protocol.message.ClassDefinition;
import org.parshell.protocol.message.DefineBundle;
import org.parshell.protocol.message.Heartbeat;
import org.parshell.protocol.message.Hello;
import org.parshell.protocol.message.Message;
import org.parshell.protocol.message.Proof;
import org.parshell.protocol.message.Refused;
import org.parshell.protocol.message.RunChunk;
import org.parshell.protocol.message.Welcome;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worker's pipeline below the session, fed bytes as a peer would send them. */
class AuthenticationHandlerTest {
    private final SharedSecret secret = SharedSecret.random();
    private final ThreadPoolExecutor tasks = (ThreadPoolExecutor) Executors.newFixedThreadPool(1);
    private final EmbeddedChannel channel = new EmbeddedChannel();

    AuthenticationHandlerTest() {
        Pipelines.addCodec(channel.pipeline());
        Welcome welcome = new Welcome("test", 1, 1, "17");
        channel.pipeline().addLast("auth", new AuthenticationHandler(new Handshake(secret),
                ctx -> new SessionHandler(ctx, tasks, new StuckTasks(tasks), welcome)));
    }

    @AfterEach
    void stop() {
        channel.finishAndReleaseAll();
        tasks.shutdownNow();
    }

    @Test
    void aShellWithTheSecretIsWelcomedAndItsFramesMayThenBeLarge() {
        Handshake handshake = new Handshake(secret);
        byte[] shellNonce = Handshake.nonce();
        send(new Hello(ProtocolVersion.CURRENT, shellNonce));
        Challenge challenge = assertInstanceOf(Challenge.class, reply());
        assertTrue(Handshake.matches(handshake.workerProof(shellNonce, challenge.workerNonce()), challenge.workerProof()));
        send(new Proof(handshake.shellProof(shellNonce, challenge.workerNonce())));
        EmbeddedChannel shell = shellSide(handshake.sessionKeys(shellNonce, challenge.workerNonce()));
        assertInstanceOf(Welcome.class, replyTo(shell));
        assertNull(channel.pipeline().get(AuthenticationHandler.class));
        sendFrom(shell, new DefineBundle(1, "hash", List.of(new ClassDefinition("Big", new byte[2 * FrameDecoder.HANDSHAKE_LIMIT]))));
        sendFrom(shell, new Heartbeat(42));
        assertEquals(new Heartbeat(42), replyTo(shell));
        assertTrue(channel.isActive());
    }

    @Test
    void anUntaggedFrameAfterTheHandshakeCloses() {
        Handshake handshake = new Handshake(secret);
        byte[] shellNonce = Handshake.nonce();
        send(new Hello(ProtocolVersion.CURRENT, shellNonce));
        Challenge challenge = assertInstanceOf(Challenge.class, reply());
        send(new Proof(handshake.shellProof(shellNonce, challenge.workerNonce())));
        channel.readOutbound(); // the Welcome
        send(new Heartbeat(42));
        assertNull(channel.readOutbound());
        assertFalse(channel.isActive());
    }

    /** The shell's half of the session: encodes and tags what it sends, checks and decodes what it gets. */
    private static EmbeddedChannel shellSide(SessionKeys keys) {
        EmbeddedChannel shell = new EmbeddedChannel();
        Pipelines.addCodec(shell.pipeline());
        Pipelines.authenticated(shell.pipeline(), keys.shellToWorker(), keys.workerToShell());
        return shell;
    }

    private void sendFrom(EmbeddedChannel shell, Message message) {
        shell.writeOutbound(message);
        channel.writeInbound((ByteBuf) shell.readOutbound());
    }

    private Message replyTo(EmbeddedChannel shell) {
        shell.writeInbound((ByteBuf) channel.readOutbound());
        return shell.readInbound();
    }

    @Test
    void aWrongProofIsRefusedAndCloses() {
        send(new Hello(ProtocolVersion.CURRENT, Handshake.nonce()));
        assertInstanceOf(Challenge.class, reply());
        send(new Proof(new byte[32]));
        Refused refused = assertInstanceOf(Refused.class, reply());
        assertTrue(refused.reason().contains("authentication failed"), refused.reason());
        assertFalse(channel.isActive());
    }

    @Test
    void anotherProtocolVersionIsRefused() {
        send(new Hello(ProtocolVersion.CURRENT + 1, Handshake.nonce()));
        assertTrue(assertInstanceOf(Refused.class, reply()).reason().contains("protocol version"));
        assertFalse(channel.isActive());
    }

    @Test
    void aShortNonceIsRefused() {
        send(new Hello(ProtocolVersion.CURRENT, new byte[4]));
        assertTrue(assertInstanceOf(Refused.class, reply()).reason().contains("nonce"));
        assertFalse(channel.isActive());
    }

    @Test
    void workBeforeAuthenticationIsRefused() {
        send(new RunChunk(1, 0, new byte[]{1, 2, 3}));
        assertEquals(new Refused("unexpected RunChunk before authentication"), reply());
        assertFalse(channel.isActive());
    }

    @Test
    void anHttpRequestClosesTheConnectionWithoutAnswer() {
        channel.writeInbound(Unpooled.copiedBuffer("GET / HTTP/1.1\r\n\r\n", StandardCharsets.US_ASCII));
        assertNull(channel.readOutbound());
        assertFalse(channel.isActive());
    }

    @Test
    void aFrameOverTheHandshakeLimitCloses() {
        ByteBuf frame = Unpooled.buffer().writeInt(FrameDecoder.HANDSHAKE_LIMIT + 1);
        channel.writeInbound(frame);
        assertFalse(channel.isActive());
    }

    @Test
    void anUnknownMessageTypeCloses() {
        channel.writeInbound(Unpooled.buffer().writeInt(3).writeByte(99).writeShort(0));
        assertFalse(channel.isActive());
    }

    private void send(Message message) {
        ByteBuf body = Unpooled.buffer();
        MessageCodec.encode(message, body);
        channel.writeInbound(Unpooled.buffer().writeInt(body.readableBytes()).writeBytes(body));
    }

    private Message reply() {
        ByteBuf out = channel.readOutbound();
        try {
            assertEquals(out.readableBytes() - 4, out.readInt(), "a frame is its length, then its body");
            return MessageCodec.decode(out);
        } finally {
            out.release();
        }
    }
}
