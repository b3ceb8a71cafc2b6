package org.parshell.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import org.parshell.protocol.Transport;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The floor under the one-item round trip: a bare Netty ping-pong between two JVMs on this machine, with
 * the thread hops of a one-item map and nothing else (no capture, no codec, no tags, 8 bytes each way): a
 * caller thread writes and waits, the client's network thread reads and wakes it; the server's network
 * thread hands each ping to a task thread, which writes the answer through the network thread, as a worker
 * runs user code. The same transport as parshell ({@link Transport}), TCP_NODELAY on both ends.
 * <p>
 * Run as a {@link Side} of {@code scripts/bench}: it starts its server JVM, prints {@value Side#DONE}, then
 * answers each line {@code roundtrip WARM RUNS} as the parshell and Python sides do (WARM times 1000 round
 * trips, then RUNS samples, each the median of 100). {@code NettyFloor server} is the server alone ({@link WorkerFloors} times its start).
 */
public final class NettyFloor {
    /** What the server prints, then its port, once it listens. */
    static final String LISTENING = "netty floor listening on";

    private NettyFloor() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("server")) {
            server();
        } else {
            client();
        }
    }

    private static ChannelInitializer<SocketChannel> frames(SimpleChannelInboundHandler<ByteBuf> handler) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(1024, 0, 4, 0, 4), new LengthFieldPrepender(4), handler);
            }
        };
    }

    /** Answers each ping with its square, written by a task thread; ends when standard input closes. */
    private static void server() throws Exception {
        EventLoopGroup io = Transport.group(1, "floor-io");
        ExecutorService tasks = Executors.newFixedThreadPool(1);
        Channel server = new ServerBootstrap().group(io).channel(Transport.serverSocket())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(frames(new SimpleChannelInboundHandler<>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf ping) {
                        long x = ping.readLong();
                        tasks.execute(() -> ctx.writeAndFlush(ctx.alloc().buffer(8).writeLong(x * x)));
                    }
                }))
                .bind("127.0.0.1", 0).sync().channel();
        System.out.println(LISTENING + " " + ((InetSocketAddress) server.localAddress()).getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the client goes
        }
        System.exit(0);
    }

    private static void client() throws Exception {
        String classPath = System.getProperty("java.class.path");
        Process serverProcess = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC", "-cp", classPath, NettyFloor.class.getName(), "server"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String listening = new BufferedReader(new InputStreamReader(serverProcess.getInputStream())).readLine();
        int port = Integer.parseInt(listening.substring(LISTENING.length()).trim());
        AtomicReference<CompletableFuture<Long>> pending = new AtomicReference<>();
        EventLoopGroup io = Transport.group(1, "floor-client-io");
        Channel channel = new Bootstrap().group(io).channel(Transport.socket()).option(ChannelOption.TCP_NODELAY, true)
                .handler(frames(new SimpleChannelInboundHandler<>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf answer) {
                        pending.get().complete(answer.readLong());
                    }
                }))
                .connect("127.0.0.1", port).sync().channel();
        System.out.println(Side.DONE);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        for (String line; (line = in.readLine()) != null; ) {
            String[] words = line.trim().split(" ");
            int warm = Integer.parseInt(words[1]), runs = Integer.parseInt(words[2]);
            for (int i = 0; i < warm * 1000; i++) {
                roundTrip(channel, pending, i);
            }
            for (int r = 0; r < runs; r++) {
                double[] micros = new double[100];
                for (int i = 0; i < micros.length; i++) {
                    long t = System.nanoTime();
                    roundTrip(channel, pending, i);
                    micros[i] = (System.nanoTime() - t) / 1e3;
                }
                Arrays.sort(micros);
                System.out.println("SAMPLE roundtrip " + (micros[49] + micros[50]) / 2);
            }
            System.out.println(Side.DONE);
        }
        serverProcess.getOutputStream().close();
        serverProcess.waitFor();
        System.exit(0);
    }

    private static void roundTrip(Channel channel, AtomicReference<CompletableFuture<Long>> pending, long x) throws Exception {
        CompletableFuture<Long> answer = new CompletableFuture<>();
        pending.set(answer);
        channel.writeAndFlush(channel.alloc().buffer(8).writeLong(x));
        if (answer.get() != x * x) {
            throw new IllegalStateException("the server answered " + answer.get() + " to " + x);
        }
    }
}
