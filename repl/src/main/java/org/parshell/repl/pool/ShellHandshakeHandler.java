package org.parshell.repl.pool;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.parshell.protocol.ProtocolVersion;
import org.parshell.protocol.auth.Handshake;
import org.parshell.protocol.codec.Pipelines;
import org.parshell.protocol.message.Challenge;
import org.parshell.protocol.message.Hello;
import org.parshell.protocol.message.Message;
import org.parshell.protocol.message.Proof;
import org.parshell.protocol.message.Refused;
import org.parshell.protocol.message.Welcome;

import java.util.concurrent.CompletableFuture;

/**
 * The shell's side of the handshake: says {@link Hello}, checks that the worker's proof shows it
 * knows the secret before proving its own, and completes {@code welcome} or fails it with the
 * reason the worker gave.
 */
final class ShellHandshakeHandler extends SimpleChannelInboundHandler<Message> {
    private final Handshake handshake;
    private final CompletableFuture<Welcome> welcome;
    private final byte[] shellNonce = Handshake.nonce();

    ShellHandshakeHandler(Handshake handshake, CompletableFuture<Welcome> welcome) {
        this.handshake = handshake;
        this.welcome = welcome;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(new Hello(ProtocolVersion.CURRENT, shellNonce));
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Message message) {
        if (message instanceof Challenge c) {
            if (!Handshake.matches(handshake.workerProof(shellNonce, c.workerNonce()), c.workerProof())) {
                fail(ctx, "the worker does not know our secret (check --secret-file)");
                return;
            }
            ctx.writeAndFlush(new Proof(handshake.shellProof(shellNonce, c.workerNonce())));
        } else if (message instanceof Welcome w) {
            Pipelines.authenticated(ctx.pipeline());
            ctx.pipeline().remove(this);
            welcome.complete(w);
        } else if (message instanceof Refused r) {
            fail(ctx, "the worker refused: " + r.reason());
        } else {
            fail(ctx, "unexpected " + message.getClass().getSimpleName() + " during the handshake");
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        welcome.completeExceptionally(new WorkerException("the worker closed the connection during the handshake"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, "handshake failed: " + cause.getMessage());
    }

    private void fail(ChannelHandlerContext ctx, String reason) {
        welcome.completeExceptionally(new WorkerException(reason));
        ctx.close();
    }
}
