package org.parshell.worker;

import io.netty.channel.ChannelFutureListener;
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

import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The first handler a connection meets: it accepts a {@link Hello} and then a {@link Proof} and
 * nothing else. Only after a good proof does it hand the connection to a {@link SessionHandler};
 * any other frame, a wrong version, a wrong proof or a silent peer closes the connection. Frames
 * that do not parse (garbage, an HTTP request, a frame over the handshake limit) arrive here as
 * exceptions: they are logged and close this connection only.
 */
final class AuthenticationHandler extends SimpleChannelInboundHandler<Message> {
    static final long HANDSHAKE_SECONDS = 10;
    private static final int MAX_LOGGED_REASON = 160;

    private final Handshake handshake;
    private final UnauthenticatedLog log;
    private final Function<ChannelHandlerContext, SessionHandler> sessions;
    private byte[] shellNonce;
    private byte[] workerNonce;
    private boolean closing;

    AuthenticationHandler(Handshake handshake, Function<ChannelHandlerContext, SessionHandler> sessions) {
        this(handshake, new UnauthenticatedLog(), sessions);
    }

    AuthenticationHandler(Handshake handshake, UnauthenticatedLog log, Function<ChannelHandlerContext, SessionHandler> sessions) {
        this.handshake = handshake;
        this.log = log;
        this.sessions = sessions;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.executor().schedule(() -> {
            if (ctx.pipeline().get(AuthenticationHandler.class) != null && ctx.channel().isActive()) {
                refuse(ctx, "no handshake within " + HANDSHAKE_SECONDS + " s");
            }
        }, HANDSHAKE_SECONDS, TimeUnit.SECONDS);
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Message message) {
        if (closing) {
            return;
        }
        if (message instanceof Hello hello && shellNonce == null) {
            greet(ctx, hello);
        } else if (message instanceof Proof proof && workerNonce != null) {
            verify(ctx, proof);
        } else {
            refuse(ctx, "unexpected " + message.getClass().getSimpleName() + " before authentication");
        }
    }

    private void greet(ChannelHandlerContext ctx, Hello hello) {
        if (hello.version() != ProtocolVersion.CURRENT) {
            refuse(ctx, "protocol version " + hello.version() + " is not supported; this worker speaks version "
                    + ProtocolVersion.CURRENT);
            return;
        }
        if (!Handshake.isNonce(hello.shellNonce())) {
            refuse(ctx, "a nonce must have " + Handshake.NONCE_BYTES + " bytes");
            return;
        }
        shellNonce = hello.shellNonce();
        workerNonce = Handshake.nonce();
        ctx.writeAndFlush(new Challenge(workerNonce, handshake.workerProof(shellNonce, workerNonce)));
    }

    private void verify(ChannelHandlerContext ctx, Proof proof) {
        if (!Handshake.matches(handshake.shellProof(shellNonce, workerNonce), proof.shellProof())) {
            refuse(ctx, "authentication failed: the shell does not have this worker's secret");
            return;
        }
        SessionKeys keys = handshake.sessionKeys(shellNonce, workerNonce);
        Pipelines.authenticated(ctx.pipeline(), keys.workerToShell(), keys.shellToWorker());
        SessionHandler session = sessions.apply(ctx);
        ctx.pipeline().replace(this, "session", session);
        WorkerLog.info("authenticated " + ctx.channel().remoteAddress());
        session.welcome(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!closing) {
            log.info(ctx.channel().remoteAddress() + " closed the connection before authenticating"
                    + (workerNonce != null ? " (a shell with another secret refuses our challenge)" : ""));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!closing) {
            closing = true;
            log.info("closing unauthenticated " + ctx.channel().remoteAddress() + ": " + describe(cause));
        }
        ctx.close();
    }

    private void refuse(ChannelHandlerContext ctx, String reason) {
        closing = true;
        log.info("refused " + ctx.channel().remoteAddress() + ": " + reason);
        ctx.writeAndFlush(new Refused(reason)).addListener(ChannelFutureListener.CLOSE);
    }

    /** The root cause in one line, short enough for a log even when the peer sent us garbage. */
    static String describe(Throwable cause) {
        ConnectionFailure failure = ConnectionFailure.of(cause);
        return failure.kind() == ConnectionFailure.Kind.NOT_TLS ? "not TLS (this worker serves TLS; the shell needs --tls-trust)"
                : failure.oneLine(MAX_LOGGED_REASON);
    }
}
