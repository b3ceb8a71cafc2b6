package org.parshell.repl.pool;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import org.parshell.protocol.message.Heartbeat;

import java.util.concurrent.TimeUnit;

/**
 * Finds a worker that has gone silent (network cut, process stopped): first in the pipeline, it
 * notes every byte that arrives; once started it sends a {@link Heartbeat} every
 * {@link #PING_MILLIS}, which the worker echoes, and reports the worker silent when nothing at all
 * has arrived for {@link #SILENCE_MILLIS}. Any bytes count, so a long frame still arriving is life.
 */
final class Liveness extends ChannelInboundHandlerAdapter {
    static final long PING_MILLIS = 1000;
    static final long SILENCE_MILLIS = Long.getLong("parshell.heartbeat.silence.ms", 5000);

    private volatile long lastHeard = System.nanoTime();
    private ScheduledFuture<?> pings;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastHeard = System.nanoTime();
        ctx.fireChannelRead(msg);
    }

    /** Starts pinging; {@code silent} runs once, on the channel's event loop, if the worker stops answering. */
    void start(Channel channel, Runnable silent) {
        lastHeard = System.nanoTime();
        channel.eventLoop().execute(() -> pings = channel.eventLoop().scheduleAtFixedRate(() -> {
            if (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastHeard) > SILENCE_MILLIS) {
                pings.cancel(false);
                silent.run();
            } else {
                channel.writeAndFlush(new Heartbeat(System.nanoTime()));
            }
        }, PING_MILLIS, PING_MILLIS, TimeUnit.MILLISECONDS));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (pings != null) {
            pings.cancel(false);
        }
        ctx.fireChannelInactive();
    }
}
