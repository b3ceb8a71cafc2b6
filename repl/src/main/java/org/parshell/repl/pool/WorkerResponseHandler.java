package org.parshell.repl.pool;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import org.parshell.protocol.message.Heartbeat;
import org.parshell.protocol.message.Message;

/**
 * After the handshake: hands each message from the worker to the pool, and reports the loss of the
 * connection. A worker answers heartbeats on its network thread even while its task threads are
 * busy, so one that stays silent for {@link #LOST_AFTER_SECONDS} is stopped or cut off: it is lost.
 */
final class WorkerResponseHandler extends SimpleChannelInboundHandler<Message> {
    static final int HEARTBEAT_SECONDS = 5;
    static final int LOST_AFTER_SECONDS = 20;

    private final WorkerListener listener;
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

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (!(event instanceof IdleStateEvent idle) || worker == null) {
            ctx.fireUserEventTriggered(event);
        } else if (idle.state() == IdleState.WRITER_IDLE) {
            ctx.writeAndFlush(new Heartbeat(System.nanoTime()));
        } else if (idle.state() == IdleState.READER_IDLE) {
            listener.lost(worker, "no answer for " + LOST_AFTER_SECONDS + " s");
            ctx.close();
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
