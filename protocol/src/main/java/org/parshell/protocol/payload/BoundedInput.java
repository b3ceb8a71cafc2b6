package org.parshell.protocol.payload;

import org.nustaq.serialization.FSTClazzInfo;
import org.nustaq.serialization.FSTConfiguration;
import org.nustaq.serialization.FSTObjectInput;
import org.nustaq.serialization.FSTObjectSerializer;
import org.nustaq.serialization.serializers.FSTArrayListSerializer;
import org.nustaq.serialization.serializers.FSTBigIntegerSerializer;
import org.nustaq.serialization.serializers.FSTCollectionSerializer;
import org.nustaq.serialization.serializers.FSTMapSerializer;

import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.Set;

/**
 * FST's object input, charging every length it reads off the stream to the payload's
 * {@link AllocationBudget} before FST allocates for it: arrays (primitive, object, multi-dimensional),
 * the capacities FST's collection and map serializers pass to {@code ArrayList}, {@code HashSet},
 * {@code HashMap}, ..., the bytes of a {@code BigInteger} or of a value in Java serialization, and the
 * arrays a JDK class's own {@code readObject} sizes from the stream (which it checks with the stream's
 * filter first, as {@code ArrayDeque} or {@code CopyOnWriteArrayList} do). Strings are charged by
 * {@link BoundedDecoder}. Needs a configuration whose decoders are {@link BoundedDecoder}s.
 */
final class BoundedInput extends FSTObjectInput {
    /** Serializers whose {@code instantiate} starts by reading a length and allocating for it. */
    private static final Set<Class<?>> LENGTH_FIRST = Set.of(FSTArrayListSerializer.class,
            FSTCollectionSerializer.class, FSTMapSerializer.class, FSTBigIntegerSerializer.class, JdkSerialization.class);

    private boolean streamFiltered;

    BoundedInput(FSTConfiguration conf, byte[] payload) throws IOException {
        super(conf);
        resetForReuseUseArray(payload, payload.length);
    }

    private BoundedDecoder decoder() {
        return (BoundedDecoder) getCodec();
    }

    @Override
    protected Object readArrayNoHeader(FSTClazzInfo.FSTFieldInfo referencee, int pos, Class arrCl) throws Exception {
        decoder().budget().charge(decoder().peekLength(), "an array " + arrCl.getSimpleName());
        return super.readArrayNoHeader(referencee, pos, arrCl);
    }

    @Override
    protected Object instantiateAndReadWithSer(Class c, FSTObjectSerializer ser, FSTClazzInfo clzSerInfo,
                                               FSTClazzInfo.FSTFieldInfo referencee, int readPos) throws Exception {
        if (LENGTH_FIRST.contains(ser.getClass())) {
            decoder().budget().charge(decoder().peekLength(), "a " + c.getName());
        }
        return super.instantiateAndReadWithSer(c, ser, clzSerInfo, referencee, readPos);
    }

    /** The stream a class's own {@code readObject} reads; the JDK's classes check array sizes with its filter. */
    @Override
    protected ObjectInputStream getObjectInputStream(Class cl, FSTClazzInfo clInfo, FSTClazzInfo.FSTFieldInfo referencee,
                                                     Object toRead) throws IOException {
        ObjectInputStream stream = super.getObjectInputStream(cl, clInfo, referencee, toRead);
        if (!streamFiltered) {
            stream.setObjectInputFilter(this::chargeArrays);
            streamFiltered = true;
        }
        return stream;
    }

    private ObjectInputFilter.Status chargeArrays(ObjectInputFilter.FilterInfo info) {
        if (info.serialClass() != null && info.serialClass().isArray()) {
            decoder().budget().charge(info.arrayLength(), "an array " + info.serialClass().getSimpleName());
        }
        return ObjectInputFilter.Status.UNDECIDED;
    }
}
