package org.parshell.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * Every frame after the handshake ends in an HMAC-SHA256 tag over its sequence number in that
 * direction and its body, under that direction's session key. The sequence numbers are counted on
 * both sides and never sent, so a frame altered, replayed, reordered, dropped or injected by anyone
 * between the two peers fails the check; the first frame that fails closes the connection.
 * <p>
 * It sits between the frame codec and the message codec: inbound it sees bodies without their length
 * (from {@link FrameDecoder}), outbound it appends the tag to what {@link MessageEncoder} wrote, before
 * {@link FrameEncoder} puts the length in front of both.
 * One instance per connection; Netty calls it on the connection's event loop only.
 */
public final class FrameAuthenticator extends ChannelDuplexHandler {
    public static final int TAG_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final Mac outgoing;
    private final Mac incoming;
    private final byte[] expected = new byte[TAG_BYTES];
    private final byte[] received = new byte[TAG_BYTES];
    private final byte[] tag = new byte[TAG_BYTES];
    private final byte[] sequenceBytes = new byte[8];
    private final byte[] piece = new byte[64 * 1024];
    private long sent;
    private long accepted;
    private boolean broken;

    public FrameAuthenticator(byte[] sendKey, byte[] receiveKey) {
        outgoing = mac(sendKey);
        incoming = mac(receiveKey);
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

    /**
     * The tag goes at the end of the frame's own buffer when it has room (a small message's usually does);
     * otherwise as a buffer of its own after the frame's, so a large frame is never copied to grow it, from
     * the channel's allocator, so that the pair stays in native memory and the socket does not copy both to
     * native memory first.
     */
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf frame)) {
            ctx.write(msg, promise);
            return;
        }
        outgoing.update(sequence(sent++));
        update(outgoing, frame, frame.readerIndex(), frame.readableBytes());
        try {
            outgoing.doFinal(tag, 0);
        } catch (GeneralSecurityException e) {
            ReferenceCountUtil.release(frame);
            promise.setFailure(e);
            return;
        }
        if (frame.isWritable(TAG_BYTES)) { // a small message's buffer has room: one buffer, no composite
            ctx.write(frame.writeBytes(tag), promise);
            return;
        }
        ctx.write(Unpooled.wrappedBuffer(frame, ctx.alloc().buffer(TAG_BYTES).writeBytes(tag)), promise);
    }

    private boolean verify(ByteBuf frame, int body) {
        incoming.update(sequence(accepted));
        update(incoming, frame, frame.readerIndex(), body);
        try {
            incoming.doFinal(expected, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        frame.getBytes(frame.readerIndex() + body, received);
        return MessageDigest.isEqual(expected, received);
    }

    /**
     * A body in native memory (what Netty reads and writes) goes to the MAC through {@link #piece}: given the
     * buffer itself, the JDK would copy it through an array of 4 KB, and at that size SHA-256 hashes at a
     * fraction of its rate with large updates.
     */
    private void update(Mac mac, ByteBuf frame, int index, int length) {
        if (frame.hasArray()) {
            mac.update(frame.array(), frame.arrayOffset() + index, length);
            return;
        }
        for (int done = 0; done < length; done += piece.length) {
            int size = Math.min(piece.length, length - done);
            frame.getBytes(index + done, piece, 0, size);
            mac.update(piece, 0, size);
        }
    }

    /** {@code n} in 8 bytes, big-endian, in {@link #sequenceBytes}. */
    private byte[] sequence(long n) {
        for (int i = 7; i >= 0; i--) {
            sequenceBytes[i] = (byte) n;
            n >>>= 8;
        }
        return sequenceBytes;
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
