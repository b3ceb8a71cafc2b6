package org.parshell.worker;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import org.parshell.protocol.message.CancelJob;
import org.parshell.protocol.message.DefineBundle;
import org.parshell.protocol.message.DefineJar;
import org.parshell.protocol.message.UseJars;
import org.parshell.protocol.message.EndJob;
import org.parshell.protocol.message.Heartbeat;
import org.parshell.protocol.message.Message;
import org.parshell.protocol.message.Refused;
import org.parshell.protocol.message.RunChunk;
import org.parshell.protocol.message.RunJob;
import org.parshell.protocol.message.RunKnownJob;
import org.parshell.protocol.message.StartJob;
import org.parshell.protocol.message.Welcome;

import java.util.concurrent.ExecutorService;

/** Serves one authenticated shell: routes its messages to its {@link ShellSession}. */
final class SessionHandler extends SimpleChannelInboundHandler<Message> {

    private final ShellSession session;
    private final Welcome welcome;

    SessionHandler(ChannelHandlerContext ctx, ExecutorService tasks, StuckTasks stuck, Welcome welcome) {
        this.session = new ShellSession(ctx.channel(), tasks, stuck);
        this.welcome = welcome;
    }

    void welcome(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(welcome);
        GenerationWarmUp.start(session);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Message message) {
        if (message instanceof RunChunk m) {
            session.run(m);
        } else if (message instanceof RunKnownJob m) {
            session.runKnownJob(m);
        } else if (message instanceof RunJob m) {
            session.runJob(m);
        } else if (message instanceof DefineBundle m) {
            session.define(m);
        } else if (message instanceof StartJob m) {
            session.start(m);
        } else if (message instanceof EndJob m) {
            session.end(m);
        } else if (message instanceof CancelJob m) {
            session.cancel(m);
        } else if (message instanceof DefineJar m) {
            session.defineJar(m);
        } else if (message instanceof UseJars m) {
            session.useJars(m);
        } else if (message instanceof Heartbeat m) {
            ctx.writeAndFlush(m);
        } else {
            ctx.writeAndFlush(new Refused("unexpected " + message.getClass().getSimpleName()));
        }
    }

    /** The shell said nothing, not even a heartbeat, for too long (its machine or network is gone): stop its work. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            WorkerLog.info(session.name() + " silent for " + WorkerServer.SHELL_SILENCE_SECONDS + " s; closing it and cancelling its tasks");
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        WorkerLog.info("disconnected " + session.name());
        session.close();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        WorkerLog.info("closing " + session.name() + ": " + AuthenticationHandler.describe(cause));
        ctx.close();
    }
}
