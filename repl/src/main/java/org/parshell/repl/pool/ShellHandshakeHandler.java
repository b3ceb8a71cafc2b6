package org.parshell.repl.pool;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.parshell.protocol.ConnectionFailure;
import org.parshell.protocol.ProtocolVersion;
import org.parshell.protocol.auth.Handshake;
import org.parshell.protocol.auth.SessionKeys;
import org.parshell.protocol.codec.Pipelines;
import org.parshell.protocol.message.Challenge;
import org.parshell.protocol.message.Hello;
import org.parshell.protocol.message.Message;
import org.parshell.protocol.message.Proof;
import org.parshell.protocol.message.Refused;
import org.parshell.protocol.message.Welcome;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The shell's side of the handshake: says {@link Hello}, checks that the worker's proof shows it
 * knows the secret before proving its own, and completes {@code welcome} or fails it with the
 * reason the worker gave. A {@link Welcome} counts only after the worker has proven itself.
 */
final class ShellHandshakeHandler extends SimpleChannelInboundHandler<Message> {
    private static final long HANDSHAKE_SECONDS = 15;
    private static final int MAX_REASON = 300;
    /** More task threads than any machine has: the shell sizes its in-flight chunks by this number. */
    static final int MAX_THREADS = 4096;

    private enum State { SENT_HELLO, SENT_PROOF, DONE }

    private final Handshake handshake;
    private final CompletableFuture<Welcome> welcome;
    private final boolean tls;
    private final byte[] shellNonce = Handshake.nonce();
    private State state = State.SENT_HELLO;

    ShellHandshakeHandler(Handshake handshake, CompletableFuture<Welcome> welcome, boolean tls) {
        this.handshake = handshake;
        this.welcome = welcome;
        this.tls = tls;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(new Hello(ProtocolVersion.CURRENT, shellNonce));
        ctx.executor().schedule(() -> {
            if (state != State.DONE) {
                fail(ctx, "no answer to the handshake within " + HANDSHAKE_SECONDS + " s (is that a parshell worker?)");
            }
        }, HANDSHAKE_SECONDS, TimeUnit.SECONDS);
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Message message) {
        if (message instanceof Challenge c && state == State.SENT_HELLO) {
            if (!Handshake.isNonce(c.workerNonce())
                    || !Handshake.matches(handshake.workerProof(shellNonce, c.workerNonce()), c.workerProof())) {
                fail(ctx, "authentication failed: the worker's secret differs from ours (check --secret-file)");
                return;
            }
            state = State.SENT_PROOF;
            ctx.writeAndFlush(new Proof(handshake.shellProof(shellNonce, c.workerNonce())));
            // the Proof has passed the encoder (we are on the event loop): every later frame is tagged
            SessionKeys keys = handshake.sessionKeys(shellNonce, c.workerNonce());
            Pipelines.authenticated(ctx.pipeline(), keys.shellToWorker(), keys.workerToShell());
        } else if (message instanceof Welcome w && state == State.SENT_PROOF) {
            if (w.threads() < 1 || w.threads() > MAX_THREADS) {
                fail(ctx, "the worker claims " + w.threads() + " task threads; 1 to " + MAX_THREADS + " are believed");
                return;
            }
            state = State.DONE;
            ctx.pipeline().remove(this);
            welcome.complete(new Welcome(printable(w.host()), w.pid(), w.threads(), printable(w.jdk()), printable(w.parshell())));
        } else if (message instanceof Refused r) {
            fail(ctx, "the worker refused: " + printable(r.reason()));
        } else {
            fail(ctx, "unexpected " + message.getClass().getSimpleName() + " during the handshake");
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        welcome.completeExceptionally(new WorkerException("the worker closed the connection during the handshake"
                + (tls ? " (does it serve TLS? start it with --tls-cert and --tls-key)"
                       : " (if it serves TLS, give the shell --tls-trust)")));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, describe(cause));
    }

    private static String describe(Throwable thrown) {
        ConnectionFailure failure = ConnectionFailure.of(thrown);
        return switch (failure.kind()) {
            case NOT_TLS -> "the worker does not speak TLS (start it with --tls-cert and --tls-key, or attach without --tls-trust)";
            case TLS -> "TLS handshake failed, the worker's certificate is not trusted (check --tls-trust): "
                    + failure.cause().getMessage();
            case OTHER -> "handshake failed: " + thrown.getMessage();
        };
    }

    /** A worker's text (before or after authentication) reaches the terminal without control characters, and short. */
    static String printable(String text) {
        return WorkerText.line(text, MAX_REASON);
    }

    private void fail(ChannelHandlerContext ctx, String reason) {
        state = State.DONE;
        welcome.completeExceptionally(new WorkerException(reason));
        ctx.close();
    }
}
