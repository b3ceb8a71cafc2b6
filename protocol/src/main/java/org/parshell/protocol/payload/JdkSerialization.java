package org.parshell.protocol.payload;

import org.nustaq.serialization.FSTBasicObjectSerializer;
import org.nustaq.serialization.FSTClazzInfo;
import org.nustaq.serialization.FSTConfiguration;
import org.nustaq.serialization.FSTObjectInput;
import org.nustaq.serialization.FSTObjectOutput;
import org.nustaq.serialization.FSTObjectSerializer;
import org.nustaq.serialization.FSTSerializerRegistryDelegate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@code Serializable} JDK class whose fields live in a package the JDK does not open to us
 * ({@code AtomicInteger}, {@code LongAdder}, the {@code sun.util.calendar.ZoneInfo} behind a
 * {@code TimeZone}, ...) cannot be written field by field, so it travels the way the JDK itself would send
 * it: through its own {@code writeObject}/{@code readObject}/{@code writeReplace}, as the bytes of Java
 * serialization inside the FST stream. Nothing more of the JDK needs opening, and FST still keeps one
 * object one wherever else the graph refers to it.
 */
final class JdkSerialization extends FSTBasicObjectSerializer implements FSTSerializerRegistryDelegate {
    private static final Module FST = FSTConfiguration.class.getModule();
    private static final int MAX_DEPTH = 32;
    private static final int MAX_REFERENCES = 100_000;
    /**
     * The JDK-internal classes such values are made of. Every other class of the JDK's modules outside
     * its {@code java.*} packages ({@code sun.*}, {@code jdk.internal.*}, {@code com.sun.*}: where
     * deserialization gadgets live) is refused.
     */
    private static final java.util.Set<String> INTERNAL_VALUES = java.util.Set.of("sun.util.calendar.ZoneInfo");

    static {
        // FST lists a class's fields (and opens them) before it asks for a serializer, which fails for these
        // classes; its shared field cache is where it looks first, so there they are said to have none.
        FSTClazzInfo.sharedFieldSets = new NoFieldsForClosedClasses(FSTClazzInfo.sharedFieldSets);
    }

    /** This serializer for a class FST could not open, else null (FST's own choice). */
    @Override
    public FSTObjectSerializer getSerializer(Class type) {
        return needsIt(type) ? this : null;
    }

    static boolean needsIt(Class<?> type) {
        Module module = type.getModule();
        return module.isNamed() && Serializable.class.isAssignableFrom(type) && !type.isArray() && !type.isEnum()
                && !type.isRecord() && !module.isOpen(type.getPackageName(), FST);
    }

    /**
     * A Java serialization stream over {@code bytes} that reads only the JDK's own classes, and arrays
     * (the ones it reads and the ones a class's {@code readObject} sizes from the stream) of no more
     * elements in all than {@code bytes} has bytes.
     */
    static ObjectInputStream reader(byte[] bytes) throws IOException {
        ObjectInputStream java = new ObjectInputStream(new ByteArrayInputStream(bytes));
        long[] elements = {0};
        java.setObjectInputFilter(info -> info.arrayLength() > 0 && (elements[0] += info.arrayLength()) > bytes.length
                ? ObjectInputFilter.Status.REJECTED : onlyJdkClasses(info));
        return java;
    }

    /**
     * What such a value holds is the JDK's public value classes: a stream inside the payload that names any other class is
     * refused, so this path cannot be used to make a peer's bytes into objects FST itself would not make.
     */
    private static ObjectInputFilter.Status onlyJdkClasses(ObjectInputFilter.FilterInfo info) {
        if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        while (type != null && type.isArray()) {
            type = type.getComponentType();
        }
        if (type == null || type.isPrimitive()) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        boolean jdk = type.getModule().isNamed() && type.getModule().getName().startsWith("java.");
        boolean publicApi = type.getPackageName().startsWith("java.") || INTERNAL_VALUES.contains(type.getName());
        return jdk && publicApi ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    }

    @Override
    public void writeObject(FSTObjectOutput out, Object value, FSTClazzInfo clzInfo,
                            FSTClazzInfo.FSTFieldInfo referencedBy, int streamPosition) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream java = new ObjectOutputStream(bytes)) {
            java.writeObject(value);
        }
        byte[] written = bytes.toByteArray();
        out.writeInt(written.length);
        out.write(written);
    }

    @Override
    public Object instantiate(Class type, FSTObjectInput in, FSTClazzInfo info,
                              FSTClazzInfo.FSTFieldInfo referencee, int streamPosition) throws Exception {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("a negative length (" + length + ") of a serialized " + type.getName());
        }
        byte[] written = new byte[length];
        in.readFully(written);
        Object value;
        try (ObjectInputStream java = reader(written)) {
            value = java.readObject();
        }
        if (!type.isInstance(value)) {
            throw new IOException("a serialized " + type.getName() + " gave a " + (value == null ? "null" : value.getClass().getName()));
        }
        in.registerObject(value, streamPosition, info, referencee);
        return value;
    }

    /** False: FST keeps track of the object, so that every reference to it reads back as the same one. */
    @Override
    public boolean alwaysCopy() {
        return false;
    }

    /** FST's cache of declared fields, answering "none" for a class this serializer writes. */
    private static final class NoFieldsForClosedClasses extends ConcurrentHashMap<Class, Field[]> {
        private static final Field[] NONE = new Field[0];

        NoFieldsForClosedClasses(Map<Class, Field[]> known) {
            super(known);
        }

        @Override
        public Field[] get(Object key) {
            return key instanceof Class<?> type && needsIt(type) ? NONE : super.get(key);
        }
    }
}
