package org.parshell.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;

import java.nio.ByteOrder;

/**
 * Splits the stream into frames of a 4-byte length and a body. The limit starts small, for the
 * handshake, and is raised once the peer has authenticated, so an unauthenticated peer can make
 * the other side buffer at most {@link #HANDSHAKE_LIMIT} bytes.
 */
public final class FrameDecoder extends LengthFieldBasedFrameDecoder {
    public static final int HANDSHAKE_LIMIT = 4 * 1024;
    public static final int SESSION_LIMIT = 64 * 1024 * 1024;

    private volatile int limit = HANDSHAKE_LIMIT;

    public FrameDecoder() {
        super(SESSION_LIMIT + FrameAuthenticator.TAG_BYTES, 0, 4, 0, 4);
    }

    /** Called once the peer has proven it knows the secret. */
    public void authenticated() {
        limit = SESSION_LIMIT + FrameAuthenticator.TAG_BYTES;
    }

    @Override
    protected long getUnadjustedFrameLength(ByteBuf buf, int offset, int length, ByteOrder order) {
        long frameLength = super.getUnadjustedFrameLength(buf, offset, length, order);
        if (frameLength > limit || frameLength < 0) {
            throw new TooLongFrameException("frame of " + frameLength + " bytes exceeds the limit of " + limit);
        }
        return frameLength;
    }
}
