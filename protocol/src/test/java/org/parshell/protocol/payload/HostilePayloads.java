package org.parshell.protocol.payload;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Result payloads a worker holding the secret could send to a shell, made from what FST writes for
 * small honest values: the length of an array raised far beyond the payload, and arrays nested far
 * deeper than a stack.
 */
public final class HostilePayloads {
    private static final PayloadCodec FST = PayloadCodec.forLoader(HostilePayloads.class.getClassLoader());
    private static final int MARK = 0x5a;

    private HostilePayloads() {
    }

    /**
     * An {@code Object[]} holding one {@code long[]} whose length field says {@code Integer.MAX_VALUE - 8}
     * (16 GB), in a few dozen bytes: the elements are cut off.
     */
    public static byte[] hugeArray() {
        long[] marked = new long[MARK];
        byte[] honest = FST.encode(new Object[]{marked});
        int at = lengthField(honest);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(honest, 0, at);
        out.write(0x81); // FST's marker for a 4-byte int follows, little-endian
        int huge = Integer.MAX_VALUE - 8;
        for (int i = 0; i < 4; i++) {
            out.write(huge >>> (8 * i));
        }
        return out.toByteArray();
    }

    /**
     * FST's bytes for {@code honest}, a value whose first length field says {@link #MARK} (90 elements,
     * characters or bytes), with that length raised to {@code declared} and everything else as it was.
     */
    public static byte[] declaring(Object honest, int declared) {
        byte[] bytes = FST.encode(honest);
        int at = lengthField(bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.write(0x81); // FST's marker for a 4-byte int follows, little-endian
        for (int i = 0; i < 4; i++) {
            out.write(declared >>> (8 * i));
        }
        out.write(bytes, at + 1, bytes.length - at - 1);
        return out.toByteArray();
    }

    /** The length every value given to {@link #declaring} has. */
    public static int markedLength() {
        return MARK;
    }

    /** {@code depth} arrays, each holding the next: the bytes of one level repeated. */
    public static byte[] deepNesting(int depth) {
        byte[] one = FST.encode(nested(1));
        byte[] two = FST.encode(nested(2));
        int prefix = commonPrefix(one, two);
        int level = two.length - one.length;
        byte[] unit = Arrays.copyOfRange(two, prefix, prefix + level);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(one, 0, prefix);
        for (int i = 0; i < depth; i++) {
            out.write(unit, 0, unit.length);
        }
        out.write(one, prefix, one.length - prefix);
        return out.toByteArray();
    }

    private static Object nested(int depth) {
        Object[] inner = new Object[]{"leaf"};
        for (int i = 0; i < depth; i++) {
            inner = new Object[]{inner};
        }
        return new Object[]{inner};
    }

    private static int lengthField(byte[] honest) {
        for (int i = 0; i < honest.length; i++) {
            if (honest[i] == MARK) {
                return i;
            }
        }
        throw new IllegalStateException("no length " + MARK + " in " + Arrays.toString(honest));
    }

    private static int commonPrefix(byte[] a, byte[] b) {
        int i = 0;
        while (i < a.length && i < b.length && a[i] == b[i]) {
            i++;
        }
        return i;
    }
}
