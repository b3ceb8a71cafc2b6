package org.parshell.protocol.codec;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/** Writes the primitive fields of a frame in the layout {@link WireReader} reads. */
final class WireWriter {
    private final ByteBuf out;

    WireWriter(ByteBuf out) {
        this.out = out;
    }

    WireWriter writeByte(int b) {
        out.writeByte(b);
        return this;
    }

    WireWriter writeBoolean(boolean b) {
        return writeByte(b ? 1 : 0);
    }

    WireWriter writeInt(int i) {
        out.writeInt(i);
        return this;
    }

    WireWriter writeLong(long l) {
        out.writeLong(l);
        return this;
    }

    WireWriter writeBytes(byte[] bytes) {
        out.writeInt(bytes.length);
        out.writeBytes(bytes);
        return this;
    }

    WireWriter writeString(String s) {
        return writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    WireWriter writeNullableString(String s) {
        return s == null ? writeInt(-1) : writeString(s);
    }
}
