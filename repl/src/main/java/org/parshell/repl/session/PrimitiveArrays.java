package org.parshell.repl.session;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * A one-dimensional array of a primitive type written as its raw elements, a slice at a time, so a
 * value of hundreds of MB goes to the file (and back) with one small buffer and no copy of the whole.
 */
final class PrimitiveArrays {
    private static final int SLICE_BYTES = 1 << 20;
    private static final Map<String, Class<?>> TYPES = Map.of("int", int.class, "long", long.class,
            "double", double.class, "float", float.class, "short", short.class, "char", char.class,
            "byte", byte.class, "boolean", boolean.class);

    /** Hears how many bytes of values went by. */
    interface Progress {
        void bytes(long count);
    }

    private PrimitiveArrays() {
    }

    static boolean isOne(Object value) {
        return value != null && value.getClass().isArray() && value.getClass().getComponentType().isPrimitive();
    }

    static long byteSize(String type, int length) {
        return (long) length * width(TYPES.get(type));
    }

    static void write(DataOutputStream out, Object array, Progress progress) throws IOException {
        Class<?> type = array.getClass().getComponentType();
        int length = Array.getLength(array);
        out.writeUTF(type.getName());
        out.writeInt(length);
        int width = width(type);
        int step = SLICE_BYTES / width;
        ByteBuffer buffer = ByteBuffer.allocate(SLICE_BYTES);
        for (int from = 0; from < length; from += step) {
            int n = Math.min(step, length - from);
            buffer.clear();
            put(buffer, array, from, n);
            out.write(buffer.array(), 0, n * width);
            progress.bytes((long) n * width);
        }
    }

    /** Reads the type and length only, for the caller to skip or {@link #readElements} the rest. */
    static Object allocate(String type, int length) throws IOException {
        Class<?> component = TYPES.get(type);
        if (component == null || length < 0) {
            throw new IOException("not a primitive array: " + type + "[" + length + "]");
        }
        return Array.newInstance(component, length);
    }

    static void readElements(DataInputStream in, Object array, Progress progress) throws IOException {
        Class<?> type = array.getClass().getComponentType();
        int length = Array.getLength(array);
        int width = width(type);
        int step = SLICE_BYTES / width;
        ByteBuffer buffer = ByteBuffer.allocate(SLICE_BYTES);
        for (int from = 0; from < length; from += step) {
            int n = Math.min(step, length - from);
            in.readFully(buffer.array(), 0, n * width);
            buffer.clear().limit(n * width);
            get(buffer, array, from, n);
            progress.bytes((long) n * width);
        }
    }

    private static int width(Class<?> type) {
        if (type == long.class || type == double.class) {
            return 8;
        }
        if (type == int.class || type == float.class) {
            return 4;
        }
        return type == short.class || type == char.class ? 2 : 1;
    }

    private static void put(ByteBuffer b, Object a, int from, int n) {
        if (a instanceof int[] v) {
            b.asIntBuffer().put(v, from, n);
        } else if (a instanceof long[] v) {
            b.asLongBuffer().put(v, from, n);
        } else if (a instanceof double[] v) {
            b.asDoubleBuffer().put(v, from, n);
        } else if (a instanceof float[] v) {
            b.asFloatBuffer().put(v, from, n);
        } else if (a instanceof short[] v) {
            b.asShortBuffer().put(v, from, n);
        } else if (a instanceof char[] v) {
            b.asCharBuffer().put(v, from, n);
        } else if (a instanceof byte[] v) {
            b.put(v, from, n);
        } else {
            boolean[] v = (boolean[]) a;
            for (int i = 0; i < n; i++) {
                b.put((byte) (v[from + i] ? 1 : 0));
            }
        }
    }

    private static void get(ByteBuffer b, Object a, int from, int n) {
        if (a instanceof int[] v) {
            b.asIntBuffer().get(v, from, n);
        } else if (a instanceof long[] v) {
            b.asLongBuffer().get(v, from, n);
        } else if (a instanceof double[] v) {
            b.asDoubleBuffer().get(v, from, n);
        } else if (a instanceof float[] v) {
            b.asFloatBuffer().get(v, from, n);
        } else if (a instanceof short[] v) {
            b.asShortBuffer().get(v, from, n);
        } else if (a instanceof char[] v) {
            b.asCharBuffer().get(v, from, n);
        } else if (a instanceof byte[] v) {
            b.get(v, from, n);
        } else {
            boolean[] v = (boolean[]) a;
            for (int i = 0; i < n; i++) {
                v[from + i] = b.get() != 0;
            }
        }
    }
}
