package org.parshell.protocol.codec;

import io.netty.buffer.ByteBuf;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the primitive fields of a frame, checking every length against what the frame holds, so
 * a hostile length can neither allocate more than the frame's size nor read past its end.
 */
final class WireReader {
    private final ByteBuf in;

    WireReader(ByteBuf in) {
        this.in = in;
    }

    byte readByte() {
        need(1);
        return in.readByte();
    }

    boolean readBoolean() {
        byte b = readByte();
        if (b != 0 && b != 1) {
            throw new ProtocolException("bad boolean " + b);
        }
        return b == 1;
    }

    int readInt() {
        need(4);
        return in.readInt();
    }

    long readLong() {
        need(8);
        return in.readLong();
    }

    int readCount() {
        int n = readInt();
        if (n < 0 || n > in.readableBytes()) {
            throw new ProtocolException("bad count " + n + " with " + in.readableBytes() + " bytes left");
        }
        return n;
    }

    byte[] readBytes() {
        int n = readCount();
        byte[] bytes = new byte[n];
        in.readBytes(bytes);
        return bytes;
    }

    /** UTF-8 that is well formed, so a string decodes to exactly one text and encodes back to the same bytes. */
    String readString() {
        byte[] bytes = readBytes();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException("a string of " + bytes.length + " bytes that is not well-formed UTF-8");
        }
    }

    /** A string that may be absent (length -1). */
    String readNullableString() {
        need(4);
        if (in.getInt(in.readerIndex()) == -1) {
            in.skipBytes(4);
            return null;
        }
        return readString();
    }

    void expectEnd() {
        if (in.isReadable()) {
            throw new ProtocolException(in.readableBytes() + " unexpected bytes at the end of a frame");
        }
    }

    private void need(int n) {
        if (in.readableBytes() < n) {
            throw new ProtocolException("truncated frame: needed " + n + " bytes, " + in.readableBytes() + " left");
        }
    }
}
