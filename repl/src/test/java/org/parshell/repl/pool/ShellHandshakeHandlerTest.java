package org.parshell.repl.pool;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.parshell.protocol.ProtocolVersion;
import org.parshell.protocol.auth.Handshake;
import org.parshell.protocol.auth.SharedSecret;
import org.parshell.protocol.codec.MessageCodec;
import org.parshell.protocol.codec.Pipelines;
import org.parshell.protocol.message.Challenge;
import org.parshell.protocol.message.Hello;
import org.parshell.protocol.message.Message;
import org.parshell.protocol.message.Proof;
import org.parshell.protocol.message.Refused;
import org.parshell.protocol.message.Welcome;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shell's side of the handshake against a peer that may be an impostor. */
class ShellHandshakeHandlerTest {
    private final SharedSecret secret = SharedSecret.random();
    private final CompletableFuture<Welcome> welcome = new CompletableFuture<>();
    private final EmbeddedChannel channel = new EmbeddedChannel();

    ShellHandshakeHandlerTest() {
        Pipelines.addCodec(channel.pipeline());
        channel.pipeline().addLast(new ShellHandshakeHandler(new Handshake(secret), welcome, false));
        channel.pipeline().fireChannelActive();
    }

    @Test
    void aWorkerWithTheSecretIsAcceptedAfterItsProof() throws Exception {
        Hello hello = assertInstanceOf(Hello.class, sent());
        assertEquals(ProtocolVersion.CURRENT, hello.version());
        Handshake worker = new Handshake(secret);
        byte[] workerNonce = Handshake.nonce();
        receive(new Challenge(workerNonce, worker.workerProof(hello.shellNonce(), workerNonce)));
        Proof proof = assertInstanceOf(Proof.class, sent());
        assertTrue(Handshake.matches(worker.shellProof(hello.shellNonce(), workerNonce), proof.shellProof()));
        byte[] workerKey = worker.sessionKeys(hello.shellNonce(), workerNonce).workerToShell();
        channel.writeInbound(tagged(new Welcome("h", 7, 2, "17"), workerKey));
        assertEquals(7, welcome.get().pid());
    }

    @Test
    void anUntaggedWelcomeAfterTheProofIsNotAccepted() {
        Hello hello = assertInstanceOf(Hello.class, sent());
        Handshake worker = new Handshake(secret);
        byte[] workerNonce = Handshake.nonce();
        receive(new Challenge(workerNonce, worker.workerProof(hello.shellNonce(), workerNonce)));
        sent();
        receive(new Welcome("relay", 7, 2, "17"));
        assertTrue(failure().contains("failed authentication"), failure());
        assertFalse(channel.isActive());
    }

    @Test
    void aWelcomeIsCheckedBeforeTheShellUsesIt() throws Exception {
        assertEquals("h?[31mred?", welcomeAfterProof(new Welcome("h\u001b[31mred\u0007", 7, 2, "17")).get().host());
        for (int threads : new int[]{0, -1, ShellHandshakeHandler.MAX_THREADS + 1, Integer.MAX_VALUE}) {
            CompletableFuture<Welcome> w = welcomeAfterProof(new Welcome("h", 7, threads, "17"));
            ExecutionException e = assertThrows(ExecutionException.class, w::get);
            assertTrue(e.getCause().getMessage().contains("claims " + threads + " task threads"), e.getMessage());
        }
    }

    /** A fresh handshake with a worker that knows the secret and then says {@code message}. */
    private CompletableFuture<Welcome> welcomeAfterProof(Welcome message) {
        CompletableFuture<Welcome> result = new CompletableFuture<>();
        EmbeddedChannel shell = new EmbeddedChannel();
        Pipelines.addCodec(shell.pipeline());
        shell.pipeline().addLast(new ShellHandshakeHandler(new Handshake(secret), result, false));
        shell.pipeline().fireChannelActive();
        ByteBuf helloFrame = shell.readOutbound();
        helloFrame.readInt();
        Hello hello = (Hello) MessageCodec.decode(helloFrame);
        Handshake worker = new Handshake(secret);
        byte[] workerNonce = Handshake.nonce();
        ByteBuf body = Unpooled.buffer();
        MessageCodec.encode(new Challenge(workerNonce, worker.workerProof(hello.shellNonce(), workerNonce)), body);
        shell.writeInbound(Unpooled.buffer().writeInt(body.readableBytes()).writeBytes(body));
        shell.writeInbound(tagged(message, worker.sessionKeys(hello.shellNonce(), workerNonce).workerToShell()));
        return result;
    }

    /** A frame as the worker's pipeline writes it once the handshake is done. */
    static ByteBuf tagged(Message message, byte[] sendKey) {
        EmbeddedChannel peer = new EmbeddedChannel();
        Pipelines.addCodec(peer.pipeline());
        Pipelines.authenticated(peer.pipeline(), sendKey, new byte[32]);
        peer.writeOutbound(message);
        return peer.readOutbound();
    }

    @Test
    void aWelcomeWithoutAProofIsNotAccepted() {
        sent();
        receive(new Welcome("impostor", 1, 1, "17"));
        assertTrue(failure().contains("unexpected Welcome"));
        assertFalse(channel.isActive());
    }

    @Test
    void aWorkerWithAnotherSecretGetsNoProof() {
        Hello hello = assertInstanceOf(Hello.class, sent());
        byte[] workerNonce = Handshake.nonce();
        receive(new Challenge(workerNonce, new Handshake(SharedSecret.random()).workerProof(hello.shellNonce(), workerNonce)));
        assertTrue(failure().contains("authentication failed: the worker's secret differs from ours"));
        assertNull(channel.readOutbound(), "no proof is sent to a peer that has not proven itself");
    }

    @Test
    void aRefusalReachesTheTerminalWithoutControlCharacters() {
        sent();
        receive(new Refused("bad\u001b[2J\u0007 news"));
        assertEquals("the worker refused: bad?[2J? news", failure());
    }

    private String failure() {
        ExecutionException e = assertThrows(ExecutionException.class, welcome::get);
        return e.getCause().getMessage();
    }

    private void receive(Message message) {
        ByteBuf body = Unpooled.buffer();
        MessageCodec.encode(message, body);
        channel.writeInbound(Unpooled.buffer().writeInt(body.readableBytes()).writeBytes(body));
    }

    private Message sent() {
        ByteBuf out = channel.readOutbound();
        try {
            out.readInt();
            return MessageCodec.decode(out);
        } finally {
            out.release();
        }
    }
}
