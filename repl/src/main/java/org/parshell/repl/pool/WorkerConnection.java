package org.parshell.repl.pool;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import org.parshell.protocol.auth.Handshake;
import org.parshell.protocol.auth.SharedSecret;
import org.parshell.protocol.codec.Pipelines;
import org.parshell.protocol.Transport;
import org.parshell.protocol.message.DefineBundle;
import org.parshell.protocol.message.DefineJar;
import org.parshell.protocol.message.Message;
import org.parshell.protocol.message.UseJars;
import org.parshell.protocol.message.Welcome;

import javax.net.ssl.SSLParameters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shell's connection to one worker: its pipeline is TLS (if asked for), framing, message codec,
 * handshake, and then {@link WorkerResponseHandler}; once the handshake is done, Netty's
 * {@code IdleStateHandler} at the head watches it for silence. It remembers which code bundles the worker already has.
 */
public final class WorkerConnection {
    private final Channel channel;
    private final WorkerInfo info;
    private final boolean fewerSlotsThanThreads;
    private final Set<String> bundles = ConcurrentHashMap.newKeySet();
    private final Set<String> jars = ConcurrentHashMap.newKeySet();
    private final Map<Integer, List<String>> jarsByGeneration = new ConcurrentHashMap<>();
    private final AtomicLong chunksDone = new AtomicLong();
    private final HeldFunctions functions = new HeldFunctions();
    private volatile String lostBecause;
    private volatile FunctionCode lastShipped;
    private final Object shipping = new Object();

    private WorkerConnection(Channel channel, WorkerInfo info, boolean fewerSlotsThanThreads) {
        this.channel = channel;
        this.info = info;
        this.fewerSlotsThanThreads = fewerSlotsThanThreads;
    }

    /**
     * {@code tls} null means plain TCP; otherwise the worker must show a certificate it trusts for the
     * endpoint's {@code tlsName}, which is also the name sent in the TLS handshake (SNI).
     */
    static CompletableFuture<WorkerConnection> connect(EventLoopGroup group, WorkerEndpoint endpoint, SharedSecret secret,
                                                       SslContext tls, WorkerListener listener) {
        String host = endpoint.where().host();
        int port = endpoint.where().port();
        CompletableFuture<Welcome> welcome = new CompletableFuture<>();
        WorkerResponseHandler responses = new WorkerResponseHandler(listener);
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(Transport.socket())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tls != null) {
                            ch.pipeline().addLast("tls", verifyingHostName(tls.newHandler(ch.alloc(), endpoint.tlsName(), port)));
                        }
                        Pipelines.addCodec(ch.pipeline());
                        ch.pipeline().addLast("handshake", new ShellHandshakeHandler(new Handshake(secret), welcome, tls != null));
                        ch.pipeline().addLast("responses", responses);
                    }
                });
        CompletableFuture<WorkerConnection> connected = new CompletableFuture<>();
        bootstrap.connect(host, port).addListener(f -> {
            if (!f.isSuccess()) {
                connected.completeExceptionally(new WorkerException("cannot connect to " + new HostPort(host, port) + ": "
                        + f.cause().getMessage(), f.cause()));
            }
        });
        welcome.whenComplete((w, failure) -> {
            if (failure != null) {
                connected.completeExceptionally(failure);
                return;
            }
            Channel channel = responses.channel();
            int threads = endpoint.slots() > 0 ? endpoint.slots() : w.threads();
            WorkerConnection worker = new WorkerConnection(channel,
                    new WorkerInfo(endpoint.address(), w.host(), w.pid(), threads, w.jdk(), endpoint.origin(), w.parshell()),
                    endpoint.slots() > 0 && endpoint.slots() < w.threads());
            responses.attach(worker);
            channel.pipeline().addFirst("liveness", WorkerResponseHandler.liveness()); // first: any bytes count
            connected.complete(worker);
        });
        return connected;
    }

    private static SslHandler verifyingHostName(SslHandler handler) {
        SSLParameters parameters = handler.engine().getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        handler.engine().setSSLParameters(parameters);
        return handler;
    }

    /**
     * How many chunks the shell keeps on this worker: {@link MapJob#IN_FLIGHT_PER_THREAD} a thread, so
     * the next is there when one ends; but only one a slot when a host file gave the worker fewer slots
     * than it has threads, since the worker would otherwise run more than that many at once.
     */
    int chunksAtOnce() {
        return fewerSlotsThanThreads ? info.threads() : info.threads() * MapJob.IN_FLIGHT_PER_THREAD;
    }

    public WorkerInfo info() {
        return info;
    }

    public boolean isLost() {
        return lostBecause != null;
    }

    public String lostBecause() {
        return lostBecause;
    }

    public long chunksDone() {
        return chunksDone.get();
    }

    /** True the first time only, so a loss is handled once however many ways it is noticed. */
    synchronized boolean markLost(String why) {
        if (lostBecause != null) {
            return false;
        }
        lostBecause = why;
        return true;
    }

    /** The reusable functions this worker holds, as far as this shell knows. */
    HeldFunctions functions() {
        return functions;
    }

    void countChunkDone() {
        chunksDone.incrementAndGet();
    }

    /**
     * Sends what this worker lacks to run {@code code}: its jars and its classes (nothing when it was the code shipped
     * last). One map at a time: two maps of new code on two threads (a submit's and the snippet's) must not let the
     * second send its job, seeing the classes as sent, before the first has sent them.
     */
    void shipCode(FunctionCode code) {
        if (code == lastShipped) {
            return;
        }
        synchronized (shipping) {
            sendJars(code.generation(), code.jars());
            if (needsBundle(code.generation(), code.bundle().hash())) {
                send(new DefineBundle(code.generation(), code.bundle().hash(), code.bundle().classes()));
                Traffic.bundleSent(code.bundle().classes().stream().mapToLong(c -> c.bytes().length).sum());
            }
            lastShipped = code;
        }
    }

    /** Sends the jars this worker lacks (once each, by hash), and which ones the generation uses if that changed. */
    private void sendJars(int generation, List<DefineJar> jars) {
        List<String> hashes = jars.stream().map(DefineJar::hash).toList();
        if (hashes.equals(jarsByGeneration.getOrDefault(generation, List.of()))) {
            return;
        }
        for (DefineJar jar : jars) {
            if (this.jars.add(jar.hash())) {
                send(jar);
            }
        }
        send(new UseJars(generation, hashes));
        jarsByGeneration.put(generation, hashes);
    }

    /**
     * True the first time for this generation, so the bundle's classes go exactly once to each generation:
     * after a reset the same source compiles to the same bytes (the same hash), but the worker's new
     * generation has none of the old one's classes.
     */
    private boolean needsBundle(int generation, String hash) {
        return bundles.add(generation + "/" + hash);
    }

    void send(Message message) {
        channel.write(message);
    }

    void flush() {
        channel.flush();
    }

    void close() {
        channel.close();
    }
}
