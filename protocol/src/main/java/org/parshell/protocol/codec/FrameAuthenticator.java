package org.parshell.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * Every frame after the handshake ends in a tag over its body, bound to its sequence number in that
 * direction, under that direction's session key ({@link FrameTag}). The sequence numbers are counted on
 * both sides and never sent, so a frame altered, replayed, reordered, dropped or injected by anyone
 * between the two peers fails the check; the first frame that fails closes the connection.
 * <p>
 * It sits between the frame codec and the message codec: inbound it sees bodies without their length
 * (from {@link FrameDecoder}), outbound it appends the tag to what {@link MessageEncoder} wrote, before
 * {@link FrameEncoder} puts the length in front of both.
 * One instance per connection; Netty calls it on the connection's event loop only.
 */
public final class FrameAuthenticator extends ChannelDuplexHandler {
    public static final int TAG_BYTES = FrameTag.BYTES;

    private final FrameTag outgoing;
    private final FrameTag incoming;
    private final byte[] expected = new byte[TAG_BYTES];
    private final byte[] received = new byte[TAG_BYTES];
    private long sent;
    private long accepted;
    private boolean broken;

    public FrameAuthenticator(byte[] sendKey, byte[] receiveKey) {
        outgoing = new FrameTag(sendKey);
        incoming = new FrameTag(receiveKey);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (broken) { // the connection is closing: nothing after a bad frame is believed
            frame.release();
            return;
        }
        int body = frame.readableBytes() - TAG_BYTES;
        if (body < 0 || !verify(frame, body)) {
            broken = true;
            frame.release();
            throw new ProtocolException("frame " + accepted + " from the peer failed authentication"
                    + " (altered, replayed, reordered or injected on the way); closing the connection");
        }
        accepted++;
        ctx.fireChannelRead(frame.retainedSlice(frame.readerIndex(), body));
        frame.release();
    }

    /** The tag goes out as a buffer of its own after the body's, so a large body is never copied to grow it. */
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf frame)) {
            ctx.write(msg, promise);
            return;
        }
        byte[] tag = new byte[TAG_BYTES];
        try {
            outgoing.compute(sent++, frame, frame.readerIndex(), frame.readableBytes(), tag);
        } catch (GeneralSecurityException e) {
            ReferenceCountUtil.release(frame);
            promise.setFailure(e);
            return;
        }
        ctx.write(Unpooled.wrappedBuffer(frame, Unpooled.wrappedBuffer(tag)), promise);
    }

    private boolean verify(ByteBuf frame, int body) {
        try {
            incoming.compute(accepted, frame, frame.readerIndex(), body, expected);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        frame.getBytes(frame.readerIndex() + body, received);
        return MessageDigest.isEqual(expected, received);
    }
}
