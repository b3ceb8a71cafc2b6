package org.parshell.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToByteEncoder;
import org.parshell.protocol.message.Message;

/** Writes a message as the body of one frame; {@link FrameEncoder} puts its length before it. */
@ChannelHandler.Sharable
public final class MessageEncoder extends MessageToByteEncoder<Message> {
    @Override
    protected void encode(ChannelHandlerContext ctx, Message message, ByteBuf out) {
        MessageCodec.encode(message, out);
        if (out.readableBytes() > FrameDecoder.SESSION_LIMIT) {
            throw new EncoderException(message.getClass().getSimpleName() + " of " + out.readableBytes()
                    + " bytes exceeds the frame limit of " + FrameDecoder.SESSION_LIMIT + " bytes");
        }
    }
}
