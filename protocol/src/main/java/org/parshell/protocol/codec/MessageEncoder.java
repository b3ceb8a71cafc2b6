package org.parshell.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToByteEncoder;
import org.parshell.protocol.message.Message;

/** Writes a message as one frame: its length, then its body. */
@ChannelHandler.Sharable
public final class MessageEncoder extends MessageToByteEncoder<Message> {
    @Override
    protected void encode(ChannelHandlerContext ctx, Message message, ByteBuf out) {
        int start = out.writerIndex();
        out.writeInt(0);
        MessageCodec.encode(message, out);
        int length = out.writerIndex() - start - 4;
        if (length > FrameDecoder.SESSION_LIMIT) {
            throw new EncoderException(message.getClass().getSimpleName() + " of " + length
                    + " bytes exceeds the frame limit of " + FrameDecoder.SESSION_LIMIT + " bytes");
        }
        out.setInt(start, length);
    }
}
