package org.parshell.repl.pool;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import org.parshell.protocol.message.Heartbeat;
import org.parshell.protocol.message.Message;

import java.util.concurrent.TimeUnit;

/**
 * After the handshake: hands each message from the worker to the pool, and reports the loss of the connection.
 * It keeps the worker talking: a {@link Heartbeat} after every second without a write (the worker echoes
 * it), and the worker counts as lost, silent, once nothing at all has arrived for {@link #SILENCE_MILLIS}
 * (the {@link IdleStateHandler} of {@link #liveness()} tells of each second without a byte).
 */
final class WorkerResponseHandler extends SimpleChannelInboundHandler<Message> {
    static final long PING_MILLIS = 1000;
    static final long SILENCE_MILLIS = Long.getLong("parshell.heartbeat.silence.ms", 5000);

    private final WorkerListener listener;
    private int silentSeconds;
    private volatile WorkerConnection worker;
    private volatile io.netty.channel.Channel channel;

    WorkerResponseHandler(WorkerListener listener) {
        this.listener = listener;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    io.netty.channel.Channel channel() {
        return channel;
    }

    void attach(WorkerConnection worker) {
        this.worker = worker;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Message message) {
        if (worker != null) {
            listener.received(worker, message);
        }
    }

    /** The idle watch for the head of the pipeline: an event for each second without a read, or without a write. */
    static IdleStateHandler liveness() {
        return new IdleStateHandler(PING_MILLIS, PING_MILLIS, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (!(event instanceof IdleStateEvent idle) || worker == null) {
            ctx.fireUserEventTriggered(event);
            return;
        }
        if (idle.state() == IdleState.WRITER_IDLE) {
            ctx.writeAndFlush(new Heartbeat(System.nanoTime()));
        } else if (idle.state() == IdleState.READER_IDLE) {
            silentSeconds = idle.isFirst() ? 1 : silentSeconds + 1;
            if (silentSeconds * PING_MILLIS > SILENCE_MILLIS) {
                listener.lost(worker, "silent for more than " + SILENCE_MILLIS / 1000.0 + " s");
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (worker != null) {
            listener.lost(worker, "connection closed");
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (worker != null) {
            listener.lost(worker, String.valueOf(cause.getMessage()));
        }
        ctx.close();
    }
}
