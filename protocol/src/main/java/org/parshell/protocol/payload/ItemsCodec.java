package org.parshell.protocol.payload;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Encodes the items of a chunk (inputs or results). A chunk whose items are all {@code Integer},
 * {@code Long} or {@code Double} travels as a packed primitive array, with no object graph per item;
 * anything else goes through the {@link PayloadCodec} as one {@code Object[]}.
 */
public final class ItemsCodec {
    private static final byte OBJECTS = 0, INTS = 1, LONGS = 2, DOUBLES = 3;

    private final PayloadCodec codec;

    public ItemsCodec(PayloadCodec codec) {
        this.codec = codec;
    }

    public byte[] encode(List<?> items) {
        Class<?> common = commonBoxType(items);
        int n = items.size();
        if (common == Integer.class) {
            ByteBuffer b = header(INTS, n, 4);
            for (Object o : items) {
                b.putInt((Integer) o);
            }
            return b.array();
        }
        if (common == Long.class) {
            ByteBuffer b = header(LONGS, n, 8);
            for (Object o : items) {
                b.putLong((Long) o);
            }
            return b.array();
        }
        if (common == Double.class) {
            ByteBuffer b = header(DOUBLES, n, 8);
            for (Object o : items) {
                b.putDouble((Double) o);
            }
            return b.array();
        }
        byte[] body = codec.encode(items.toArray());
        byte[] out = new byte[body.length + 1];
        out[0] = OBJECTS;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    public Object[] decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw new PayloadException("an empty chunk payload", null);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        byte kind = b.get();
        if (kind == OBJECTS) {
            if (!(codec.decode(java.util.Arrays.copyOfRange(bytes, 1, bytes.length)) instanceof Object[] items)) {
                throw new PayloadException("a chunk payload must hold an Object[]", null);
            }
            return items;
        }
        if (kind < INTS || kind > DOUBLES || b.remaining() < 4) {
            throw new PayloadException("a malformed chunk payload (kind " + kind + ", " + bytes.length + " bytes)", null);
        }
        int n = b.getInt();
        int width = kind == INTS ? 4 : 8;
        if (n < 0 || (long) n * width != b.remaining()) {
            throw new PayloadException("a malformed chunk payload (kind " + kind + ", " + n + " items, "
                    + b.remaining() + " bytes)", null);
        }
        Object[] items = new Object[n];
        for (int i = 0; i < n; i++) {
            items[i] = kind == INTS ? (Object) b.getInt() : kind == LONGS ? (Object) b.getLong() : (Object) b.getDouble();
        }
        return items;
    }

    private static ByteBuffer header(byte kind, int n, int width) {
        return ByteBuffer.allocate(1 + 4 + n * width).put(kind).putInt(n);
    }

    private static Class<?> commonBoxType(List<?> items) {
        if (items.isEmpty() || items.get(0) == null) {
            return null;
        }
        Class<?> first = items.get(0).getClass();
        if (first != Integer.class && first != Long.class && first != Double.class) {
            return null;
        }
        for (Object o : items) {
            if (o == null || o.getClass() != first) {
                return null;
            }
        }
        return first;
    }
}
