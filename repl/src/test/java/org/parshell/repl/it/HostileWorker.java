package org.parshell.repl.it;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.parshell.protocol.ProtocolVersion;
import org.parshell.protocol.auth.Handshake;
import org.parshell.protocol.auth.SessionKeys;
import org.parshell.protocol.auth.SharedSecret;
import org.parshell.protocol.codec.Pipelines;
import org.parshell.protocol.message.ChunkDone;
import org.parshell.protocol.message.Challenge;
import org.parshell.protocol.message.Heartbeat;
import org.parshell.protocol.message.Hello;
import org.parshell.protocol.message.Message;
import org.parshell.protocol.message.Proof;
import org.parshell.protocol.message.RunChunk;
import org.parshell.protocol.message.RunJob;
import org.parshell.protocol.message.RunKnownJob;
import org.parshell.protocol.message.UnknownFunction;
import org.parshell.protocol.message.Welcome;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A worker that knows the secret and lies: it passes the handshake as a real one does, then answers
 * every chunk of the first job it gets with {@code crafted} results. Chunks of later jobs it answers
 * with their own inputs, which are the right results of the identity function. Or, made by
 * {@link #askingForWhatItWasSent}, it answers every whole job, even one that carries its function, with
 * {@link UnknownFunction}.
 */
final class HostileWorker implements AutoCloseable {
    private final NioEventLoopGroup group = new NioEventLoopGroup(1);
    private final Channel server;
    private final AtomicLong firstJob = new AtomicLong(-1);
    private final AtomicInteger craftedSent = new AtomicInteger();
    private final boolean asksForFunctions;

    HostileWorker(SharedSecret secret, byte[] crafted) throws InterruptedException {
        this(secret, crafted, false);
    }

    static HostileWorker askingForWhatItWasSent(SharedSecret secret) throws InterruptedException {
        return new HostileWorker(secret, new byte[0], true);
    }

    private HostileWorker(SharedSecret secret, byte[] crafted, boolean asksForFunctions) throws InterruptedException {
        this.asksForFunctions = asksForFunctions;
        Handshake handshake = new Handshake(secret);
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        Pipelines.addCodec(ch.pipeline());
                        ch.pipeline().addLast(new Liar(handshake, crafted));
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    String address() {
        return "127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** How many crafted answers (or requests for a function) went out: a test passing without any proves nothing. */
    int craftedSent() {
        return craftedSent.get();
    }

    @Override
    public void close() {
        server.close();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    private final class Liar extends SimpleChannelInboundHandler<Message> {
        private final Handshake handshake;
        private final byte[] crafted;
        private byte[] shellNonce;
        private byte[] workerNonce;

        Liar(Handshake handshake, byte[] crafted) {
            this.handshake = handshake;
            this.crafted = crafted;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Message message) {
            if (message instanceof Hello hello && hello.version() == ProtocolVersion.CURRENT) {
                shellNonce = hello.shellNonce();
                workerNonce = Handshake.nonce();
                ctx.writeAndFlush(new Challenge(workerNonce, handshake.workerProof(shellNonce, workerNonce)));
            } else if (message instanceof Proof) {
                SessionKeys keys = handshake.sessionKeys(shellNonce, workerNonce);
                Pipelines.authenticated(ctx.pipeline(), keys.workerToShell(), keys.shellToWorker());
                ctx.writeAndFlush(new Welcome("hostile", 1, 2, "17"));
            } else if (message instanceof Heartbeat) {
                ctx.writeAndFlush(message);
            } else if (asksForFunctions && message instanceof RunJob job) {
                craftedSent.incrementAndGet();
                ctx.writeAndFlush(new UnknownFunction(job.jobId()));
            } else if (asksForFunctions && message instanceof RunKnownJob job) {
                craftedSent.incrementAndGet();
                ctx.writeAndFlush(new UnknownFunction(job.jobId()));
            } else if (message instanceof RunChunk run) {
                firstJob.compareAndSet(-1, run.jobId());
                if (run.jobId() == firstJob.get()) {
                    craftedSent.incrementAndGet();
                    ctx.writeAndFlush(new ChunkDone(run.jobId(), run.chunk(), crafted));
                } else {
                    ctx.writeAndFlush(new ChunkDone(run.jobId(), run.chunk(), run.inputs()));
                }
            }
        }
    }
}
