package org.parshell.repl.pool;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.parshell.protocol.message.Message;

/** After the handshake: hands each message from the worker to the pool, and reports the loss of the connection. */
final class WorkerResponseHandler extends SimpleChannelInboundHandler<Message> {
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
