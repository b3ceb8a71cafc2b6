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
 * of {@link FrameDecoder}, with the length and the body handed on as one buffer, so that a frame leaves the
 * pipeline as one write: a small body is copied behind its length (one plain buffer costs less than a composite
 * to make and to write), a larger one goes as a composite of the two, nothing copied.
 */
@ChannelHandler.Sharable
final class FrameEncoder extends LengthFieldPrepender {
    static final int COPIED_UP_TO = 1024;

    FrameEncoder() {
        super(4);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf body, List<Object> out) throws Exception {
        if (body.readableBytes() <= COPIED_UP_TO) {
            int length = body.readableBytes();
            out.add(ctx.alloc().ioBuffer(4 + length).writeInt(length).writeBytes(body));
            return;
        }
        List<Object> parts = new ArrayList<>(2);
        super.encode(ctx, body, parts);
        out.add(Unpooled.wrappedBuffer(parts.toArray(new ByteBuf[0])));
    }
}
