package org.parshell.worker;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.parshell.protocol.auth.Handshake;
import org.parshell.protocol.auth.SharedSecret;
import org.parshell.protocol.codec.Pipelines;
import org.parshell.protocol.Transport;
import org.parshell.protocol.message.Welcome;

import java.net.InetSocketAddress;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Executors;

/**
 * The worker's Netty server. Each connection's pipeline, top to bottom: TLS (when the worker has a
 * certificate), idleness (a shell heartbeats; a silent one is dropped), framing, message codec,
 * then {@link AuthenticationHandler}, which becomes a {@link SessionHandler} once the shell has proven it knows the secret. Each shell gets its own
 * session and class loaders; the tasks of every shell share one pool of {@code threads} threads.
 */
public final class WorkerServer implements AutoCloseable {
    static final int SHELL_SILENCE_SECONDS = 15;
    private final EventLoopGroup boss = Transport.group(1, "parshell-accept");
    private final EventLoopGroup io = Transport.group(2, "parshell-io");
    private final ThreadPoolExecutor tasks;
    private final StuckTasks stuck;
    private final Channel serverChannel;

    public WorkerServer(String bind, int port, SharedSecret secret, int threads) throws InterruptedException {
        this(bind, port, secret, threads, null);
    }

    /** {@code tls} null means plain TCP. */
    public WorkerServer(String bind, int port, SharedSecret secret, int threads, SslContext tls) throws InterruptedException {
        tasks = (ThreadPoolExecutor) Executors.newFixedThreadPool(threads, new DefaultThreadFactory("parshell-task", true));
        stuck = new StuckTasks(tasks);
        Handshake handshake = new Handshake(secret);
        UnauthenticatedLog unauthenticated = new UnauthenticatedLog();
        HandshakeSlots slots = new HandshakeSlots(unauthenticated);
        boss.scheduleAtFixedRate(unauthenticated::roll, UnauthenticatedLog.INTERVAL_MILLIS, UnauthenticatedLog.INTERVAL_MILLIS,
                java.util.concurrent.TimeUnit.MILLISECONDS);
        Welcome welcome = new Welcome(hostName(), ProcessHandle.current().pid(), threads,
                System.getProperty("java.version"));
        serverChannel = new ServerBootstrap()
                .group(boss, io)
                .channel(Transport.serverSocket())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        unauthenticated.info("connection from " + ch.remoteAddress());
                        slots.enter(ch);
                        if (tls != null) {
                            ch.pipeline().addLast("tls", tls.newHandler(ch.alloc()));
                        }
                        // shells send a heartbeat every second: one silent this long is gone (SessionHandler closes it)
                        ch.pipeline().addLast("idle", new IdleStateHandler(SHELL_SILENCE_SECONDS, 0, 0));
                        Pipelines.addCodec(ch.pipeline());
                        ch.pipeline().addLast("auth", new AuthenticationHandler(handshake, unauthenticated, ctx -> {
                            slots.leave(ch);
                            return new SessionHandler(ctx, tasks, stuck, welcome);
                        }));
                    }
                })
                .bind(bind, port).sync().channel();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    public void awaitClose() throws InterruptedException {
        serverChannel.closeFuture().sync();
    }

    /**
     * Ends the network threads at once and waits (briefly) for them: on JDK 17 a JVM's exit waits 300 ms for
     * any thread blocked in a system call, as an event loop's select is, so a worker leaving stops them first.
     */
    public void stopNetworkThreads() {
        io.netty.util.concurrent.Future<?> b = boss.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS);
        io.netty.util.concurrent.Future<?> i = io.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS);
        b.awaitUninterruptibly(1000);
        i.awaitUninterruptibly(1000);
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        boss.shutdownGracefully();
        io.shutdownGracefully();
        tasks.shutdownNow();
        stuck.close();
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
