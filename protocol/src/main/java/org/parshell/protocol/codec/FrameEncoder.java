package org.parshell.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldPrepender;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts a frame's 4-byte length before its body: Netty's {@link LengthFieldPrepender}, the counterpart
 * of {@link FrameDecoder}, with the length and the body handed on as one buffer (a composite of the
 * two, nothing copied), so that a frame leaves the pipeline as one write.
 */
@ChannelHandler.Sharable
final class FrameEncoder extends LengthFieldPrepender {
    FrameEncoder() {
        super(4);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf body, List<Object> out) throws Exception {
        List<Object> parts = new ArrayList<>(2);
        super.encode(ctx, body, parts);
        out.add(Unpooled.wrappedBuffer(parts.toArray(new ByteBuf[0])));
    }
}
