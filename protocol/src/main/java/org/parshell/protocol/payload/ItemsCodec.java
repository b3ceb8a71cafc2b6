package org.parshell.protocol.payload;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Encodes the items of a chunk (inputs or results). A chunk whose items are all {@code Integer},
 * {@code Long} or {@code Double} travels as a packed primitive array, with no object graph per item,
 * and can be decoded back to that primitive array ({@link #decodeArray}); anything else goes through
 * the {@link PayloadCodec} as one {@code Object[]}. Layout: a kind byte, then for packed kinds the
 * item count (int) and the values, big-endian.
 */
public final class ItemsCodec {
    private static final byte OBJECTS = 0, INTS = 1, LONGS = 2, DOUBLES = 3;
    private static final int HEADER = 5;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.BIG_ENDIAN);

    private final PayloadCodec codec;

    public ItemsCodec(PayloadCodec codec) {
        this.codec = codec;
    }

    public byte[] encode(List<?> items) {
        if (items instanceof IntSequence ints) {
            return packInts(ints);
        }
        List<?> indexed = items instanceof RandomAccess ? items : Arrays.asList(items.toArray());
        byte[] packed = indexed.isEmpty() ? null : pack(indexed);
        return packed != null ? packed : objects(indexed);
    }

    /** Encodes the items as {@link #decodeArray} gives them back: an {@code int[]} packed as it is, an {@code Object[]} as by {@link #encode}. */
    public byte[] encodeArray(Object array) {
        if (array instanceof int[] ints) {
            byte[] out = header(INTS, ints.length, 4);
            for (int i = 0; i < ints.length; i++) {
                INT.set(out, HEADER + 4 * i, ints[i]);
            }
            return out;
        }
        if (array instanceof Object[] objects) {
            return encode(Arrays.asList(objects));
        }
        throw new IllegalArgumentException("not an int[] or Object[]: " + (array == null ? "null" : array.getClass().getName()));
    }

    /** The items, boxed. */
    public Object[] decode(byte[] bytes) {
        Object array = decodeArray(bytes);
        if (array instanceof Object[] objects) {
            return objects;
        }
        int n = java.lang.reflect.Array.getLength(array);
        Object[] boxed = new Object[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = boxed(array, i);
        }
        return boxed;
    }

    /** Item {@code i} of an array {@link #decodeArray} gave, boxed. */
    public static Object boxed(Object array, int i) {
        if (array instanceof int[] a) {
            return a[i];
        }
        if (array instanceof long[] a) {
            return a[i];
        }
        if (array instanceof double[] a) {
            return a[i];
        }
        return ((Object[]) array)[i];
    }

    /** The items as they travelled: an {@code int[]}, {@code long[]} or {@code double[]} for a packed chunk, else an {@code Object[]}. */
    public Object decodeArray(byte[] bytes) {
        if (bytes.length == 0) {
            throw new PayloadException("an empty chunk payload", null);
        }
        byte kind = bytes[0];
        if (kind == OBJECTS) {
            if (!(codec.decode(Arrays.copyOfRange(bytes, 1, bytes.length)) instanceof Object[] items)) {
                throw new PayloadException("a chunk payload must hold an Object[]", null);
            }
            return items;
        }
        int n = packedCount(bytes);
        ByteBuffer body = ByteBuffer.wrap(bytes, HEADER, bytes.length - HEADER);
        if (kind == INTS) {
            int[] out = new int[n];
            body.asIntBuffer().get(out);
            return out;
        }
        if (kind == LONGS) {
            long[] out = new long[n];
            body.asLongBuffer().get(out);
            return out;
        }
        double[] out = new double[n];
        body.asDoubleBuffer().get(out);
        return out;
    }

    private static byte[] packInts(IntSequence ints) {
        int n = ints.size();
        byte[] out = header(INTS, n, 4);
        for (int i = 0; i < n; i++) {
            INT.set(out, HEADER + 4 * i, ints.intAt(i));
        }
        return out;
    }

    /** One pass: packs while every item has the first item's box type; null as soon as one does not. */
    private static byte[] pack(List<?> items) {
        int n = items.size();
        Object first = items.get(0);
        if (first instanceof Integer) {
            byte[] out = header(INTS, n, 4);
            for (int i = 0; i < n; i++) {
                if (!(items.get(i) instanceof Integer v)) {
                    return null;
                }
                INT.set(out, HEADER + 4 * i, v.intValue());
            }
            return out;
        }
        if (first instanceof Long) {
            byte[] out = header(LONGS, n, 8);
            for (int i = 0; i < n; i++) {
                if (!(items.get(i) instanceof Long v)) {
                    return null;
                }
                LONG.set(out, HEADER + 8 * i, v.longValue());
            }
            return out;
        }
        if (first instanceof Double) {
            byte[] out = header(DOUBLES, n, 8);
            for (int i = 0; i < n; i++) {
                if (!(items.get(i) instanceof Double v)) {
                    return null;
                }
                DOUBLE.set(out, HEADER + 8 * i, v.doubleValue());
            }
            return out;
        }
        return null;
    }

    private byte[] objects(List<?> items) {
        byte[] body = codec.encode(items.toArray());
        byte[] out = new byte[body.length + 1];
        out[0] = OBJECTS;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    private static byte[] header(byte kind, int n, int width) {
        byte[] out = new byte[HEADER + n * width];
        out[0] = kind;
        INT.set(out, 1, n);
        return out;
    }

    /** The item count of a packed payload, checked against its length. */
    private static int packedCount(byte[] bytes) {
        byte kind = bytes[0];
        if (kind < INTS || kind > DOUBLES || bytes.length < HEADER) {
            throw new PayloadException("a malformed chunk payload (kind " + kind + ", " + bytes.length + " bytes)", null);
        }
        int n = (int) INT.get(bytes, 1);
        int width = kind == INTS ? 4 : 8;
        if (n < 0 || (long) n * width != bytes.length - HEADER) {
            throw new PayloadException("a malformed chunk payload (kind " + kind + ", " + n + " items, "
                    + (bytes.length - HEADER) + " bytes)", null);
        }
        return n;
    }
}
